package poolcheck.explore.swarm;

import poolcheck.explore.store.Fingerprint;

/**
 * Flajolet's HyperLogLog over state fingerprints: how many distinct states the searches of a
 * swarm visited between them, in 16 KiB per search, where storing the states would defeat the
 * point of bit arrays. Each search fills its own sketch (no sharing in the hot loop); the
 * swarm merges them by taking each register's maximum, which is the sketch of the union.
 *
 * <p>2^14 registers of one byte: a relative standard error of 1.04 / 2^7, about 0.8 %. Below
 * 2.5 x 2^14 distinct states the estimate is Whang's linear counting over the empty registers,
 * which is close to exact there; above, the HyperLogLog estimate with its bias constant (a
 * little biased just above that threshold: 2.8 % measured once, docs/swarm.md). The
 * fingerprint is mixed again with a constant so that the register bits are independent of the
 * bit positions a search's array takes from the same fingerprint.
 */
final class DistinctSketch {
  private static final int P = 14;
  private static final int M = 1 << P;
  private final byte[] registers = new byte[M];

  void add(long fp) {
    long h = Fingerprint.finish(fp ^ 0x5851F42D4C957F2DL);
    int register = (int) (h >>> (64 - P));
    // the rank of the first set bit among the remaining 64 - P; the guard bit bounds it
    int rank = Long.numberOfLeadingZeros((h << P) | (1L << (P - 1))) + 1;
    if (rank > registers[register]) registers[register] = (byte) rank;
  }

  /** Takes in everything {@code other} has seen. */
  void merge(DistinctSketch other) {
    for (int i = 0; i < M; i++) {
      if (other.registers[i] > registers[i]) registers[i] = other.registers[i];
    }
  }

  /** The estimated number of distinct fingerprints added. */
  double estimate() {
    double sum = 0;
    int empty = 0;
    for (byte r : registers) {
      sum += Math.scalb(1.0, -r);
      if (r == 0) empty++;
    }
    double alpha = 0.7213 / (1 + 1.079 / M);
    double raw = alpha * M * (double) M / sum;
    if (raw <= 2.5 * M && empty > 0) return M * Math.log((double) M / empty);
    return raw;
  }
}
