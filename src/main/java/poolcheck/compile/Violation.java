package poolcheck.compile;

/**
 * A property broken while a step or invariant runs; caught where the transition started. No
 * stack trace: it is control flow, and only the state matters. {@code detail} says what failed
 * (the variable, the value, the expression and its position), built only when thrown; null
 * where there is nothing to add to the property's name.
 */
final class Violation extends RuntimeException {
  final int property;
  final int[] state;
  final String detail;

  Violation(int property, int[] state) {
    this(property, state, null);
  }

  Violation(int property, int[] state, String detail) {
    super(null, null, false, false);
    this.property = property;
    this.state = state;
    this.detail = detail;
  }
}
