package poolcheck.api;

/**
 * Bad model text, a bad constant value, or a trace file that cannot be read as a trace: the
 * message holds every diagnostic, one per line, as {@code file:line:column: error PCnnn: ...}.
 */
public final class InvalidInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
