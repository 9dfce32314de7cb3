package poolcheck.cli;

/** The process exit statuses, documented in README.md. */
final class ExitCode {
  static final int VERIFIED = 0;
  static final int VIOLATED = 1;
  static final int BAD_INPUT = 2;
  static final int INCOMPLETE = 3;
  static final int INTERRUPTED = 4;
  /** A bug in poolcheck: reported like bad input, so that it never reads as "violated". */
  static final int INTERNAL_ERROR = BAD_INPUT;
  /** Out of memory outside the search, which reports its own (a limit, like the search's). */
  static final int OUT_OF_MEMORY = INCOMPLETE;
  /** --strict: verified, but a step was never taken or a check was vacuous. */
  static final int WARNINGS = 5;

  private ExitCode() {}
}
