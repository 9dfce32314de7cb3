package poolcheck.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poolcheck.api.ModelCheck;
import poolcheck.api.ModelCheckResult;
import poolcheck.api.Counterexample;

/**
 * The MIXED_BULK feature (models/page_pool_xdp_bulk.pool): page_pool_put_netmem_bulk() with
 * two of the destroyed pool's pages and another pool's round. The 6.14+ recycle_stat_add()
 * after page_pool_producer_unlock() is still found; a bulk whose ring had no room for a page
 * cannot be the one that finds the pool freed, because that leftover is still in flight.
 */
class XdpBulkModelTest {
  private static final Path DESIGN = Path.of("models/page_pool_xdp_bulk.pool");

  @Test
  void theBulkStatisticAfterTheUnlockTouchesAFreedPoolIn31Steps() throws Exception {
    ModelCheckResult r = ModelCheck.of(DESIGN).properties("no_pool_use_after_free")
        .exhaustive().assertViolates("no_pool_use_after_free");
    Counterexample c = r.counterexample().orElseThrow();
    // steps() starts with the initial state.
    assertEquals(31, c.steps().size() - 1);
    assertEquals("bulk_ring_stat", c.steps().get(31).label());
    Replayed.assertReplays(DESIGN, Map.of(), r);
  }

  @Test
  void everyOtherRuntimeCheckHoldsIn33862States() {
    ModelCheckResult r = ModelCheck.of(DESIGN).properties("returned_once_by_last_holder",
        "no_page_lost", "inflight_nonnegative").exhaustive().assertHolds();
    assertEquals(33_862, r.statistics().distinct());
  }

  @Test
  void aLeftoverInTheBulkKeepsThePoolAliveForTheStatistic(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("common"));
    String shared = Files.readString(Path.of("models/common/page_pool.pool"));
    String at = "  bulk_ring_stat @recycle_stat_add: {\n"
        + "    assert no_pool_use_after_free: !pool_freed;\n";
    assertEquals(1, shared.split(java.util.regex.Pattern.quote(at), -1).length - 1);
    shared = shared.replace(at, "  bulk_ring_stat @recycle_stat_add: {\n"
        + "    assert leftover_keeps_pool: empty(ring_bulk) || !pool_freed;\n");
    Files.writeString(dir.resolve("common/page_pool.pool"), shared);
    Path design = dir.resolve("page_pool_xdp_bulk.pool");
    Files.copy(DESIGN, design);
    for (Map<String, Object> config : List.of(Map.<String, Object>of(),
        Map.<String, Object>of("PAGES", 3, "RING_SIZE", 2, "CACHE_SIZE", 2))) {
      ModelCheck check = ModelCheck.of(design).properties("leftover_keeps_pool");
      for (Map.Entry<String, Object> e : config.entrySet()) {
        check = check.constant(e.getKey(), (Integer) e.getValue());
      }
      check.exhaustive().assertHolds();
    }
  }
}
