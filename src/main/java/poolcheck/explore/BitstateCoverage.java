package poolcheck.explore;

import poolcheck.explore.store.BitstateSet;

/**
 * How much of the state space a bitstate search may have missed, from the size of its bit array
 * ({@code m} bits), the bits per state ({@code k}) and the states it stored ({@code n}).
 *
 * <ul>
 *   <li>{@code hashFactor} = m / n, SPIN's figure: above 100 a search is very likely complete.
 *   <li>{@code fillRatio} = bits set / m, measured: the chance that one more new state is taken
 *       for seen is {@code fillRatio^k} ({@code omission}).
 *   <li>{@code expectedMissed}: the states expected to have been taken for seen while the n were
 *       stored, the integral from 0 to n of (1 - e^(-k x / m))^k dx (the chance of a false
 *       "seen" when x states fill the array, Bloom's formula), computed by Simpson's rule.
 *   <li>{@code coverage} = n / (n + expectedMissed), the estimate reported. It counts the states
 *       skipped themselves, not what only they lead to, so it is an upper bound on the true
 *       fraction; docs/swarm.md sets it beside measured ones.
 * </ul>
 */
public record BitstateCoverage(long bits, int hashFunctions, long seed, long stored,
    long bitsSet, double hashFactor, double fillRatio, double omission, double expectedMissed,
    double coverage) {

  /** The figures of {@code set} once its search is over. */
  public static BitstateCoverage of(BitstateSet set) {
    long n = set.stored();
    long m = set.bits();
    int k = set.hashes();
    double fill = set.fillRatio();
    double missed = expectedMissed(n, m, k);
    return new BitstateCoverage(m, k, set.seed(), n, set.bitsSet(),
        n == 0 ? Double.POSITIVE_INFINITY : (double) m / n, fill, Math.pow(fill, k), missed,
        n == 0 ? 1 : n / (n + missed));
  }

  /** The integral from 0 to n of (1 - e^(-k x / m))^k dx. */
  static double expectedMissed(long n, long m, int k) {
    if (n == 0) return 0;
    int intervals = 1000;
    double h = (double) n / intervals;
    double sum = 0;
    for (int i = 0; i <= intervals; i++) {
      double weight = i == 0 || i == intervals ? 1 : (i % 2 == 1 ? 4 : 2);
      sum += weight * falseSeen(i * h, m, k);
    }
    return sum * h / 3;
  }

  /** Bloom's chance that a new state's k bits are all set when x states fill m bits. */
  static double falseSeen(double x, long m, int k) {
    return Math.pow(-Math.expm1(-k * x / m), k);
  }
}
