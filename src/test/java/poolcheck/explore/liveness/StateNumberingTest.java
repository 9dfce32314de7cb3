package poolcheck.explore.liveness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poolcheck.explore.FullDisk;
import poolcheck.explore.store.Fingerprint;

/**
 * Both numberings of the graph build give a state the same number and hand the states back in
 * number order, interleaved with new states as a BFS interleaves them; the fingerprint one
 * reports the birthday bound for its states, the exact one no chance of a collision.
 */
class StateNumberingTest {
  @Test
  void fingerprintsNumberAndQueueStatesAsTheExactStoreDoes() {
    for (int words : new int[] {1, 3}) {
      Random rnd = new Random(words);
      StateNumbering exact = StateNumbering.exact(words);
      StateNumbering prints = StateNumbering.fingerprints(words);
      List<long[]> numbered = new ArrayList<>();
      int expanded = 0;
      for (int i = 0; i < 200_000; i++) {
        long[] packed = new long[words];
        // few distinct values, so that most states come again
        for (int w = 0; w < words; w++) packed[w] = rnd.nextInt(words == 1 ? 150_000 : 60);
        int n = exact.intern(packed);
        // as the graph's build looks states up: packed in a batch, fingerprinted beforehand
        long[] batch = new long[words * 3];
        System.arraycopy(packed, 0, batch, words, words);
        long print = Fingerprint.of(batch, words, words);
        prints.touch(print);
        assertEquals(n, prints.intern(batch, words, print), "state " + i);
        assertEquals(n, i % 2 == 0 ? prints.intern(packed) : exact.intern(batch, words, print));
        if (n == numbered.size()) numbered.add(packed);
        if (rnd.nextInt(3) == 0 && expanded < numbered.size()) {
          bothHandBack(numbered.get(expanded++), exact, prints);
        }
      }
      // the queue caught up with the numbering, then fed again: states queued after the queue
      // ran empty come back in order too
      for (int round = 0; round < 3; round++) {
        while (expanded < numbered.size()) bothHandBack(numbered.get(expanded++), exact, prints);
        for (int k = 0; k < 10; k++) {
          long[] fresh = new long[words];
          fresh[0] = 1_000_000 + round * 10 + k;
          assertEquals(numbered.size(), exact.intern(fresh));
          assertEquals(numbered.size(), prints.intern(fresh));
          numbered.add(fresh);
        }
      }
      assertEquals(numbered.size(), prints.size());
      assertEquals(0, exact.collisionProbability());
      assertEquals(Fingerprint.collisionProbability(numbered.size(), words),
          prints.collisionProbability());
    }
  }

  @Test
  void aQueueThatRunsEmptyAfterEveryStateReusesItsBlock() {
    // A long cycle's BFS: one state numbered, then expanded, then the next. Dropping the drained
    // block allocated a new one (2^16 states, 512 KB then) for every state: 200,000 states
    // took 11 s and 100 GB of allocation to build. Then the queue grows past one block.
    var threads = (com.sun.management.ThreadMXBean)
        java.lang.management.ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    StateNumbering prints = StateNumbering.fingerprints(1);
    long[] out = new long[1];
    for (long i = 0; i < 100_000; i++) {
      assertEquals(i, prints.intern(new long[] {i}));
      prints.next(out);
      assertEquals(i, out[0]);
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    // the tables (16,384 of them, 3 MB at their first size, then doubled) and the queue's two
    // blocks: under 8 MB
    assertTrue(allocated < (64L << 20), allocated + " bytes allocated");
    for (long i = 100_000; i < 300_000; i++) prints.intern(new long[] {i});
    for (long i = 100_000; i < 300_000; i++) {
      prints.next(out);
      assertEquals(i, out[0]);
    }
  }

  @Test
  void theStateWhoseFingerprintIsZeroIsNumberedOnce() {
    // a table slot holding 0 is empty, so the fingerprint 0 is kept apart; Fingerprint.of of
    // the one-word state SEED is 0 (murmur's finish maps 0 to 0)
    long[] zero = {0x9E3779B97F4A7C15L};
    assertEquals(0, Fingerprint.of(zero));
    StateNumbering prints = StateNumbering.fingerprints(1);
    assertEquals(0, prints.intern(new long[] {1}));
    assertEquals(1, prints.intern(zero));
    assertEquals(2, prints.intern(new long[] {2}));
    assertEquals(1, prints.intern(zero.clone()));
    assertEquals(0, prints.intern(new long[] {1}));
    assertEquals(3, prints.size());
    long[] out = new long[1];
    for (long expected : new long[] {1, zero[0], 2}) {
      prints.next(out);
      assertEquals(expected, out[0]);
    }
  }

  /** The next state to expand, from both numberings: the one numbered next. */
  private static void bothHandBack(long[] expected, StateNumbering exact, StateNumbering prints) {
    long[] a = new long[expected.length];
    long[] b = new long[expected.length];
    exact.next(a);
    prints.next(b);
    assertArrayEquals(expected, a);
    assertArrayEquals(expected, b);
  }

  @Test
  void aSpilledQueueHandsStatesBackInOrderAcrossItsFilesAndLeavesNone(@TempDir Path dir)
      throws Exception {
    // 2^15 states a block, 16 blocks a file: 1.5 million states queued fill several files,
    // then the queue drains and fills again, the first file read out and dropped meanwhile
    FullDisk disk = new FullDisk(Long.MAX_VALUE);
    StateNumbering spilled = StateNumbering.fingerprints(1, dir, 0, disk);
    long[] out = new long[1];
    long expanded = 0;
    for (long i = 0; i < 1_500_000; i++) assertEquals(i, spilled.intern(new long[] {i}));
    // no queue memory: every full block of 2^15 states went to a file, 8 bytes a state
    assertEquals(1_500_000 / 32_768 * 32_768 * 8L, disk.written());
    for (; expanded < 1_200_000; expanded++) {
      spilled.next(out);
      assertEquals(expanded, out[0]);
    }
    for (long i = 1_500_000; i < 2_000_000; i++) spilled.intern(new long[] {i});
    for (; expanded < 2_000_000; expanded++) {
      spilled.next(out);
      assertEquals(expanded, out[0]);
    }
    spilled.close();
    try (var files = Files.list(dir)) {
      assertEquals(0, files.count());
    }
  }
}
