package poolcheck.explore.store;

import java.util.Arrays;

/**
 * Every distinct state, exactly, in discovery order, so the store is also the BFS queue and
 * state numbers are parents in traces.
 *
 * <p>Memory layout: states packed back to back in one long[] arena (words per state fixed by the
 * layout); parent and transition per state in int[]s; an open-addressing table of state number
 * + 1 (0 is the empty sentinel), power-of-two capacity, linear probing, kept at most half full.
 */
public final class StateStore {
  private final int words;
  private long[] arena;
  private int[] parent;
  private int[] transition;
  private int[] table;
  private int mask;
  private int size;
  // runs before a grow allocates; tests make it throw OutOfMemoryError to show that a failed grow
  // leaves the store as it was (under the real error the moment is not reproducible)
  Runnable beforeGrow = () -> {};

  public StateStore(int words) {
    this.words = words;
    this.arena = new long[1024 * words];
    this.parent = new int[1024];
    this.transition = new int[1024];
    this.table = new int[2048];
    this.mask = table.length - 1;
  }

  public int size() {
    return size;
  }

  /** Adds the state if new and returns its number, or returns -1 if it was already stored. */
  public int add(long[] packed, int parentState, int via) {
    int before = size;
    int index = intern(packed, parentState, via);
    return index == before ? index : -1;
  }

  /**
   * The state's number, adding it first (with the given parent and transition) if it is new;
   * it was new when the number equals {@link #size()} before the call.
   */
  public int intern(long[] packed, int parentState, int via) {
    int slot = (int) mix(packed) & mask;
    while (true) {
      int entry = table[slot];
      if (entry == 0) break;
      if (equalsAt(entry - 1, packed)) return entry - 1;
      slot = (slot + 1) & mask;
    }
    if (size == Integer.MAX_VALUE - 1) throw new IllegalStateException("state store is full");
    // grow before counting the state: a grow that runs out of memory must leave the store as it
    // was, since another worker may add to it before the search stops (an index past the arrays)
    if (size == parent.length) grow();
    int index = size++;
    System.arraycopy(packed, 0, arena, index * words, words);
    parent[index] = parentState;
    transition[index] = via;
    table[slot] = index + 1;
    if (size * 2 > table.length) rehash();
    return index;
  }

  public void copyOut(int index, long[] out) {
    System.arraycopy(arena, (int) ((long) index * words), out, 0, words);
  }

  public int parent(int index) {
    return parent[index];
  }

  public int transition(int index) {
    return transition[index];
  }

  /** Heap bytes held per stored state, for the statistics. */
  public long bytesPerState() {
    if (size == 0) return 0;
    long bytes = (long) arena.length * 8 + (long) parent.length * 8 + (long) table.length * 4;
    return bytes / size;
  }

  private boolean equalsAt(int index, long[] packed) {
    int base = index * words;
    for (int w = 0; w < words; w++) {
      if (arena[base + w] != packed[w]) return false;
    }
    return true;
  }

  private void grow() {
    int capacity = parent.length * 2;
    if ((long) capacity * words > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("state store is full");
    }
    beforeGrow.run();
    // all three allocated before any is replaced: out of memory halfway leaves them equal
    long[] grownArena = Arrays.copyOf(arena, capacity * words);
    int[] grownParent = Arrays.copyOf(parent, capacity);
    int[] grownTransition = Arrays.copyOf(transition, capacity);
    arena = grownArena;
    parent = grownParent;
    transition = grownTransition;
  }

  private void rehash() {
    int[] old = table;
    table = new int[old.length * 2];
    mask = table.length - 1;
    long[] tmp = new long[words];
    for (int entry : old) {
      if (entry == 0) continue;
      copyOut(entry - 1, tmp);
      int slot = (int) mix(tmp) & mask;
      while (table[slot] != 0) slot = (slot + 1) & mask;
      table[slot] = entry;
    }
  }

  /** Mixes all words so that states differing in one field spread over the whole table. */
  public static long mix(long[] packed) {
    long h = 0x9E3779B97F4A7C15L;
    for (long w : packed) {
      h ^= w;
      h *= 0xBF58476D1CE4E5B9L;
      h ^= h >>> 31;
    }
    h *= 0x94D049BB133111EBL;
    return h ^ (h >>> 29);
  }
}
