package poolcheck.system;

/**
 * Receives what one state's transitions produce. The arrays are owned by the receiver, unless it
 * says it {@linkplain #keepsSuccessors keeps none}.
 */
public interface SuccessorSink {
  void successor(int[] next, int transition);

  /**
   * Whether the receiver holds on to a successor array after {@link #successor} returns. One that
   * does not (the level search packs each successor at once) lets the compiled steps hand it the
   * same few arrays again and again: a new copy of the state per successor is fresh memory, a
   * cache miss per line to write it and to read it back, and garbage.
   */
  default boolean keepsSuccessors() {
    return true;
  }

  /** {@code at} is the state at the moment the property broke, mid-step for an assertion. */
  void violation(int property, int[] at, int transition);
}
