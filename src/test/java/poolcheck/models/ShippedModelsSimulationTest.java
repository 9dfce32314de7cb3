package poolcheck.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import poolcheck.api.ModelCheck;
import poolcheck.api.ModelCheckResult;
import poolcheck.api.ReplayResult;
import poolcheck.api.TraceFormat;
import poolcheck.api.TraceReplay;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Every shipped design at a size exhaustive search does not finish in CI (4 pages, 3 stack
 * CPUs, a ring and cache of 2: millions of states), by seeded random runs. What the ledger
 * proves at the small and large configurations must still show: the bugs are found again
 * (the shrunk trace replays on the model), and
 * what holds there is not broken in any run. Seeds are pinned, so a failure reproduces.
 */
// Simulates its own models, shares nothing: beside the other classes. (junit-platform.properties)
@Execution(ExecutionMode.CONCURRENT)
class ShippedModelsSimulationTest {
  // The rewritten shared model (checked step granularity) cuts more steps per action, so the
  // tracking designs' narrow DMA race takes more random runs to hit (run 568 from seed 7).
  private static final int RUNS = 1000;
  private static final int DEPTH = 300;
  private static final long SEED = 7;

  /** A design, the properties simulation must break, and those it must never break. */
  private record Design(String name, List<String> broken, List<String> holding) {}

  private static final List<String> ALWAYS_HOLD = List.of("inflight_nonnegative",
      "inflight_bounded", "ring_within_capacity", "cache_within_capacity");

  private static final List<Design> DESIGNS = List.of(
      new Design("page_pool_v6_12", List.of("no_dma_after_detach", "no_pool_use_after_free"),
          List.of("unmap_exactly_once", "no_page_lost")),
      new Design("page_pool_dma_tracking", List.of("no_dma_after_detach"), List.of()),
      // Its DMA race (19 steps in the ledger) needs a returner to stop between xa_cmpxchg and
      // its unmap through the whole teardown, which now takes more steps (the producer-lock
      // barrier, the split ring consume): 5,000 random runs from seed 7 miss it, so only the
      // exhaustive ledger (ProofsLedgerTest) checks it; the random runs keep what holds.
      new Design("page_pool_dma_tracking_ring_lock", List.of(), List.of()),
      new Design("page_pool_skip_sync", List.of("no_dma_after_detach"), List.of()),
      new Design("page_pool_inflight_tracking", List.of(),
          List.of("no_dma_after_detach", "unmap_exactly_once", "no_page_lost")),
      new Design("page_pool_dma_bulk_unmap", List.of(), List.of("no_dma_after_detach",
          "unmap_exactly_once", "no_pool_use_after_free", "no_page_lost")),
      new Design("page_pool_zcrx", List.of("no_dma_after_detach"), List.of(
          "no_pool_use_after_free", "no_page_lost", "no_netdev_use_after_free")),
      new Design("page_pool_devmem", List.of("no_dma_after_detach"), List.of(
          "no_pool_use_after_free", "no_page_lost", "no_netdev_use_after_free")));

  private static ModelCheck large(String design) {
    return ModelCheck.of("models/" + design + ".pool").constant("PAGES", 4)
        .constant("CONSUMERS", 3).constant("RING_SIZE", 2).constant("CACHE_SIZE", 2);
  }

  @TestFactory
  Stream<DynamicTest> randomRunsAtFourPagesFindTheKnownBugsAgain() {
    return DESIGNS.stream().flatMap(d -> d.broken().stream().map(p -> DynamicTest.dynamicTest(
        d.name() + " breaks " + p, () -> {
          ModelCheckResult r = large(d.name()).properties(p).simulate(RUNS, DEPTH).seed(SEED)
              .assertViolates(p);
          Path trace = Files.createTempFile("shipped-" + d.name(), ".json");
          try {
            Files.writeString(trace, r.renderTrace(TraceFormat.JSON));
            ReplayResult o = TraceReplay.of(Path.of("models/" + d.name() + ".pool"))
                .constants(Map.of("PAGES", "4", "CONSUMERS", "3", "RING_SIZE", "2",
                    "CACHE_SIZE", "2")).replay(trace);
            assertTrue(o.ok(), o.message());
          } finally {
            Files.delete(trace);
          }
        })));
  }

  @TestFactory
  Stream<DynamicTest> randomRunsAtFourPagesBreakNothingTheLedgerProves() {
    return DESIGNS.stream().flatMap(d -> Stream.concat(ALWAYS_HOLD.stream(),
        d.holding().stream()).map(p -> DynamicTest.dynamicTest(d.name() + " keeps " + p,
            () -> {
              ModelCheckResult r = large(d.name()).properties(p).simulate(RUNS, DEPTH)
                  .seed(SEED).assertHolds();
              assertEquals(true, r.counterexample().isEmpty());
            })));
  }
}
