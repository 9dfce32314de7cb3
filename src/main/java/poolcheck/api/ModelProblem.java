package poolcheck.api;

/**
 * One problem a model has: where (file as shown, 1-based line and column), its stable code
 * ({@code PC104}, docs/language.md) and what is wrong. A warning does not stop a check.
 */
public record ModelProblem(String file, int line, int column, String code, String message,
    boolean warning) {
  /** {@code file:line:column: error PCnnn: message}, the form every command prints. */
  public String render() {
    return file + ":" + line + ":" + column + ": " + (warning ? "warning " : "error ") + code
        + ": " + message;
  }
}
