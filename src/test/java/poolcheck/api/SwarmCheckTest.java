package poolcheck.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ModelCheck.swarm}: the known violations of shipped designs found, shrunk to a trace
 * that replays; no violation is INCOMPLETE, never VERIFIED; the same seed, the same figures;
 * the combinations a swarm cannot run are refused before the model loads.
 */
class SwarmCheckTest {
  private static final ModelCheck V6_12 = ModelCheck.of("models/page_pool_v6_12.pool");

  @Test
  void findsTheUnmapAfterDetachShrunkToTheShortestTraceThatReplays(@TempDir Path dir)
      throws Exception {
    ModelCheckResult r = V6_12.properties("no_dma_after_detach").workers(1).swarm(4, 42)
        .exhaustive();
    assertEquals(Verdict.VIOLATED, r.verdict());
    Counterexample cx = r.counterexample().orElseThrow();
    assertEquals("no_dma_after_detach", cx.property());
    SwarmFigures w = r.swarm().orElseThrow();
    assertEquals(0, w.foundBy());
    assertEquals(15, w.foundLength(), "the depth-first trace before shrinking");
    assertEquals(14, cx.length(), "shrunk to the exact search's shortest");
    assertFalse(w.finished());
    Path trace = dir.resolve("swarm.json");
    Files.writeString(trace, r.renderTrace(TraceFormat.JSON));
    ReplayResult replayed = TraceReplay.of(Path.of("models/page_pool_v6_12.pool")).replay(trace);
    assertTrue(replayed.ok(), replayed.toString());
    assertTrue(r.json().contains("\"found_by\" : 0"), r.json());
  }

  @Test
  void findsTheRecycleUseAfterFreeOfV612() {
    ModelCheckResult r = V6_12.properties("no_pool_use_after_free").workers(1).swarm(8, 5)
        .exhaustive();
    assertEquals(Verdict.VIOLATED, r.verdict(), r.describe());
    assertTrue(r.counterexample().orElseThrow().length() <= r.swarm().orElseThrow()
        .foundLength());
  }

  @Test
  void noViolationIsIncompleteWithTheUnionOfTheSearches() {
    ModelCheck m = V6_12.properties("inflight_nonnegative").noDeadlock();
    long exact = m.workers(1).store(StoreMode.EXACT).exhaustive().statistics().distinct();
    ModelCheckResult r = m.workers(2).swarm(4, 11).exhaustive();
    assertEquals(Verdict.INCOMPLETE, r.verdict(), "a swarm proves nothing");
    SwarmFigures w = r.swarm().orElseThrow();
    assertTrue(w.finished());
    assertEquals(4, w.perSearch().size());
    assertEquals(4 * exact, w.storedInAll(), "4 MiB arrays, no bound: each search stores all");
    assertEquals(exact, w.unionEstimate(), exact * 0.02);
    assertEquals(2, w.threads());
    assertEquals(10_000, w.depthBound());
    assertEquals(4L << 23, w.bitsPerSearch());
    assertTrue(r.json().contains("\"swarm\""), r.json());
  }

  @Test
  void theSameSeedGivesTheSameFigures() {
    ModelCheck m = ModelCheck.of("models/page_pool_dma_bulk_unmap.pool").config("small")
        .properties("inflight_nonnegative").bitstate(512, 3).maxDepth(50).swarm(3, 8);
    SwarmFigures a = m.workers(1).exhaustive().swarm().orElseThrow();
    SwarmFigures b = m.workers(3).exhaustive().swarm().orElseThrow();
    assertEquals(a.perSearch(), b.perSearch());
    assertEquals(a.unionEstimate(), b.unionEstimate());
  }

  private static String refusal(ModelCheck m) {
    return assertThrows(InvalidOptionException.class, m::prepare)
        .render(UnaryOperator.identity());
  }

  @Test
  void refusesCombinationsASwarmCannotRun(@TempDir Path dir) {
    ModelCheck s = V6_12.swarm(2, 1);
    assertEquals("swarm and exact exclude each other: a swarm's searches store bits, not "
        + "states, and skip some", refusal(s.store(StoreMode.EXACT)));
    assertEquals("swarm and allViolations exclude each other: a swarm's searches store bits, "
        + "not states, and skip some", refusal(s.options(s.options().withAllViolations(true))));
    assertEquals("swarm and checkpoint exclude each other: a swarm's searches store bits, not "
        + "states, and skip some", refusal(s.checkpoint(dir, 10)));
    assertEquals("swarm and maxStates exclude each other: each search is bounded by maxDepth "
        + "and the whole swarm by timeLimit", refusal(s.maxStates(100)));
    assertEquals("seed seeds a swarm: it goes with swarm",
        refusal(V6_12.options(V6_12.options().withSwarm(null, 5L))));
    assertEquals("swarm checks safety only: liveness needs every state (pool_eventually_freed)",
        refusal(s.properties("pool_eventually_freed")));
    assertThrows(InvalidOptionException.class, () -> V6_12.swarm(0, 1));
    InvalidOptionException cluster = assertThrows(InvalidOptionException.class,
        () -> s.onCluster(ClusterSetup.local(2, line -> { })));
    assertTrue(cluster.getMessage().contains("one machine"), cluster.getMessage());
  }

  @Test
  void unnamedLivenessIsLeftOutWithAWarning() {
    StringBuilder warned = new StringBuilder();
    ModelCheckResult r = V6_12.onWarning(warned::append).swarm(1, 1).maxDepth(3).exhaustive();
    assertTrue(warned.toString().contains("--swarm checks safety only; not checked: "
        + "pool_eventually_freed"), warned.toString());
    assertFalse(r.checked().contains("pool_eventually_freed"));
  }

  @Test
  void withoutBytecodeTheStepsRunTheirLinkedInstructionsWithTheSameCounts() {
    ModelCheck m = V6_12.properties("inflight_nonnegative").workers(1);
    CheckRun compiled = m.prepare();
    CheckRun linked = m.bytecode(false).prepare();
    assertTrue(compiled.runsBytecode());
    assertFalse(linked.runsBytecode());
    Statistics a = compiled.run().statistics();
    Statistics b = linked.run().statistics();
    assertEquals(a.distinct(), b.distinct());
    assertEquals(a.generated(), b.generated());
    assertEquals(a.depth(), b.depth());
  }
}
