package poolcheck.explore.liveness;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import poolcheck.explore.store.Disk;
import poolcheck.explore.store.Fingerprint;
import poolcheck.explore.store.Frontier;
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
    return new Fingerprints(words, null, 0, Disk.REAL);
  }

  /**
   * Fingerprints whose queue of states not yet expanded keeps {@code queueMemory} bytes of
   * blocks on the heap and writes the rest to files in {@code spillDir} (the search's
   * {@code --spill-dir} and {@code --frontier-memory}): the widest levels of a large graph are a
   * quarter of its states, packed, more than its fingerprints.
   */
  static StateNumbering fingerprints(int words, Path spillDir, long queueMemory, Disk disk) {
    return new Fingerprints(words, spillDir, queueMemory, disk);
  }

  /** The state's number, numbering it first if it is new (then it equals size() - 1). */
  int intern(long[] packed) {
    return intern(packed, 0, Fingerprint.of(packed, 0, words));
  }

  /**
   * {@link #intern(long[])} of the state packed at {@code offset} of {@code states}, whose
   * {@link Fingerprint#of fingerprint} is {@code print}.
   */
  abstract int intern(long[] states, int offset, long print);

  /**
   * Reads where {@code print} would be looked up, and returns what it read: a read ahead of
   * {@link #intern}, so that the cache misses of several lookups overlap.
   */
  long touch(long print) {
    return 0;
  }

  abstract int size();

  /** The packed state numbered {@code next} in the order of numbers, one call per state. */
  abstract void next(long[] out);

  abstract double collisionProbability();

  /** Gives up what the numbering holds outside the heap. */
  void close() { }

  /** Every packed state, in one {@code long[]} arena, with its hash table; the arena is the queue. */
  private static final class Exact extends StateNumbering {
    private final StateStore store;
    private final long[] packed;
    private int expanded;

    Exact(int words) {
      super(words);
      store = new StateStore(words);
      packed = new long[words];
    }

    @Override
    int intern(long[] packed) {
      return store.intern(packed, -1, -1);
    }

    @Override
    int intern(long[] states, int offset, long print) {
      System.arraycopy(states, offset, packed, 0, words);
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
   * A table of fingerprints and numbers, open addressing with linear probing, at most 3/4 full,
   * and a queue of the packed states numbered but not yet expanded, in blocks. A slot is its
   * fingerprint and its number side by side: slots go in pairs, two fingerprints and a long
   * holding both numbers (0 marks an empty slot; the fingerprint 0 is kept apart), so that a
   * probe reads nothing but the table and a lookup finds the number in the line it found the
   * fingerprint in. (When the table held numbers and the fingerprints sat in an array by number,
   * every probe of an occupied slot was a cache miss of its own: the numbering was half of a
   * graph's build.) The table is 16,384 tables chosen by a fingerprint's top bits, each doubled
   * on its own: a single table held its old and its new array at once when it doubled, the
   * build's peak. Queue blocks are never copied as they grow and a block is dropped once
   * expanded: at a graph of a hundred million states, arrays grown by copying held 2.5 times
   * their data at their peak (see {@link Edges}).
   */
  private static final class Fingerprints extends StateNumbering {
    // Every array a quarter of a MiB at most: G1 gives an array of half a region or more (a
    // region is 1 MiB below a 2 GiB heap) regions of its own, so a power-of-two array of half a
    // region took a whole one.
    private static final int CHUNK = 1 << 15;
    /** Enough tables that each stays under a quarter of a MiB up to 200 million states. */
    private static final int SEGMENT_BITS = 14;
    /** Slots a table starts with, once a fingerprint falls in it. */
    private static final int FIRST_SLOTS = 16;
    private static final int BLOCKS_PER_FILE = 16;
    /** Per table: pairs of slots, 3 longs a pair; null until a fingerprint falls in it. */
    private final long[][] tables = new long[1 << SEGMENT_BITS][];
    private final int[] filled = new int[1 << SEGMENT_BITS];
    /** The number of the state whose fingerprint is 0, or -1. */
    private int zero = -1;
    private int size;
    /** States a queue block holds: a quarter of a MiB of them. */
    private final int blockStates;
    /**
     * The queue: the block being written (tail), full blocks in files of BLOCKS_PER_FILE blocks
     * (a {@link Frontier} each, on the heap up to its share of the memory, dropped once read),
     * and the block being read (head). When the head is read out and no full block waits, the
     * tail becomes the head and the old head the tail, so that a queue that runs empty after
     * every state (a long cycle) allocates nothing.
     */
    private long[] tail;
    private int tailAt;
    private final ArrayDeque<Frontier> full = new ArrayDeque<>();
    private int fullTaken;
    private long[] head;
    private int headAt;
    private int headCount;
    private final Path spillDir;
    private final long queueMemory;
    private final Disk disk;

    Fingerprints(int words, Path spillDir, long queueMemory, Disk disk) {
      super(words);
      this.blockStates = Math.max(1, CHUNK / words);
      this.spillDir = spillDir;
      this.queueMemory = queueMemory;
      this.disk = disk;
      this.tail = new long[blockStates * words];
      this.head = new long[blockStates * words];
    }

    @Override
    int intern(long[] states, int offset, long print) {
      if (print == 0) {
        if (zero < 0) zero = added(states, offset);
        return zero;
      }
      int segment = (int) (print >>> (64 - SEGMENT_BITS));
      long[] table = tables[segment];
      if (table == null) table = tables[segment] = new long[FIRST_SLOTS / 2 * 3];
      int mask = table.length / 3 * 2 - 1;
      int slot = slotOf(print) & mask;
      while (true) {
        int pair = (slot >>> 1) * 3;
        long entry = table[pair + (slot & 1)];
        if (entry == 0) break;
        if (entry == print) return (int) (table[pair + 2] >>> ((slot & 1) << 5));
        slot = (slot + 1) & mask;
      }
      int number = added(states, offset);
      put(table, slot, print, number);
      if (++filled[segment] * 4L > (mask + 1L) * 3) rehash(segment);
      return number;
    }

    /** Numbers a new state and queues it; its number. */
    private int added(long[] states, int offset) {
      if (size == Integer.MAX_VALUE - 1) {
        throw new LivenessChecker.TooLarge("more than 2,147,483,646 states");
      }
      enqueue(states, offset);
      return size++;
    }

    private static void put(long[] table, int slot, long print, int number) {
      int pair = (slot >>> 1) * 3;
      table[pair + (slot & 1)] = print;
      table[pair + 2] |= (number & 0xFFFFFFFFL) << ((slot & 1) << 5);
    }

    @Override
    long touch(long print) {
      long[] table = tables[(int) (print >>> (64 - SEGMENT_BITS))];
      if (table == null) return 0;
      int slot = slotOf(print) & (table.length / 3 * 2 - 1);
      return table[(slot >>> 1) * 3 + (slot & 1)];
    }

    @Override
    int size() {
      return size;
    }

    @Override
    void next(long[] out) {
      if (headAt == headCount) {
        // a file read out and written no more is dropped, with its file
        while (full.size() > 1 && fullTaken == full.peekFirst().blockCount()) {
          full.pollFirst().close();
          fullTaken = 0;
        }
        if (!full.isEmpty() && fullTaken < full.peekFirst().blockCount()) {
          head = full.peekFirst().take(fullTaken++);
          headCount = blockStates;
        } else {
          long[] drained = head;
          head = tail;
          headCount = tailAt;
          tail = drained;
          tailAt = 0;
        }
        headAt = 0;
      }
      System.arraycopy(head, headAt * words, out, 0, words);
      headAt++;
    }

    /** Closes the queue's files: the numbering is done with. */
    @Override
    void close() {
      full.forEach(Frontier::close);
      full.clear();
    }

    @Override
    double collisionProbability() {
      return Fingerprint.collisionProbability(size, words);
    }

    private void enqueue(long[] states, int offset) {
      System.arraycopy(states, offset, tail, tailAt * words, words);
      if (++tailAt < blockStates) return;
      Frontier last = full.peekLast();
      if (last == null || last.blockCount() == BLOCKS_PER_FILE) {
        // the memory is shared out among files as they are made: a file's share is what
        // the budget leaves over the blocks the other files hold
        long held = 0;
        for (Frontier f : full) held += f.memoryBytes();
        last = new Frontier(words, spillDir, Math.max(0, queueMemory - held), disk);
        full.addLast(last);
      }
      last.publish(tail, blockStates);
      tail = new long[blockStates * words];
      tailAt = 0;
    }

    private static int slotOf(long print) {
      return (int) (print ^ (print >>> 32));
    }

    private void rehash(int segment) {
      long[] old = tables[segment];
      int slots = old.length / 3 * 2;
      if (slots >= 1 << 28) throw new LivenessChecker.TooLarge("more than 2,147,483,646 states");
      long[] table = new long[old.length * 2];
      int mask = slots * 2 - 1;
      for (int at = 0; at < slots; at++) {
        int pair = (at >>> 1) * 3;
        long print = old[pair + (at & 1)];
        if (print == 0) continue;
        int slot = slotOf(print) & mask;
        while (table[(slot >>> 1) * 3 + (slot & 1)] != 0) slot = (slot + 1) & mask;
        put(table, slot, print, (int) (old[pair + 2] >>> ((at & 1) << 5)));
      }
      tables[segment] = table;
    }
  }
}
