package poolcheck.system;

/**
 * One thread's means of running a {@link TransitionSystem}: its scratch space, the properties it
 * checks and its coverage counts. Each search thread makes its own with
 * {@link TransitionSystem#stepper}; a stepper is never shared between threads.
 *
 * <p>Successors and violations go to a {@link SuccessorSink} in a fixed order for a given state
 * (traces are rebuilt by re-running a state and picking the n-th emission). A sink may call back
 * into the same stepper (e.g. {@link #violatedInvariant} on a successor) while it runs.
 */
public interface Stepper {
  /** Emits every initial state (transition -1); a violation here has an empty trace. */
  void initialStates(SuccessorSink sink);

  /** Emits what every enabled transition produces from {@code s}: the search's hot loop. */
  void successors(int[] s, SuccessorSink sink);

  /** Emits what one transition produces from {@code s} (nothing when it is not enabled there). */
  void successors(int[] s, int transition, SuccessorSink sink);

  /** The id of the first checked invariant that fails in {@code s}, or -1. */
  int violatedInvariant(int[] s);

  /** Whether {@code s}, where nothing is enabled, is a legitimate end rather than a deadlock. */
  boolean isFinal(int[] s);

  /** What this stepper has counted so far (live, not a copy). */
  Counts counts();

  /** The premise of leads-to property k (see {@link Liveness}) in {@code s}. */
  default boolean livenessPremise(int k, int[] s) {
    throw new UnsupportedOperationException("no leads-to property " + k);
  }

  /** The awaited condition of leads-to property k in {@code s}. */
  default boolean livenessGoal(int k, int[] s) {
    throw new UnsupportedOperationException("no leads-to property " + k);
  }
}
