package poolcheck.selfcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import poolcheck.compile.CompiledModel;
import poolcheck.system.Property;
import poolcheck.explore.Explorer;
import poolcheck.result.CheckResult;
import poolcheck.result.Counterexample;
import poolcheck.result.Verdict;
import poolcheck.simulate.SimulationResult;
import poolcheck.simulate.Simulator;
import poolcheck.trace.Replay;
import poolcheck.trace.Replays;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The checker checked on random models (seeds from {@link RandomModels}): every search mode
 * agrees, the explorer is deterministic, every counterexample replays, and simulation never
 * beats or contradicts exhaustive search. A failure names the seed; regenerate the model with
 * {@code ModelGenerator.generate(seed)} and file it under corpus/regressions; the failure
 * message also shows the model shrunk to the lines that still fail.
 */
// Builds and explores its own models, shares nothing: beside the other classes. (junit-platform.properties)
@Execution(ExecutionMode.CONCURRENT)
class CrossCheckTest {
  private static void assertReplays(CompiledModel m, Counterexample cx, String who) {
    Replay.Outcome o = Replays.replay(m, cx);
    assertTrue(o.ok(), () -> who + " counterexample does not replay at step " + o.step() + ": "
        + o.message());
  }

  @TestFactory
  Stream<DynamicTest> everySearchModeAgreesOnVerdictAndDistinctStates() {
    return RandomModels.seeds().mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed,
        () -> ModelShrinker.checkShrinking(seed, CrossCheckTest::searchModesAgree)));
  }

  /**
   * Larger models grow the explorer's store past its first capacity, which small ones never do.
   * The first half of the seeds here, the second in the slow tier (two of those models are most
   * of the time).
   */
  @TestFactory
  Stream<DynamicTest> everySearchModeAgreesOnLargerModels() {
    long all = RandomModels.largeSeeds().count();
    return largerModels(RandomModels.largeSeeds().limit(all / 2));
  }

  @org.junit.jupiter.api.Tag("slow")
  @TestFactory
  Stream<DynamicTest> everySearchModeAgreesOnMoreLargerModels() {
    long all = RandomModels.largeSeeds().count();
    return largerModels(RandomModels.largeSeeds().skip(all / 2));
  }

  private static Stream<DynamicTest> largerModels(java.util.stream.LongStream seeds) {
    return seeds.mapToObj(seed -> DynamicTest.dynamicTest("large seed "
        + seed, () -> ModelShrinker.checkShrinking("large seed " + seed,
            RandomModels.largeText(seed), m -> {
              searchModesAgree(m);
              explorerIsStable(m);
            })));
  }

  @TestFactory
  Stream<DynamicTest> explorerIsStableAndItsCounterexamplesReplay() {
    return RandomModels.seeds().mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed,
        () -> ModelShrinker.checkShrinking(seed, CrossCheckTest::explorerIsStable)));
  }

  @TestFactory
  Stream<DynamicTest> simulationNeverBeatsOrContradictsExhaustiveSearch() {
    return RandomModels.seeds().mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed,
        () -> ModelShrinker.checkShrinking(seed, m -> simulationAgrees(m, seed))));
  }

  @TestFactory
  Stream<DynamicTest> simulationNeverBreaksAPropertyBfsVerifiesAlone() {
    return RandomModels.seeds().mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed,
        () -> ModelShrinker.checkShrinking(seed, m -> propertyByProperty(m, seed))));
  }

  /** Per property: what BFS verifies on its own, simulation checking only it never breaks. */
  static void propertyByProperty(CompiledModel m, long seed) {
    for (Property p : m.properties()) {
      if (p.kind() == Property.Kind.RUNTIME) continue;
      CheckResult bfs = new Explorer(m).properties(Set.of(p.name())).run();
      if (bfs.verdict() != Verdict.VERIFIED) continue;
      SimulationResult sim = new Simulator(m).properties(Set.of(p.name())).run(10, 30, seed);
      assertFalse(sim.violated(), () -> "bfs verifies " + p.name() + " but simulation breaks "
          + sim.counterexample().orElseThrow().property().name());
    }
  }

  static void searchModesAgree(CompiledModel m) {
    SearchMode first = SearchMode.ALL.get(0);
    SearchMode.Outcome expected = first.run(m);
    for (SearchMode mode : SearchMode.ALL.subList(1, SearchMode.ALL.size())) {
      SearchMode.Outcome got = mode.run(m);
      assertEquals(expected.verdict(), got.verdict(), mode.name() + " vs " + first.name());
      if (expected.verdict() == Verdict.VERIFIED) {
        assertEquals(expected.distinct(), got.distinct(), mode.name() + " vs " + first.name());
      }
    }
  }

  static void explorerIsStable(CompiledModel m) {
    CheckResult a = new Explorer(m).run();
    CheckResult b = new Explorer(m).run();
    assertEquals(a.verdict(), b.verdict());
    assertEquals(a.statistics().distinct(), b.statistics().distinct());
    assertEquals(a.statistics().generated(), b.statistics().generated());
    assertEquals(a.counterexample().map(cx -> cx.property().name() + "/" + cx.length()),
        b.counterexample().map(cx -> cx.property().name() + "/" + cx.length()));
    b.counterexample().ifPresent(cx -> assertReplays(m, cx, "bfs"));
  }

  static void simulationAgrees(CompiledModel m, long seed) {
    CheckResult bfs = new Explorer(m).run();
    SimulationResult sim = new Simulator(m).run(30, 40, seed);
    if (bfs.verdict() == Verdict.VERIFIED) {
      assertFalse(sim.violated(), () -> "simulation breaks what bfs verified: "
          + sim.counterexample());
      return;
    }
    Optional<Counterexample> found = sim.counterexample();
    if (found.isEmpty()) return;
    Counterexample cx = found.get();
    assertReplays(m, cx, "simulation");
    // BFS on this property alone reaches it (or an always-checked runtime error) no later.
    // A runtime error can also break inside an invariant or an assert, which are evaluated
    // only when checked: for those BFS checks what the simulation checked, everything.
    String property = cx.property().name();
    Explorer explorer = new Explorer(m);
    if (cx.property().kind() != Property.Kind.RUNTIME) explorer.properties(Set.of(property));
    CheckResult only = explorer.run();
    assertEquals(Verdict.VIOLATED, only.verdict(), "bfs on " + property);
    int shortest = only.counterexample().orElseThrow().length();
    assertTrue(cx.length() >= shortest, () -> "simulation found " + property + " in "
        + cx.length() + " steps, bfs in " + shortest);
    assertTrue(cx.length() <= sim.foundLength(), "shrinking made the trace longer");
  }
}
