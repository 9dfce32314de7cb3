package poolcheck.result;

/**
 * Figures of one run. {@code generated} counts successor states computed, duplicates
 * included; {@code distinct} the states stored; {@code depth} the BFS level of the deepest state.
 * {@code bytesPerState} is the heap held by the visited set and the trace links per distinct
 * state; {@code collisionProbability} bounds the chance that a fingerprint collision hid a state
 * (0 in exact mode and for states that pack into one word, where fingerprints are exact).
 */
public record Statistics(long generated, long distinct, int depth, long millis, int workers,
    long bytesPerState, double collisionProbability) {
  public Statistics(long generated, long distinct, int depth, long millis, int workers,
      long bytesPerState) {
    this(generated, distinct, depth, millis, workers, bytesPerState, 0);
  }

  public double statesPerSecond() {
    return millis == 0 ? distinct * 1000.0 : distinct * 1000.0 / millis;
  }
}
