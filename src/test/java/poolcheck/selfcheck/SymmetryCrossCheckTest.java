package poolcheck.selfcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import poolcheck.api.Models;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Frame;
import poolcheck.compile.SuccessorSink;
import poolcheck.explore.Explorer;
import poolcheck.result.CheckResult;
import poolcheck.result.Counterexample;
import poolcheck.result.Verdict;
import poolcheck.trace.Replay;
import poolcheck.trace.Replays;

/**
 * Symmetry reduction checked on the random models that declare a scalarset (about a third of
 * {@link RandomModels#seeds()}): reduced and unreduced search agree on the verdict, the reduced
 * search stores exactly one state per orbit of the unreduced reachable states, and a reduced
 * counterexample is a run of the unreduced model as short as the unreduced search's.
 */
class SymmetryCrossCheckTest {
  /** Verified models, distinct states without and with reduction, best factor (x1000). */
  private static final long[] TOTALS = new long[4];

  @Test
  void everyGeneratedModelTypeChecksAndAThirdReduce() throws Exception {
    int symmetric = 0;
    long[] seeds = RandomModels.seeds().toArray();
    for (long seed : seeds) {
      CompiledModel m = compile("seed " + seed, RandomModels.text(seed));
      assertEquals(ModelGenerator.symmetric(seed), m.reducesSymmetry(), "seed " + seed);
      if (m.reducesSymmetry()) symmetric++;
    }
    for (long seed : RandomModels.largeSeeds().toArray()) {
      compile("large seed " + seed, RandomModels.largeText(seed));
    }
    // the generator must keep writing scalarsets, or the checks below check nothing
    assertTrue(symmetric >= seeds.length / 5, symmetric + " of " + seeds.length);
  }

  private static CompiledModel compile(String name, String text) {
    try {
      return Models.fromText(name.replace(' ', '_') + ".pool", text);
    } catch (Exception e) {
      throw new AssertionError("the generator wrote a model the compiler rejects: "
          + e.getMessage() + "\n" + text, e);
    }
  }

  @TestFactory
  Stream<DynamicTest> reductionKeepsVerdictsOrbitsAndCounterexamples() {
    return RandomModels.seeds().filter(ModelGenerator::symmetric).mapToObj(seed ->
        DynamicTest.dynamicTest("seed " + seed, () -> {
          long[] sizes = new long[2];
          ModelShrinker.checkShrinking(seed, m -> reductionAgrees(m, sizes));
          // counted only once the check passed, not for the shrinker's candidates
          if (sizes[0] > 0) tally(sizes);
        }));
  }

  private static synchronized void tally(long[] sizes) {
    TOTALS[0]++;
    TOTALS[1] += sizes[0];
    TOTALS[2] += sizes[1];
    TOTALS[3] = Math.max(TOTALS[3], 1000 * sizes[0] / sizes[1]);
  }

  /** Fills {@code sizes} with the unreduced and reduced distinct counts when verified. */
  static void reductionAgrees(CompiledModel m, long[] sizes) {
    CompiledModel plain = m.withSymmetry(false);
    CheckResult reduced = new Explorer(m).run();
    CheckResult full = new Explorer(plain).run();
    assertEquals(full.verdict(), reduced.verdict(), "verdict with reduction");
    if (full.verdict() == Verdict.VERIFIED) {
      Set<List<Integer>> states = reachable(plain);
      Set<List<Integer>> orbits = new HashSet<>();
      for (List<Integer> s : states) orbits.add(list(m.canonical(array(s))));
      assertEquals(states.size(), full.statistics().distinct(), "unreduced distinct states");
      assertEquals(orbits.size(), reduced.statistics().distinct(), "reduced distinct states");
      sizes[0] = states.size();
      sizes[1] = orbits.size();
      return;
    }
    Counterexample cx = reduced.counterexample().orElseThrow();
    Counterexample shortest = full.counterexample().orElseThrow();
    assertEquals(shortest.length(), cx.length(), "reduced counterexample length");
    assertEquals(shortest.property().name(), cx.property().name(), "violated property");
    Replay.Outcome o = Replays.replay(plain, cx);
    assertTrue(o.ok(), () -> "reduced counterexample does not replay unreduced at step "
        + o.step() + ": " + o.message());
  }

  /** Every reachable state of the unreduced model, by a plain BFS apart from the explorer's. */
  private static Set<List<Integer>> reachable(CompiledModel plain) {
    Frame f = plain.newFrame(plain.allChecked());
    Set<List<Integer>> seen = new HashSet<>();
    ArrayDeque<int[]> queue = new ArrayDeque<>();
    SuccessorSink sink = new SuccessorSink() {
      @Override
      public void successor(int[] next, int transition) {
        if (seen.add(list(next))) queue.add(next);
      }

      @Override
      public void violation(int property, int[] at, int transition) { }
    };
    plain.initialStates(f, sink);
    while (!queue.isEmpty()) plain.successors(queue.poll(), f, sink);
    return seen;
  }

  private static List<Integer> list(int[] s) {
    return Arrays.stream(s).boxed().toList();
  }

  private static int[] array(List<Integer> s) {
    return s.stream().mapToInt(Integer::intValue).toArray();
  }

  @AfterAll
  static void reportReduction() {
    if (TOTALS[0] > 0) {
      System.out.printf("symmetry: %d verified models, %d distinct states unreduced, %d reduced"
          + " (factor %.2f overall, %.2f at best)%n", TOTALS[0], TOTALS[1], TOTALS[2],
          (double) TOTALS[1] / TOTALS[2], TOTALS[3] / 1000.0);
    }
  }
}
