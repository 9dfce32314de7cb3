package poolcheck.api;

/** What a run concluded. Only VERIFIED and VIOLATED are conclusions about the model. */
public enum Verdict {
  /** Every reachable state was explored and every checked property holds. */
  VERIFIED,
  /** A checked property fails; the result carries a counterexample. */
  VIOLATED,
  /** A limit (states, depth, time) stopped the search, or a simulation found nothing. */
  INCOMPLETE,
  /** The run was stopped ({@link CheckRun#stop()}, a signal). */
  INTERRUPTED
}
