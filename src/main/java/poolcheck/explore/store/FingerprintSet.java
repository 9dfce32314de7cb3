package poolcheck.explore.store;

/**
 * The visited set of one worker: 64-bit fingerprints in open addressing over a long[].
 *
 * <p>Memory layout: one long per slot, power-of-two capacity, linear probing from the low bits of
 * the fingerprint (already mixed by {@link Fingerprint}), 0 reserved for an empty slot. The table
 * doubles when it is half full, so it holds between 16 and 32 bytes per fingerprint. The
 * fingerprint 0 itself is remembered by a flag rather than remapped, which keeps one-word states
 * exact.
 */
public final class FingerprintSet {
  private long[] table;
  private int mask;
  private long size;
  private boolean zero;

  public FingerprintSet() {
    this(1 << 12);
  }

  public FingerprintSet(int initialCapacity) {
    int capacity = Integer.highestOneBit(Math.max(16, initialCapacity - 1) << 1);
    table = new long[capacity];
    mask = capacity - 1;
  }

  /** Adds the fingerprint and says whether it was new. */
  public boolean add(long fp) {
    if (fp == 0) {
      if (zero) return false;
      zero = true;
      size++;
      return true;
    }
    int slot = (int) (fp ^ (fp >>> 32)) & mask;
    while (true) {
      long entry = table[slot];
      if (entry == 0) break;
      if (entry == fp) return false;
      slot = (slot + 1) & mask;
    }
    table[slot] = fp;
    size++;
    if (size * 2 > table.length) grow();
    return true;
  }

  public boolean contains(long fp) {
    if (fp == 0) return zero;
    int slot = (int) (fp ^ (fp >>> 32)) & mask;
    while (true) {
      long entry = table[slot];
      if (entry == 0) return false;
      if (entry == fp) return true;
      slot = (slot + 1) & mask;
    }
  }

  public long size() {
    return size;
  }

  /** The slots, 0 for empty, for writing the set to a checkpoint; not to be changed. */
  public long[] table() {
    return table;
  }

  /** Whether the fingerprint 0, which has no slot, is in the set. */
  public boolean hasZero() {
    return zero;
  }

  public long heapBytes() {
    return (long) table.length * 8;
  }

  private void grow() {
    if (table.length >= 1 << 30) throw new IllegalStateException("fingerprint set is full");
    long[] old = table;
    table = new long[old.length * 2];
    mask = table.length - 1;
    for (long fp : old) {
      if (fp == 0) continue;
      int slot = (int) (fp ^ (fp >>> 32)) & mask;
      while (table[slot] != 0) slot = (slot + 1) & mask;
      table[slot] = fp;
    }
  }
}
