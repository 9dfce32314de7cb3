package poolcheck.explore.store;

/**
 * The 64-bit fingerprint of a packed state. Specified and stable (pinned by a known-answer test),
 * because fingerprints may be stored and compared across runs.
 *
 * <p>Each word is folded in with a multiply and the whole is finished with the murmur3 64-bit
 * finaliser. For a one-word state the function is a bijection (xor, odd multiply and the
 * finaliser are all invertible), so fingerprint mode is then exact: no two states can collide.
 */
public final class Fingerprint {
  private static final long SEED = 0x9E3779B97F4A7C15L;
  private static final long FOLD = 0xBF58476D1CE4E5B9L;

  private Fingerprint() {}

  public static long of(long[] packed, int offset, int words) {
    if (words == 1) return finish(packed[offset] ^ SEED);
    long h = SEED;
    for (int w = 0; w < words; w++) {
      h = (h ^ packed[offset + w]) * FOLD;
      h ^= h >>> 32;
    }
    return finish(h);
  }

  public static long of(long[] packed) {
    return of(packed, 0, packed.length);
  }

  /** murmur3's fmix64: every input bit affects every output bit. */
  public static long finish(long h) {
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    h ^= h >>> 33;
    return h;
  }

  /**
   * The chance that two of {@code distinct} states share a fingerprint, so that one was taken for
   * the other and (with everything it alone leads to) never explored. The birthday bound
   * n(n-1)/2 / 2^64, i.e. about n^2 / 2^65; this is TLC's "optimistic" style estimate from the
   * state count, assuming fingerprints behave as uniform random values. Zero for one-word states,
   * where fingerprints are exact.
   */
  public static double collisionProbability(long distinct, int words) {
    if (words == 1 || distinct < 2) return 0;
    double n = distinct;
    return Math.min(1.0, n * (n - 1) / 2 / Math.pow(2, 64));
  }
}
