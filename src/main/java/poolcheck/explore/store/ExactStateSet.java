package poolcheck.explore.store;

import java.util.Arrays;

/**
 * Packed states of several words, exactly, for {@code --exact} on multi-word layouts: 64
 * stripes chosen by the fingerprint's top bits, each under its own lock, each the packed states
 * back to back in chunks of an arena and an open-addressing table of state index + 1 (0 is
 * empty), linear probing from the fingerprint's low bits, at most 3/4 full.
 *
 * <p>Why not {@link StateStore}, which it replaced here: a level search needs neither state
 * numbers nor parents from its visited set (the trace log keeps them), so there are no
 * {@code parent} and {@code transition} arrays; the arena grows by chunks, never copied, so a
 * state costs its words and not up to twice them; the table may be 3/4 full rather than half;
 * and {@link #touch} reads a successor's table slot ahead, in a batch, as the fingerprint tables
 * do. About 8 bytes a word plus 5.3 to 10.7 bytes a state. Why not the words in the table's
 * slots, one probe instead of two: tried, a state then costs its words over the load factor,
 * 2.1 times them on v6_12 PAGES=4 CONSUMERS=3, and it was no faster there.
 */
final class ExactStateSet implements VisitedSet {
  private static final int STRIPES = 64;
  /** States per arena chunk. */
  private static final int SHIFT = 12;
  private static final int CHUNK = 1 << SHIFT;
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
    int[] table = s.table;
    return table[(int) fp & (table.length - 1)];
  }

  @Override
  public long heapBytes() {
    long bytes = 0;
    for (Stripe s : stripes) {
      synchronized (s) {
        bytes += s.heapBytes();
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

  /** One stripe; the methods run under the stripe's lock. */
  private final class Stripe {
    private long[][] arena = new long[4][];
    int[] table = new int[64];
    private int size;

    boolean add(long[] packed, long fp) {
      int mask = table.length - 1;
      int slot = (int) fp & mask;
      while (true) {
        int entry = table[slot];
        if (entry == 0) break;
        if (equalsAt(entry - 1, packed)) return false;
        slot = (slot + 1) & mask;
      }
      if (size == Integer.MAX_VALUE - 1) {
        throw new IllegalStateException("exact state set is full: use fingerprints (drop "
            + "--exact)");
      }
      // every allocation before the state is counted: running out of memory in one leaves
      // the stripe as it was, since another worker may add to it before the search stops
      int c = size >>> SHIFT;
      int at = (size & (CHUNK - 1)) * words;
      if (c == arena.length || arena[c] == null || at == arena[c].length) {
        beforeGrow.run();
        if (c == arena.length) arena = Arrays.copyOf(arena, c * 2);
        // the first chunk starts small and doubles, so that a small model's 64 stripes do not
        // take 64 full chunks; the later chunks are full-sized and never copied
        arena[c] = arena[c] == null ? new long[(c == 0 ? 64 : CHUNK) * words]
            : Arrays.copyOf(arena[c], Math.min(CHUNK, arena[c].length / words * 2) * words);
      }
      if ((long) (size + 1) * 4 > (long) table.length * 3) {
        rehash();
        mask = table.length - 1;
        slot = (int) fp & mask;
        while (table[slot] != 0) slot = (slot + 1) & mask;
      }
      System.arraycopy(packed, 0, arena[c], at, words);
      table[slot] = ++size;
      return true;
    }

    private boolean equalsAt(int index, long[] packed) {
      long[] chunk = arena[index >>> SHIFT];
      int base = (index & (CHUNK - 1)) * words;
      for (int w = 0; w < words; w++) {
        if (chunk[base + w] != packed[w]) return false;
      }
      return true;
    }

    private void rehash() {
      if (table.length >= 1 << 30) {
        throw new IllegalStateException("exact state set is full: use fingerprints (drop "
            + "--exact)");
      }
      beforeGrow.run();
      int[] grown = new int[table.length * 2];
      int mask = grown.length - 1;
      for (int i = 0; i < size; i++) {
        long fp = Fingerprint.of(arena[i >>> SHIFT], (i & (CHUNK - 1)) * words, words);
        int slot = (int) fp & mask;
        while (grown[slot] != 0) slot = (slot + 1) & mask;
        grown[slot] = i + 1;
      }
      table = grown;
    }

    long heapBytes() {
      long bytes = (long) table.length * 4 + (long) arena.length * 8;
      for (long[] chunk : arena) if (chunk != null) bytes += (long) chunk.length * 8;
      return bytes;
    }
  }
}
