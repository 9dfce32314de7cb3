package poolcheck.language;

/**
 * One problem in model text (or a trace file). The code is an {@link ErrorCode}, stable and
 * listed in docs/language.md, so that users and tests can rely on it; the message says what was
 * found and what was expected. Rendered here and nowhere else.
 */
public record Diagnostic(ErrorCode errorCode, Position position, String message) {
  /** The code's stable text, e.g. {@code PC104}. */
  public String code() {
    return errorCode.code();
  }

  public String render() {
    return position + ": error " + code() + ": " + message;
  }

  /** The same form for a problem that does not stop the check. */
  public String renderWarning() {
    return position + ": warning " + code() + ": " + message;
  }

  @Override
  public String toString() {
    return render();
  }
}
