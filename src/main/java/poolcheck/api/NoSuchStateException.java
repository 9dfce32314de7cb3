package poolcheck.api;

/**
 * A path of choices that leads to no state: a choice number the state does not have, a step
 * past a violation, or no path at all. The message says which choice failed and what the
 * state offers instead.
 */
public final class NoSuchStateException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  NoSuchStateException(String message) {
    super(message);
  }
}
