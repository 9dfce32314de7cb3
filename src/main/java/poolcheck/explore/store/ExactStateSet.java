package poolcheck.explore.store;

/**
 * Packed states of several words, exactly, for {@code --exact} on multi-word layouts: 64
 * stripes chosen by the fingerprint's top bits, each an open-addressing table whose slots hold
 * the state's words themselves (linear probing from the fingerprint's low bits, at most 3/4
 * full) under the stripe's lock.
 *
 * <p>Why not {@link StateStore}: a level search needs neither state numbers nor parents from its
 * visited set (the trace log keeps them), and a store's probe reads its int table and then the
 * arena, two cache misses a lookup on a large space. Here a lookup reads one slot, which
 * {@link #touch} can read ahead for a batch of successors as the fingerprint tables do; and a
 * state costs its words over the load factor (3/8 to 3/4: 11 to 21 bytes a word) instead of
 * its words in an arena grown by doubling, two ints and a half-empty int table.
 *
 * <p>An all-zero slot is empty; the all-zero state, a real state (every variable 0), is kept
 * apart in a flag per stripe.
 */
final class ExactStateSet implements VisitedSet {
  private static final int STRIPES = 64;
  private final int words;
  private final Stripe[] stripes = new Stripe[STRIPES];
  // runs before a stripe's table grows; tests make it throw OutOfMemoryError to show that a
  // failed grow leaves the set as it was (under the real error the moment is not reproducible)
  Runnable beforeGrow = () -> {};

  ExactStateSet(int words) {
    if (words < 1) throw new IllegalArgumentException("words " + words);
    this.words = words;
    for (int i = 0; i < STRIPES; i++) stripes[i] = new Stripe();
  }

  @Override
  public boolean add(long[] packed, long fp) {
    Stripe s = stripes[(int) (fp >>> 58)];
    synchronized (s) {
      return s.add(packed, fp);
    }
  }

  @Override
  public long touch(long fp) {
    // unlocked and possibly stale (a rehash may swap the table): only a read ahead, whose
    // value nobody uses but the JIT must not drop
    Stripe s = stripes[(int) (fp >>> 58)];
    long[] slots = s.slots;
    return slots[(int) (fp & s.mask) * words];
  }

  @Override
  public long heapBytes() {
    long bytes = 0;
    for (Stripe s : stripes) {
      synchronized (s) {
        bytes += (long) s.slots.length * 8;
      }
    }
    return bytes;
  }

  long size() {
    long n = 0;
    for (Stripe s : stripes) {
      synchronized (s) {
        n += s.size;
      }
    }
    return n;
  }

  /** One stripe's table; the methods run under the stripe's lock. */
  private final class Stripe {
    long[] slots;
    /** Slots - 1: the table has a power-of-two number of slots. */
    int mask;
    int size;
    boolean zeroState;

    Stripe() {
      this.slots = new long[64 * words];
      this.mask = 63;
    }

    boolean add(long[] packed, long fp) {
      if (isZero(packed)) {
        if (zeroState) return false;
        zeroState = true;
        size++;
        return true;
      }
      int slot = (int) (fp & mask);
      while (true) {
        int base = slot * words;
        if (isEmpty(slots, base)) break;
        if (equalsAt(base, packed)) return false;
        slot = (slot + 1) & mask;
      }
      // grow before storing: an allocation that runs out of memory leaves the stripe as it was
      if ((long) (size + 1) * 4 > (long) (mask + 1) * 3) {
        rehash();
        slot = (int) (fp & mask);
        while (!isEmpty(slots, slot * words)) slot = (slot + 1) & mask;
      }
      System.arraycopy(packed, 0, slots, slot * words, words);
      size++;
      return true;
    }

    private boolean equalsAt(int base, long[] packed) {
      for (int w = 0; w < words; w++) {
        if (slots[base + w] != packed[w]) return false;
      }
      return true;
    }

    private boolean isEmpty(long[] table, int base) {
      for (int w = 0; w < words; w++) {
        if (table[base + w] != 0) return false;
      }
      return true;
    }

    private boolean isZero(long[] packed) {
      return isEmpty(packed, 0);
    }

    private void rehash() {
      long capacity = (long) (mask + 1) * 2;
      if (capacity * words > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("exact state set is full: use fingerprints (drop "
            + "--exact) or --spill-dir");
      }
      beforeGrow.run();
      long[] grown = new long[(int) (capacity * words)];
      int grownMask = (int) capacity - 1;
      for (int base = 0; base < slots.length; base += words) {
        if (isEmpty(slots, base)) continue;
        int slot = (int) (Fingerprint.of(slots, base, words) & grownMask);
        while (!isEmpty(grown, slot * words)) slot = (slot + 1) & grownMask;
        System.arraycopy(slots, base, grown, slot * words, words);
      }
      slots = grown;
      mask = grownMask;
    }
  }
}
