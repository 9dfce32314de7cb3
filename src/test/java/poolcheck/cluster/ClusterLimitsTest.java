package poolcheck.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import poolcheck.compile.CompiledModel;
import poolcheck.explore.Explorer;
import poolcheck.result.CheckResult;
import poolcheck.result.Verdict;
import poolcheck.system.PropertySelection;

/**
 * The limits of a cluster run are checked at level boundaries and end it INCOMPLETE as on one
 * machine, never VERIFIED; the depth limit stops at the same states as the single-machine one.
 */
class ClusterLimitsTest {
  @Test
  void aDepthLimitStopsAtTheStatesOfTheSingleMachineSearch() throws Exception {
    CompiledModel m = ClusterCheckpointTest.recycle();
    PropertySelection checked = new Explorer(m).selection();
    CheckResult one = new Explorer(m).maxDepth(7).run();
    CheckResult three = ClusterCheckpointTest.run(m, checked, 3, s -> s.maxDepth(7));
    assertEquals(Verdict.INCOMPLETE, one.verdict());
    assertEquals(Verdict.INCOMPLETE, three.verdict());
    assertEquals(one.reason(), three.reason());
    assertEquals(one.statistics().distinct(), three.statistics().distinct());
    assertEquals(one.statistics().depth(), three.statistics().depth());
  }

  @Test
  void aStateLimitStopsAtTheFirstLevelBoundaryPastIt() throws Exception {
    CompiledModel m = ClusterCheckpointTest.recycle();
    PropertySelection checked = new Explorer(m).selection();
    List<Long> levels = new ArrayList<>();
    ClusterCheckpointTest.run(m, checked, 2, s -> s.progress(f -> levels.add(f.distinct())));
    CheckResult r = ClusterCheckpointTest.run(m, checked, 2, s -> s.maxStates(10_000));
    assertEquals(Verdict.INCOMPLETE, r.verdict());
    assertEquals("state limit 10000 reached", r.reason());
    long first = levels.stream().filter(n -> n >= 10_000).findFirst().orElseThrow();
    assertEquals(first, r.statistics().distinct());
  }

  @Test
  void aTimeLimitEndsTheRunIncomplete() throws Exception {
    CompiledModel m = ClusterCheckpointTest.recycle();
    PropertySelection checked = new Explorer(m).selection();
    CheckResult r = ClusterCheckpointTest.run(m, checked, 2, s -> s.timeLimitMillis(0));
    assertEquals(Verdict.INCOMPLETE, r.verdict());
    assertTrue(r.reason().startsWith("time limit 0 s reached"), r.reason());
    assertTrue(r.statistics().distinct() < 78_480);
  }

  @Test
  void eachLevelLineNamesEveryNodesRateAndTheSlowestNode() throws Exception {
    CompiledModel m = ClusterCheckpointTest.recycle();
    List<LevelFigures> levels = new ArrayList<>();
    ClusterCheckpointTest.run(m, new Explorer(m).selection(), 3, s -> s.progress(levels::add));
    LevelFigures busiest = levels.stream().max((a, b) -> Long.compare(a.generated(),
        b.generated())).orElseThrow();
    String line = busiest.line();
    assertTrue(line.matches("level \\d+: [0-9,]+ distinct, [0-9,]+ generated, frontier [0-9,]+,"
        + " [0-9.]+ s; per node added \\[[0-9,]+ [0-9,]+ [0-9,]+\\], successors/s \\[[0-9,]+ "
        + "[0-9,]+ [0-9,]+\\]; slowest node [0-2] \\([0-9.]+ s\\)"), line);
    long[] nanos = busiest.busyNanos();
    assertEquals(Math.max(nanos[0], Math.max(nanos[1], nanos[2])), nanos[busiest.slowest()]);
    long sum = 0;
    for (long g : busiest.generatedBy()) sum += g;
    assertTrue(sum > 0 && busiest.rate(busiest.slowest()) > 0, line);
    LevelFigures made = new LevelFigures(3, 10, 30, 5, new long[] {4, 6},
        new long[] {2_000, 1_000}, new long[] {1_000_000_000L, 2_000_000_000L}, 2500);
    assertEquals(1, made.slowest());
    assertEquals(2_000, made.rate(0));
    assertEquals(500, made.rate(1));
    assertEquals("level 3: 10 distinct, 30 generated, frontier 5, 2.5 s; per node added [4 6],"
        + " successors/s [2,000 500]; slowest node 1 (2.00 s)", made.line());
  }
}
