package poolcheck.explore.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ExactStateSetTest {
  private static boolean add(ExactStateSet set, long[] state) {
    return set.add(state, Fingerprint.of(state));
  }

  /** Small values in few words, so that many states repeat and differ in one word only. */
  private static long[] randomState(Random random, int words) {
    long[] s = new long[words];
    for (int w = 0; w < words; w++) s[w] = random.nextInt(4) == 0 ? 0 : random.nextInt(6);
    return s;
  }

  @Test
  void answersNewExactlyOnceForEveryStateAcrossRehashes() {
    Random random = new Random(7);
    for (int words = 1; words <= 9; words++) {
      ExactStateSet set = new ExactStateSet(words);
      Set<List<Long>> reference = new HashSet<>();
      for (int i = 0; i < 60_000; i++) {
        long[] s = randomState(random, words);
        List<Long> key = new ArrayList<>();
        for (long w : s) key.add(w);
        assertEquals(reference.add(key), add(set, s), words + " words, state " + key);
      }
      assertEquals(reference.size(), set.size(), words + " words");
      for (List<Long> key : reference) {
        assertFalse(add(set, key.stream().mapToLong(Long::longValue).toArray()));
      }
    }
  }

  @Test
  void theAllZeroStateIsAStateNotAnEmptySlot() {
    ExactStateSet set = new ExactStateSet(3);
    assertTrue(add(set, new long[] {0, 0, 1}));
    assertTrue(add(set, new long[3]));
    assertFalse(add(set, new long[3]));
    assertTrue(add(set, new long[] {0, 0, 2}));
    assertEquals(3, set.size());
  }

  @Test
  void twoThreadsAddingOverlappingStatesTakeEachForNewOnce() throws Exception {
    ExactStateSet set = new ExactStateSet(2);
    AtomicLong taken = new AtomicLong();
    Runnable adder = () -> {
      for (long i = 0; i < 200_000; i++) {
        if (add(set, new long[] {i % 150_000, i % 7})) taken.incrementAndGet();
      }
    };
    Thread a = new Thread(adder);
    Thread b = new Thread(adder);
    a.start();
    b.start();
    a.join();
    b.join();
    // distinct (i % 150000, i % 7) for i < 200000: all 200000 pairs are distinct (the pair
    // determines i modulo lcm(150000, 7) = 1050000)
    assertEquals(200_000, taken.get());
    assertEquals(200_000, set.size());
  }

  @Test
  void aGrowThatRunsOutOfMemoryLeavesTheSetAsItWas() {
    ExactStateSet set = new ExactStateSet(2);
    int n = 0;
    for (; n < 20_000; n++) assertTrue(add(set, new long[] {n, ~(long) n}));
    set.beforeGrow = () -> {
      throw new OutOfMemoryError("injected");
    };
    // add until some stripe must grow: every state before that one is stored
    int failedAt = -1;
    for (int i = n; i < 40_000 && failedAt < 0; i++) {
      long[] s = {i, ~(long) i};
      try {
        assertTrue(add(set, s));
      } catch (OutOfMemoryError expected) {
        failedAt = i;
      }
    }
    assertTrue(failedAt >= 0, "no stripe grew");
    assertEquals(failedAt, set.size(), "a failed grow must not count the state");
    int stuck = failedAt;
    assertThrows(OutOfMemoryError.class, () -> add(set, new long[] {stuck, ~(long) stuck}));
    for (int i = 0; i < failedAt; i++) assertFalse(add(set, new long[] {i, ~(long) i}));
    set.beforeGrow = () -> {};
    assertTrue(add(set, new long[] {failedAt, ~(long) failedAt}));
    assertEquals(failedAt + 1, set.size());
  }
}
