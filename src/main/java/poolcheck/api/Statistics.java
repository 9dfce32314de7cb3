package poolcheck.api;

/**
 * Figures of one run. {@code generated} counts successor states computed, duplicates included
 * (steps taken, for a simulation); {@code distinct} the states stored (0 for a simulation);
 * {@code depth} the level of the deepest state; {@code collisionProbability} bounds the chance
 * that a fingerprint collision hid a state (0 when states are stored exactly).
 */
public record Statistics(long generated, long distinct, int depth, long millis, int workers,
    long bytesPerState, double collisionProbability) {
  public double statesPerSecond() {
    return millis == 0 ? distinct * 1000.0 : distinct * 1000.0 / millis;
  }
}
