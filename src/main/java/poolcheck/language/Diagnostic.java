package poolcheck.language;

/**
 * One problem in model text. Codes are stable (documented in docs/language.md) so that users
 * and tests can rely on them; the message says what was found and what was expected.
 */
public record Diagnostic(String code, Position position, String message) {
  public String render() {
    return position + ": error " + code + ": " + message;
  }

  /** The same form for a problem that does not stop the check. */
  public String renderWarning() {
    return position + ": warning " + code + ": " + message;
  }

  @Override
  public String toString() {
    return render();
  }
}
