package poolcheck.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import poolcheck.api.ModelCheck;
import poolcheck.api.ModelCheckResult;
import poolcheck.api.Counterexample;
import poolcheck.api.TraceStep;

/**
 * The page- and device-lifetime properties on every shipped design at its small configuration
 * (docs/models/page_pool_lifetime.md, proofs/notes): which hold, and the shortest trace of each
 * violation, replayed. The ledger checks the same once it is regenerated; this pins the
 * verdicts that tell later mainline's unmap (page_pool_unmap_netmem_dma) from ee62ce7a1d90.
 */
class LifetimePropertiesTest {
  private static final String USE = "no_page_use_after_free";
  private static final String READ = "no_page_read_after_free";
  private static final String MAPPED = "no_mapped_page_freed";
  private static final String DEVICE = "no_device_use_after_free";

  /** A design, constants on top of its defaults, and per property 0 (holds) or the length. */
  private record Expected(String design, Map<String, String> constants,
      Map<String, Integer> lengths) {}

  private static final List<Expected> EXPECTED = List.of(
      new Expected("page_pool_v6_12", Map.of(),
          Map.of(USE, 0, READ, 0, MAPPED, 0, DEVICE, 0)),
      new Expected("page_pool_inflight_tracking", Map.of(),
          Map.of(USE, 0, READ, 0, MAPPED, 0, DEVICE, 0)),
      new Expected("page_pool_dma_bulk_unmap", Map.of(),
          Map.of(USE, 0, READ, 0, MAPPED, 0, DEVICE, 0)),
      new Expected("page_pool_dma_bulk_unmap", Map.of("DMA_API_TEARDOWN_SERIALISED", "false"),
          Map.of(USE, 0, READ, 0, MAPPED, 0, DEVICE, 0)),
      new Expected("page_pool_skip_sync", Map.of(),
          Map.of(USE, 0, READ, 0, MAPPED, 14, DEVICE, 0)),
      new Expected("page_pool_dma_tracking", Map.of(),
          Map.of(USE, 20, READ, 20, MAPPED, 19, DEVICE, 18)),
      new Expected("page_pool_dma_tracking_ring_lock", Map.of(),
          Map.of(USE, 20, READ, 20, MAPPED, 19, DEVICE, 19)),
      new Expected("page_pool_unmap_netmem_dma", Map.of(),
          Map.of(USE, 0, READ, 20, MAPPED, 20, DEVICE, 19)));

  private static ModelCheck check(String design, Map<String, String> constants) {
    ModelCheck c = ModelCheck.of("models/" + design + ".pool");
    for (Map.Entry<String, String> e : constants.entrySet()) {
      c = c.constant(e.getKey(), e.getValue());
    }
    return c;
  }

  /** Through the JSON trace, which records the one property checked, as the CLI writes it. */
  /** Through the JSON trace, which records the one property checked, as the CLI writes it. */
  private static void replays(String design, Map<String, String> constants,
      ModelCheckResult r) throws Exception {
    Replayed.assertReplays(Path.of("models/" + design + ".pool"), constants, r);
  }

  @TestFactory
  Stream<DynamicTest> eachDesignHoldsOrBreaksEachLifetimePropertyAsTheNotesSay() {
    return EXPECTED.stream().flatMap(e -> e.lengths().entrySet().stream().sorted(
        Map.Entry.comparingByKey()).map(p -> DynamicTest.dynamicTest(e.design()
            + e.constants() + " " + p.getKey(), () -> {
              ModelCheckResult r = check(e.design(), e.constants()).properties(p.getKey())
                  .exhaustive();
              if (p.getValue() == 0) {
                r.assertHolds();
                return;
              }
              r.assertViolates(p.getKey());
              Counterexample cx = r.counterexample().orElseThrow();
              assertEquals(p.getValue(), cx.length(), r.describe());
              replays(e.design(), e.constants(), r);
            })));
  }

  @Test
  void aStackCpuReadsTheFreedDeviceInDmaDevNeedSyncAfterTheScrubWhenEveryReturnRecycles()
      throws Exception {
    Map<String, String> constants = Map.of("RELEASED_REFCNT", "false");
    ModelCheckResult r = check("page_pool_dma_tracking", constants).properties(DEVICE)
        .exhaustive().assertViolates(DEVICE);
    Counterexample cx = r.counterexample().orElseThrow();
    assertEquals(22, cx.length(), r.describe());
    TraceStep last = cx.steps().get(cx.steps().size() - 1);
    assertEquals("stack", last.instance().replaceAll("\\[.*", ""), r.describe());
    assertEquals("sync_need", last.label(), r.describe());
    replays("page_pool_dma_tracking", constants, r);
  }
}
