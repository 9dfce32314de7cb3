package poolcheck.result;

/** What a run concluded. Only VERIFIED and VIOLATED are conclusions about the model. */
public enum Verdict {
  /** Every reachable state was explored and every checked property holds. */
  VERIFIED,
  /** A checked property fails; the result carries the shortest counterexample. */
  VIOLATED,
  /** A limit (states, depth, time) stopped the search before it was complete. */
  INCOMPLETE,
  /** The user stopped the run. */
  INTERRUPTED
}
