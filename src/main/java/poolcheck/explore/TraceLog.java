package poolcheck.explore;

import java.util.Arrays;

/**
 * Where each state came from, by state number, so that a trace can be rebuilt without storing
 * states: the parent's number and the ordinal of the successor among everything the parent's
 * expansion emitted. Re-executing the model from the initial state and picking those ordinals
 * yields the states again, as TLC rebuilds its traces.
 *
 * <p>Memory layout: one long per state, (parent + 1) in the high 40 bits and the ordinal in the
 * low 24; chunks of 2^16 longs allocated as numbers are handed out, so 8 bytes of heap per state.
 * Workers write disjoint numbers; the chunk directory grows under a lock, entries do not.
 */
final class TraceLog {
  static final int ORDINAL_BITS = 24;
  private static final int CHUNK_BITS = 16;
  private static final int CHUNK = 1 << CHUNK_BITS;

  private volatile long[][] chunks = new long[16][];

  /** Records state {@code id}: emitted as the {@code ordinal}-th successor of {@code parent}. */
  void put(long id, long parent, int ordinal) {
    if (ordinal >= 1 << ORDINAL_BITS) {
      throw new IllegalStateException("a state with more than 2^24 successors");
    }
    int c = (int) (id >>> CHUNK_BITS);
    long[][] dir = chunks;
    if (c >= dir.length || dir[c] == null) dir = ensure(c);
    dir[c][(int) id & (CHUNK - 1)] = (parent + 1) << ORDINAL_BITS | ordinal;
  }

  long parent(long id) {
    return (entry(id) >>> ORDINAL_BITS) - 1;
  }

  int ordinal(long id) {
    return (int) (entry(id) & ((1 << ORDINAL_BITS) - 1));
  }

  long heapBytes() {
    long bytes = 0;
    for (long[] chunk : chunks) bytes += chunk == null ? 0 : (long) chunk.length * 8;
    return bytes;
  }

  private long entry(long id) {
    return chunks[(int) (id >>> CHUNK_BITS)][(int) id & (CHUNK - 1)];
  }

  private synchronized long[][] ensure(int c) {
    long[][] dir = chunks;
    if (c >= dir.length) dir = Arrays.copyOf(dir, Math.max(dir.length * 2, c + 1));
    if (dir[c] == null) dir[c] = new long[CHUNK];
    chunks = dir;
    return dir;
  }
}
