package poolcheck.system;

/** Receives what one state's transitions produce. The arrays are owned by the receiver. */
public interface SuccessorSink {
  void successor(int[] next, int transition);

  /** {@code at} is the state at the moment the property broke, mid-step for an assertion. */
  void violation(int property, int[] at, int transition);
}
