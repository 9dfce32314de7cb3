package poolcheck.compile;

/**
 * A property broken while a step or invariant runs; caught where the transition started. No
 * stack trace: it is control flow, and only the state matters.
 */
final class Violation extends RuntimeException {
  final int property;
  final int[] state;

  Violation(int property, int[] state) {
    super(null, null, false, false);
    this.property = property;
    this.state = state;
  }
}
