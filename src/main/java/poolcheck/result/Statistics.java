package poolcheck.result;

/**
 * Figures of one run. {@code generated} counts successor states computed, duplicates
 * included; {@code distinct} the states stored; {@code depth} the BFS level of the deepest state.
 */
public record Statistics(long generated, long distinct, int depth, long millis, int workers,
    long bytesPerState) {
  public double statesPerSecond() {
    return millis == 0 ? distinct * 1000.0 : distinct * 1000.0 / millis;
  }
}
