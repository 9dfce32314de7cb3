package poolcheck.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import poolcheck.result.CheckResult;
import poolcheck.result.Counterexample;
import poolcheck.result.Verdict;
import poolcheck.system.PropertySelection;

/**
 * The searches over transition systems written in Java, no model text: exact counts known by
 * hand (or by a separate enumeration), for the plain oracle and for the level search with 1 to 4
 * workers over fingerprints and over exact states. Counts at a violation are those of whole
 * levels: the level the violation was found in is finished.
 */
class HandBuiltSystemsTest {
  /** What every search must report. {@code property} null: verified. */
  private record Expected(long distinct, long generated, int depth, String property,
      int traceLength) {}

  private static List<SearchOptions> modes() {
    List<SearchOptions> out = new ArrayList<>();
    for (int workers = 1; workers <= 4; workers++) {
      for (SearchOptions.Store store : SearchOptions.Store.values()) {
        // a bitstate search proves nothing (no VERIFIED): api/BitstateSearchTest holds it
        if (store == SearchOptions.Store.BITSTATE) continue;
        out.add(SearchOptions.defaults().withWorkers(workers).withStore(store));
      }
    }
    return out;
  }

  private static void expect(TinySystem system, Expected expected) {
    check(system, "oracle", SequentialBfs.run(system, PropertySelection.all(system)), expected);
    for (SearchOptions options : modes()) {
      check(system, options.workers() + " workers, " + options.store(),
          new Explorer(system, options).run(), expected);
    }
  }

  private static void check(TinySystem system, String mode, CheckResult r, Expected e) {
    String what = mode + ": " + r;
    assertEquals(e.distinct(), r.statistics().distinct(), what);
    assertEquals(e.generated(), r.statistics().generated(), what);
    assertEquals(e.depth(), r.statistics().depth(), what);
    if (e.property() == null) {
      assertEquals(Verdict.VERIFIED, r.verdict(), what);
      assertNull(r.reason(), what);
      return;
    }
    assertEquals(Verdict.VIOLATED, r.verdict(), what);
    Counterexample cx = r.counterexample().orElseThrow();
    assertEquals(e.property(), cx.property().name(), what);
    assertEquals(e.traceLength(), cx.length(), what);
    // the trace is a run of the system: each step's state is a successor of the one before
    system.replays(cx);
  }

  private static int[] set(int[] s, int slot, int value) {
    s[slot] = value;
    return s;
  }

  /** x counts from 0 to 9 and stops there: 10 states in a line. */
  private static TinySystem.Builder counter() {
    return TinySystem.builder("counter", new int[] {0}, new int[] {9}).initial(0)
        .step("c", "inc", s -> s[0] < 9 ? set(s, 0, s[0] + 1) : null)
        .finalWhen(s -> s[0] == 9);
  }

  @Test
  void countsTheTenStatesOfACounter() {
    expect(counter().build(), new Expected(10, 10, 9, null, 0));
  }

  @Test
  void findsAnInvariantBrokenAtDepthSeven() {
    expect(counter().invariant("below_seven", s -> s[0] < 7).build(),
        new Expected(8, 8, 7, "below_seven", 7));
  }

  @Test
  void reportsTheEndOfACounterWithoutAFinalPredicateAsADeadlock() {
    expect(counter().finalWhen(s -> false).build(), new Expected(10, 10, 9, "deadlock", 9));
  }

  /** Slots pc0, pc1, lock; pc 0 idle, 1 about to take the lock, 2 in the critical section. */
  private static TinySystem mutex(boolean atomic) {
    TinySystem.Builder b = TinySystem.builder(atomic ? "mutex" : "broken_mutex",
        new int[] {0, 0, 0}, new int[] {2, 2, 1}).initial(0, 0, 0);
    for (int i = 0; i < 2; i++) {
      int pc = i;
      String p = "p" + i;
      if (atomic) {
        b.step(p, "enter", s -> s[pc] == 0 && s[2] == 0 ? set(set(s, pc, 2), 2, 1) : null);
      } else {
        // the test and the set are two steps: both may see the lock free
        b.step(p, "test", s -> s[pc] == 0 && s[2] == 0 ? set(s, pc, 1) : null);
        b.step(p, "set", s -> s[pc] == 1 ? set(set(s, pc, 2), 2, 1) : null);
      }
      b.step(p, "leave", s -> s[pc] == 2 ? set(set(s, pc, 0), 2, 0) : null);
    }
    return b.invariant("mutual_exclusion", s -> !(s[0] == 2 && s[1] == 2)).build();
  }

  @Test
  void countsTheThreeStatesOfAnAtomicMutex() {
    // idle/idle, p0 in, p1 in; 1 initial + 2 + 1 + 1 successors
    expect(mutex(true), new Expected(3, 5, 1, null, 0));
  }

  @Test
  void findsBothProcessesInTheCriticalSectionOfATestThenSetMutexInFourSteps() {
    expect(mutex(false), new Expected(9, 15, 4, "mutual_exclusion", 4));
  }

  @Test
  void findsTheDeadlockOfTwoLocksTakenInOppositeOrders() {
    // slots pc0, pc1, a, b: p0 takes a then b, p1 takes b then a, each then releases both
    TinySystem.Builder b = TinySystem.builder("two_locks", new int[] {0, 0, 0, 0},
        new int[] {3, 3, 1, 1}).initial(0, 0, 0, 0);
    int[][] order = {{2, 3}, {3, 2}};
    for (int i = 0; i < 2; i++) {
      int pc = i;
      int first = order[i][0];
      int second = order[i][1];
      b.step("p" + i, "take_first", s -> s[pc] == 0 && s[first] == 0
          ? set(set(s, pc, 1), first, 1) : null);
      b.step("p" + i, "take_second", s -> s[pc] == 1 && s[second] == 0
          ? set(set(s, pc, 2), second, 1) : null);
      b.step("p" + i, "release", s -> s[pc] == 2
          ? set(set(set(s, pc, 3), first, 0), second, 0) : null);
    }
    expect(b.finalWhen(s -> s[0] == 3 && s[1] == 3).build(),
        new Expected(8, 9, 2, "deadlock", 2));
  }

  @Test
  void countsAFourDimensionalGridWideEnoughForEveryWorkerToTakeBlocks() {
    // 16^4 states; levels up to about 2,000 wide, several blocks of 1,024 for the workers
    TinySystem.Builder b = TinySystem.builder("grid", new int[4],
        new int[] {15, 15, 15, 15}).initial(0, 0, 0, 0);
    for (int i = 0; i < 4; i++) {
      int slot = i;
      b.step("axis" + i, "inc", s -> s[slot] < 15 ? set(s, slot, s[slot] + 1) : null);
    }
    b.finalWhen(s -> s[0] == 15 && s[1] == 15 && s[2] == 15 && s[3] == 15);
    // generated: 1 initial + 4 axes x 16^3 lines x 15 steps each
    expect(b.build(), new Expected(65_536, 1 + 4 * 4_096 * 15, 60, null, 0));
  }
}
