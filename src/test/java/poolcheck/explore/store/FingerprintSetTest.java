package poolcheck.explore.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FingerprintSetTest {
  /** Small key ranges force repeats; 0 and negative keys exercise the sentinel and the mixing. */
  @Test
  void agreesWithHashSetOnRandomAdditions() {
    Random random = new Random(42);
    for (int round = 0; round < 20; round++) {
      FingerprintSet set = new FingerprintSet(16);
      Set<Long> reference = new HashSet<>();
      long range = 1L << (2 + round);
      for (int i = 0; i < 20_000; i++) {
        long fp = random.nextBoolean() ? random.nextLong() % range : random.nextLong();
        assertEquals(reference.add(fp), set.add(fp), "adding " + fp);
        long probe = random.nextLong() % range;
        assertEquals(reference.contains(probe), set.contains(probe), "looking up " + probe);
      }
      assertEquals(reference.size(), set.size());
    }
  }

  @Test
  void concurrentSetAgreesWithHashSetWhileGrowing() {
    Random random = new Random(7);
    ConcurrentFingerprintSet set = new ConcurrentFingerprintSet(16);
    Set<Long> reference = new HashSet<>();
    set.enter();
    for (int i = 0; i < 100_000; i++) {
      long fp = random.nextInt(3) == 0 ? random.nextInt(1000) : random.nextLong();
      assertEquals(reference.add(fp), set.add(fp), "adding " + fp);
      if (set.wantsToGrow()) {
        set.leave();
        set.grow();
        set.enter();
      }
    }
    set.leave();
    assertEquals(reference.size(), set.size());
  }

  /** Every key is offered by all threads; exactly one of them may be told it was new. */
  @Test
  void exactlyOneWorkerWinsEachFingerprint() throws InterruptedException {
    ConcurrentFingerprintSet set = new ConcurrentFingerprintSet(16);
    int threads = 3;
    int keys = 60_000;
    AtomicLong wins = new AtomicLong();
    Thread[] t = new Thread[threads];
    for (int k = 0; k < threads; k++) {
      int offset = k;
      t[k] = new Thread(() -> {
        long mine = 0;
        set.enter();
        for (int i = 0; i < keys; i++) {
          long fp = Fingerprint.of(new long[] {(i * 7L + offset * 13L) % keys});
          if (set.add(fp)) mine++;
          if (set.wantsToGrow()) {
            set.leave();
            set.grow();
            set.enter();
          }
        }
        set.leave();
        wins.addAndGet(mine);
      });
      t[k].start();
    }
    for (Thread x : t) x.join();
    assertEquals(keys, wins.get());
    assertEquals(keys, set.size());
  }

  /** Regression: a choose over 65,536 values gave "fingerprint set is full" (BadInputsTest). */
  @Test
  void oneStateWhoseSuccessorsOverfillTheFreeQuarterGrowsTheTableItself() {
    ConcurrentFingerprintSet set = new ConcurrentFingerprintSet(16);
    java.util.Set<Long> reference = new java.util.HashSet<>();
    java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
    set.enter();
    for (int i = 0; i < 200_000; i++) {
      long fp = rng.nextLong();
      assertEquals(reference.add(fp), set.add(fp), "adding " + fp);
    }
    set.leave();
    assertEquals(reference.size(), set.size());
  }
}
