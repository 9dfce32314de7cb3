package poolcheck.explore.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The visited set shared by several workers: the layout of {@link FingerprintSet} (one long per
 * slot, power of two, linear probing, 0 empty, the fingerprint 0 as a flag), with each insertion a
 * compare-and-set on the slot, so adding never takes a lock.
 *
 * <p>Growing cannot be done under concurrent insertion, so workers hold a {@link #enter() pass}
 * (the read side of a read-write lock) while they insert, taken once per block of states rather
 * than per insertion, and ask for the {@link #room()} left between states, each worker again
 * once it has added its share of half of it. When the table is three quarters full, each
 * worker gives its pass back and the first to take the write side doubles the table. Past its
 * share a worker inserts at most the successors of one state, which the free quarter absorbs
 * unless one state has very many; then {@link #add} itself finds the table past its threshold
 * and grows it.
 *
 * <p>The table grows at three quarters full, not half as {@link FingerprintSet} does: that keeps
 * it between 10.7 and 21 bytes per fingerprint, for linear-probing chains that stay short
 * (about 8.5 probes for a new fingerprint at the worst).
 */
public final class ConcurrentFingerprintSet implements FingerprintTable {
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

  private volatile long[] table;
  private volatile long threshold;
  /** Striped, so that workers adding at once do not fight over one counter's cache line. */
  private final LongAdder size = new LongAdder();
  private final AtomicBoolean zero = new AtomicBoolean();
  private final ReentrantReadWriteLock growth = new ReentrantReadWriteLock();
  /** Probes after which a table past its threshold is grown rather than probed further. */
  private static final int LONG_RUN = 256;

  public ConcurrentFingerprintSet(int initialCapacity) {
    int capacity = Integer.highestOneBit(Math.max(1 << 10, initialCapacity - 1) << 1);
    table = new long[capacity];
    threshold = capacity / 4 * 3;
  }

  /** Takes a pass to insert; give it back with {@link #leave()}. */
  @Override
  public void enter() {
    growth.readLock().lock();
  }

  @Override
  public void leave() {
    growth.readLock().unlock();
  }

  @Override
  public long room() {
    return threshold - size.sum();
  }

  /** Doubles the table if it is still over the threshold; call without holding a pass. */
  @Override
  public void grow() {
    growth.writeLock().lock();
    try {
      if (size.sum() <= threshold) return;
      long[] old = table;
      if (old.length >= 1 << 30) throw new IllegalStateException("fingerprint set is full");
      long[] next = new long[old.length * 2];
      int mask = next.length - 1;
      for (long fp : old) {
        if (fp == 0) continue;
        int slot = (int) (fp ^ (fp >>> 32)) & mask;
        while (next[slot] != 0) slot = (slot + 1) & mask;
        next[slot] = fp;
      }
      table = next;
      threshold = next.length / 4 * 3;
    } finally {
      growth.writeLock().unlock();
    }
  }

  /** Adds the fingerprint and says whether this call was the one that added it. Needs a pass. */
  @Override
  public boolean add(long fp) {
    if (fp == 0) {
      if (zero.get() || !zero.compareAndSet(false, true)) return false;
      size.increment();
      return true;
    }
    while (true) {
      long[] t = table;
      int mask = t.length - 1;
      int slot = (int) (fp ^ (fp >>> 32)) & mask;
      for (int probes = 0; probes <= mask; probes++) {
        long entry = (long) SLOT.getVolatile(t, slot);
        if (entry == 0) {
          if (SLOT.compareAndSet(t, slot, 0L, fp)) {
            size.increment();
            return true;
          }
          entry = (long) SLOT.getVolatile(t, slot);
        }
        if (entry == fp) return false;
        // A probe run this long means the table is past its threshold: stop here and grow.
        if (probes == LONG_RUN && size.sum() > threshold) break;
        slot = (slot + 1) & mask;
      }
      growWithin();
    }
  }

  /**
   * Grows from inside {@link #add}, for the one state whose successors alone overfill the free
   * quarter (a choose over 65,536 values did: "fingerprint set is full"): the caller's pass is
   * given back for the growth and taken again, so other workers grow or wait as usual.
   */
  private void growWithin() {
    // Loading a checkpoint adds without a pass: nothing else adds then.
    boolean pass = growth.getReadHoldCount() > 0;
    if (pass) leave();
    try {
      grow();
    } finally {
      if (pass) enter();
    }
  }

  /** The first slot {@link #add} probes for {@code fp}; see {@link VisitedSet#touch}. */
  @Override
  public long touch(long fp) {
    long[] t = table;
    return t[(int) (fp ^ (fp >>> 32)) & (t.length - 1)];
  }

  @Override
  public boolean contains(long fp) {
    if (fp == 0) return zero.get();
    long[] t = table;
    int mask = t.length - 1;
    for (int slot = (int) (fp ^ (fp >>> 32)) & mask; ; slot = (slot + 1) & mask) {
      long entry = (long) SLOT.getVolatile(t, slot);
      if (entry == 0) return false;
      if (entry == fp) return true;
    }
  }

  /** Hands every fingerprint to {@code v}, in table order; call while no worker adds. */
  @Override
  public void forEach(Visitor v) throws java.io.IOException {
    if (zero.get()) v.fingerprint(0);
    for (long fp : table) {
      if (fp != 0) v.fingerprint(fp);
    }
  }

  @Override
  public long size() {
    return size.sum();
  }

  /** The slots, 0 for empty, for a checkpoint; call while no worker adds. */
  public long[] table() {
    return table;
  }

  public boolean hasZero() {
    return zero.get();
  }

  /**
   * Makes room for {@code n} fingerprints at once, before a checkpoint is loaded: the table's
   * slots are saved in table order, and adding them in that order to a smaller table that grows
   * on the way piles them into ever longer probe runs (10.5 M took 666 s); into a table of the
   * final size they go in at about one probe each.
   */
  @Override
  public void reserve(long n) {
    long capacity = table.length;
    while (n > capacity / 4 * 3) capacity *= 2;
    if (capacity > 1 << 30) throw new IllegalStateException("fingerprint set is full");
    if (capacity == table.length) return;
    if (size.sum() != 0) throw new IllegalStateException("reserve an empty set only");
    table = new long[(int) capacity];
    threshold = capacity / 4 * 3;
  }

  @Override
  public long heapBytes() {
    return (long) table.length * 8;
  }
}
