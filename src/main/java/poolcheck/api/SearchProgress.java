package poolcheck.api;

/** Receives figures while an exhaustive search runs, from the search's own thread. */
public interface SearchProgress {
  void report(long distinct, long generated, long frontier, int depth, long millis);

  /** While a checkpoint loads: {@code done} of {@code total} bytes of one of its sections. */
  default void loading(String section, long done, long total, long millis) {}

  /**
   * While the liveness properties are checked, after the safety search: in phase {@code graph},
   * {@code done} states expanded of {@code total} numbered so far; in phase {@code property
   * NAME}, that property is decided, {@code done} of {@code total} before it.
   */
  default void liveness(String phase, long done, long total, long millis) {}

  /**
   * A search begins, one of several run one after another ({@link Proofs#stable}: each row's
   * safety search, again after each violation, then its liveness search): what it checks.
   */
  default void begins(String search) {}

  /**
   * While a swarm runs: searches {@code finished} and {@code running} of {@code searches}, the
   * states they stored (summed: a state two searches met counts twice) and generated.
   */
  default void swarm(int finished, int running, int searches, long stored, long generated,
      long millis) {}
}
