package poolcheck.explore.liveness;

import java.util.ArrayDeque;
import java.util.Arrays;
import poolcheck.explore.store.Fingerprint;
import poolcheck.explore.store.StateStore;

/**
 * Numbers the states of the liveness graph in discovery order while it is built, and hands them
 * back in that order to be expanded (the BFS queue). Only the build needs it: the fair-cycle
 * search works on numbers, and a lasso's states are rebuilt by stepping along its edges from an
 * initial state, so the numbering is dropped once the graph is complete.
 *
 * <p>{@link #exact} keeps every packed state ({@link StateStore}); {@link #fingerprints} keeps a
 * 64-bit fingerprint per state and only the states not yet expanded, as TLC does for liveness:
 * two states with one fingerprint would be taken for one, with the chance
 * {@link #collisionProbability()} (zero for one-word states, whose fingerprints are exact).
 */
abstract class StateNumbering {
  final int words;

  StateNumbering(int words) {
    this.words = words;
  }

  static StateNumbering exact(int words) {
    return new Exact(words);
  }

  static StateNumbering fingerprints(int words) {
    return new Fingerprints(words);
  }

  /** The state's number, numbering it first if it is new (then it equals size() - 1). */
  abstract int intern(long[] packed);

  abstract int size();

  /** The packed state numbered {@code next} in the order of numbers, one call per state. */
  abstract void next(long[] out);

  abstract double collisionProbability();

  /** Every packed state, in one {@code long[]} arena, with its hash table; the arena is the queue. */
  private static final class Exact extends StateNumbering {
    private final StateStore store;
    private int expanded;

    Exact(int words) {
      super(words);
      store = new StateStore(words);
    }

    @Override
    int intern(long[] packed) {
      return store.intern(packed, -1, -1);
    }

    @Override
    int size() {
      return store.size();
    }

    @Override
    void next(long[] out) {
      store.copyOut(expanded++, out);
    }

    @Override
    double collisionProbability() {
      return 0;
    }
  }

  /**
   * Fingerprints by number (8 bytes a state, in chunks), an open-addressing table of number + 1
   * at most 3/4 full (linear probing), and a queue of the packed states numbered but not yet
   * expanded, in blocks. Chunks and blocks are never copied as they grow and a block is dropped
   * once expanded: at a graph of a hundred million states, arrays grown by copying held 2.5 times
   * their data at their peak (see {@link Edges}).
   */
  private static final class Fingerprints extends StateNumbering {
    private static final int SHIFT = 16;
    private static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;
    private long[][] prints = new long[4][];
    private int[] table = new int[2048];
    private int mask = table.length - 1;
    private int size;
    /** Blocks of CHUNK packed states; the head block is read from headAt, the tail written. */
    private final ArrayDeque<long[]> queue = new ArrayDeque<>();
    private int headAt;
    private int tailAt = CHUNK;

    Fingerprints(int words) {
      super(words);
    }

    @Override
    int intern(long[] packed) {
      long print = Fingerprint.of(packed, 0, words);
      int slot = slotOf(print);
      while (true) {
        int entry = table[slot];
        if (entry == 0) break;
        if (print(entry - 1) == print) return entry - 1;
        slot = (slot + 1) & mask;
      }
      if (size == Integer.MAX_VALUE - 1) throw new LivenessChecker.TooLarge("more than 2,147,483,646 states");
      int c = size >>> SHIFT;
      if (c == prints.length) prints = Arrays.copyOf(prints, c * 2);
      if (prints[c] == null) prints[c] = new long[CHUNK];
      prints[c][size & MASK] = print;
      table[slot] = ++size;
      enqueue(packed);
      if ((long) size * 4 > (long) table.length * 3) rehash();
      return size - 1;
    }

    private long print(int number) {
      return prints[number >>> SHIFT][number & MASK];
    }

    @Override
    int size() {
      return size;
    }

    @Override
    void next(long[] out) {
      long[] head = queue.peekFirst();
      System.arraycopy(head, headAt * words, out, 0, words);
      if (++headAt == CHUNK) {
        queue.pollFirst();
        headAt = 0;
        if (queue.isEmpty()) tailAt = CHUNK;
      } else if (queue.size() == 1 && headAt == tailAt) {
        // Drained: the block is written again from its start. Dropping it made a graph whose
        // queue empties after every state (a long cycle) allocate a block per state.
        headAt = 0;
        tailAt = 0;
      }
    }

    @Override
    double collisionProbability() {
      return Fingerprint.collisionProbability(size, words);
    }

    private void enqueue(long[] packed) {
      if (tailAt == CHUNK) {
        queue.addLast(new long[CHUNK * words]);
        tailAt = 0;
      }
      System.arraycopy(packed, 0, queue.peekLast(), tailAt * words, words);
      tailAt++;
    }

    private int slotOf(long print) {
      return (int) (print ^ (print >>> 32)) & mask;
    }

    private void rehash() {
      if (table.length >= 1 << 30) throw new LivenessChecker.TooLarge("more than 805,306,368 states");
      table = new int[table.length * 2];
      mask = table.length - 1;
      for (int i = 0; i < size; i++) {
        int slot = slotOf(print(i));
        while (table[slot] != 0) slot = (slot + 1) & mask;
        table[slot] = i + 1;
      }
    }
  }
}
