package poolcheck.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import poolcheck.api.Counterexample;
import poolcheck.api.ModelCheck;
import poolcheck.api.ModelCheckResult;

/**
 * QUEUE_RESTART (models/page_pool_queue_restart.pool, docs/models/queue-restart.md): the old
 * pool of a netdev_rx_queue_restart() is destroyed in process context while the NAPI instance
 * it still names polls the new pool. A softirq return that loaded the old pool->p.napi before
 * the unlink, and finds the re-enabled NAPI scheduled on its CPU, recycles into the old pool's
 * alloc cache while ndo_queue_mem_free empties it; a grace period before ndo_queue_mem_free
 * removes the race.
 */
class QueueRestartModelTest {
  private static final Path DESIGN = Path.of("models/page_pool_queue_restart.pool");

  private static List<String> labels(Counterexample c) {
    return c.steps().stream().filter(s -> !s.isInitial()).map(s -> s.instance() + "." + s.label())
        .toList();
  }

  @Test
  void aReturnBetweenTheTwoLoadsOfNapiLocalRacesTheOldPoolsTeardownIn17Steps()
      throws Exception {
    ModelCheckResult r = ModelCheck.of(DESIGN).properties("alloc_cache_exclusive")
        .exhaustive().assertViolates("alloc_cache_exclusive");
    Counterexample c = r.counterexample().orElseThrow();
    assertEquals(17, c.length());
    List<String> steps = labels(c);
    // pool->p.napi loaded before the unlink, list_owner after napi_enable: the window.
    int napiLocal = steps.indexOf("softirq[0].napi_local");
    int unlink = steps.indexOf("unbind.queue_stop");
    int enable = steps.indexOf("unbind.queue_start");
    int listOwner = steps.indexOf("softirq[0].list_owner");
    assertTrue(napiLocal >= 0 && napiLocal < unlink && unlink < enable && enable < listOwner,
        steps.toString());
    assertEquals("unbind.scrub", steps.get(steps.size() - 1));
    Replayed.assertReplays(DESIGN, Map.of(), r);
  }

  @Test
  void unlinkingOnlyAtMemFreeOpensTheWindowToEveryReturnOnTheNapisCpu() throws Exception {
    ModelCheckResult r = ModelCheck.of(DESIGN).constant("QUEUE_RESTART", 2)
        .properties("alloc_cache_exclusive").exhaustive().assertViolates("alloc_cache_exclusive");
    Counterexample c = r.counterexample().orElseThrow();
    assertEquals(16, c.length());
    List<String> steps = labels(c);
    assertTrue(!steps.contains("unbind.queue_stop"), steps.toString());
    assertTrue(steps.indexOf("unbind.queue_start") < steps.indexOf("softirq[0].list_owner"),
        steps.toString());
    Replayed.assertReplays(DESIGN, Map.of("QUEUE_RESTART", "2"), r);
  }

  @Test
  void aGracePeriodBeforeMemFreeKeepsTheOldCacheExclusiveAndThePoolFreed() {
    ModelCheckResult r = ModelCheck.of(DESIGN).config("sync_before_free")
        .properties("alloc_cache_exclusive", "pool_eventually_freed", "no_page_lost")
        .exhaustive().assertHolds();
    assertEquals(22_116, r.statistics().distinct());
  }

  @Test
  void underTheFixTheStaleReturnStillRecyclesIntoTheOldCacheWhileTheRestartWaits() {
    // The fix keeps direct recycling: a return that passed both loads stores into the old
    // cache during the grace period, before ndo_queue_mem_free empties it. A wait that made
    // that store unreachable would verify by hiding the race.
    ModelCheckResult r = ModelCheck.of(DESIGN).config("sync_before_free")
        .properties("alloc_cache_exclusive").exhaustive().assertHolds();
    List<String> unreached = r.coverage().orElseThrow().unreached();
    for (String step : List.of("softirq.restart_cache_push", "unbind.restart_sync_wait",
        "unbind.queue_stop", "unbind.queue_start")) {
      assertTrue(!unreached.contains(step), step + " unreached: " + unreached);
    }
  }

  @Test
  void withoutARestartTheDesignsKeepTheirStateSpace() {
    // 22,760 with the restart; the same tree without it is the ring_lock design's napi_local.
    long restart = ModelCheck.of(DESIGN).properties("inflight_nonnegative").exhaustive()
        .assertHolds().statistics().distinct();
    long none = ModelCheck.of(DESIGN).constant("QUEUE_RESTART", 0)
        .properties("inflight_nonnegative").exhaustive().assertHolds().statistics().distinct();
    long ringLock = ModelCheck.of("models/page_pool_dma_tracking_ring_lock.pool")
        .config("napi_local").properties("inflight_nonnegative").exhaustive().assertHolds()
        .statistics().distinct();
    assertEquals(ringLock, none);
    assertTrue(restart > none);
  }

  /**
   * Two returners on two CPUs cannot both find the re-enabled NAPI on their own poll list at
   * once (restart_napi_owner); with that, the grace period keeps the old cache exclusive at
   * three pages and two returners too.
   */
  @Test
  @Tag("slow")
  void theGracePeriodHoldsWithTwoReturnersAndThreePages() {
    ModelCheckResult r = ModelCheck.of(DESIGN).config("sync_before_free").constant("PAGES", 3)
        .constant("CONSUMERS", 2).properties("alloc_cache_exclusive", "pool_eventually_freed")
        .exhaustive().assertHolds();
    assertEquals(2_843_736, r.statistics().distinct());
  }
}
