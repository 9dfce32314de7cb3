package poolcheck.explore.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.LongAdder;

/**
 * Holzmann's bitstate hashing (the supertrace of SPIN's {@code -DBITSTATE}): a state is one bit
 * in each of {@code k} places of a bit array, so it costs no memory of its own and the array
 * holds as many states as it can before it fills up. A state whose k bits are all already set is
 * taken for seen, right or wrong: a new state may be skipped, with everything only it leads to.
 * So a search over this set finds violations but proves nothing; {@link #fillRatio()} says how
 * likely a skip was.
 *
 * <p>Memory layout: one long[] of {@code bits / 64} words. The k bit positions come from the
 * 64-bit fingerprint by double hashing (Kirsch and Mitzenmacher: position i is h1 + i * h2, h2
 * odd), each reduced to {@code [0, bits)} by a multiply rather than a modulo, so the size need
 * not be a power of two. The seed perturbs h1 and h2: searches with different seeds skip
 * different states, which is what a swarm of them is for.
 *
 * <p>Bits are set with an atomic or, so workers share the array without a lock. Two workers
 * adding the same state at the same instant may both see a bit of their own flip and both call
 * it new: the state is then expanded twice (counted twice), never lost.
 */
public final class BitstateSet {
  private static final VarHandle WORD = MethodHandles.arrayElementVarHandle(long[].class);
  /** The most bits one array holds: Java arrays stop at 2^31 - 1 longs. */
  public static final long MAX_BITS = (long) (Integer.MAX_VALUE - 8) * 64;

  private final long[] words;
  private final long bits;
  private final int hashes;
  private final long seed;
  private final LongAdder bitsSet = new LongAdder();
  private final LongAdder stored = new LongAdder();

  /**
   * An empty array of {@code bits} bits (rounded down to whole longs, at least 64) with {@code
   * hashes} bit positions per state.
   */
  public BitstateSet(long bits, int hashes, long seed) {
    if (bits < 64 || bits > MAX_BITS) {
      throw new IllegalArgumentException("bits " + bits + ": expected 64 to " + MAX_BITS);
    }
    if (hashes < 1) throw new IllegalArgumentException("hashes " + hashes + ": expected >= 1");
    this.words = new long[(int) (bits / 64)];
    this.bits = (long) words.length * 64;
    this.hashes = hashes;
    this.seed = seed;
  }

  /** Sets the state's bits; true if one of them was clear (the state is taken for new). */
  public boolean add(long fp) {
    long h1 = Fingerprint.finish(fp ^ seed);
    // odd, so never 0: the k positions of one state do not all coincide
    long h2 = Fingerprint.finish(h1 ^ 0x9E3779B97F4A7C15L ^ seed * 0xC2B2AE3D27D4EB4FL) | 1;
    boolean fresh = false;
    long h = h1;
    for (int i = 0; i < hashes; i++, h += h2) {
      long bit = reduce(h, bits);
      int word = (int) (bit >>> 6);
      long mask = 1L << bit;
      // a plain read first: most bits of a well-filled array are already set
      if ((words[word] & mask) != 0) continue;
      long before = (long) WORD.getAndBitwiseOr(words, word, mask);
      if ((before & mask) == 0) {
        fresh = true;
        bitsSet.increment();
      }
    }
    if (fresh) stored.increment();
    return fresh;
  }

  /** {@code h} mapped uniformly onto [0, n): the high word of the unsigned 128-bit product. */
  static long reduce(long h, long n) {
    return Math.multiplyHigh(h, n) + ((h >> 63) & n);
  }

  public long bits() {
    return bits;
  }

  public int hashes() {
    return hashes;
  }

  public long seed() {
    return seed;
  }

  /** States taken for new so far. */
  public long stored() {
    return stored.sum();
  }

  public long bitsSet() {
    return bitsSet.sum();
  }

  /** The fraction of bits set: a new state is taken for seen with chance fillRatio^k. */
  public double fillRatio() {
    return (double) bitsSet.sum() / bits;
  }

  public long heapBytes() {
    return (long) words.length * 8;
  }
}
