package poolcheck.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import poolcheck.api.Counterexample;
import poolcheck.api.ModelCheck;
import poolcheck.api.ModelCheckResult;

/**
 * The candidate fixes for the two lifetime findings of the 6.16 tree that no earlier fix covered
 * (proofs/notes/page_pool_fix_sync_test_under_rcu.md, page_pool_fix_scrub_index_from_xa.md):
 * each closes its own path, the path it closes is the one its parent design still shows, and
 * alone on the 6.16 tree it leaves the finding to the fix it is built on.
 */
class LifetimeFixesTest {
  private static final Path SYNC = Path.of("models/page_pool_fix_sync_test_under_rcu.pool");
  private static final Path INDEX = Path.of("models/page_pool_fix_scrub_index_from_xa.pool");
  private static final Path ALL = Path.of("models/page_pool_fix_all.pool");

  private static String lastStep(Counterexample c) {
    var last = c.steps().get(c.steps().size() - 1);
    return last.instance() + "." + last.label();
  }

  @Test
  void theDmaSyncTestsInsideTheRcuSectionKeepTheDeviceAlive() {
    ModelCheckResult r = ModelCheck.of(SYNC)
        .properties("no_device_use_after_free", "no_dma_after_detach").exhaustive()
        .assertHolds();
    assertEquals(13_873, r.statistics().distinct());
  }

  @Test
  void withoutTheFixAStackCpuReadsTheRemovedDevicesSkipSyncFlag() throws Exception {
    ModelCheck before = ModelCheck.of(SYNC).constant("SYNC_TEST_UNDER_RCU", false)
        .properties("no_device_use_after_free");
    ModelCheckResult r = before.exhaustive().assertViolates("no_device_use_after_free");
    Counterexample c = r.counterexample().orElseThrow();
    assertEquals(25, c.length());
    assertEquals("stack[0].sync_need", lastStep(c));
    Replayed.assertReplays(SYNC, Map.of("SYNC_TEST_UNDER_RCU", "false"), r);
  }

  @Test
  void aloneOnThe616TreeTheReturnThatWonTheCmpxchgStillUnmapsAfterTheRemoval() {
    Counterexample c = ModelCheck.of(SYNC).constant("RETURN_UNMAP_RCU", false)
        .properties("no_device_use_after_free").exhaustive()
        .assertViolates("no_device_use_after_free").counterexample().orElseThrow();
    assertEquals(19, c.length());
    assertEquals("stack[0].unmap", lastStep(c));
  }

  @Test
  void theScrubThatTakesXaForEachsIndexReadsNoFreedPage() {
    ModelCheckResult r = ModelCheck.of(INDEX)
        .properties("no_page_read_after_free", "no_page_use_after_free", "unmap_exactly_once")
        .exhaustive().assertHolds();
    assertEquals(14_899, r.statistics().distinct());
  }

  @Test
  void withoutTheFixTheScrubReadsTheIndexOfAPageAWinningReturnHasPut() throws Exception {
    ModelCheckResult r = ModelCheck.of(INDEX).constant("SCRUB_INDEX_FROM_XA", false)
        .properties("no_page_read_after_free").exhaustive()
        .assertViolates("no_page_read_after_free");
    Counterexample c = r.counterexample().orElseThrow();
    assertEquals(20, c.length());
    assertEquals("unbind.xa_scrub_cmpxchg", lastStep(c));
    Replayed.assertReplays(INDEX, Map.of("SCRUB_INDEX_FROM_XA", "false"), r);
  }

  @Test
  void aloneOnThe616TreeTheScrubStillReadsDmaAddrAfterALosingReturnPutThePage() {
    Counterexample c = ModelCheck.of(INDEX).constant("SCRUB_UNMAP_UNDER_XA_LOCK", false)
        .properties("no_page_read_after_free").exhaustive()
        .assertViolates("no_page_read_after_free").counterexample().orElseThrow();
    assertEquals(20, c.length());
    assertEquals("unbind.xa_scrub_unmap", lastStep(c));
  }

  @Test
  void everyCandidateFixTogetherHoldsEveryPropertyInEveryReturningContext() {
    assertEquals(12_153, ModelCheck.of(ALL).exhaustive().assertHolds().statistics().distinct());
    for (int context : List.of(1, 2)) {
      ModelCheck.of(ALL).constant("RETURN_CONTEXT", context).exhaustive().assertHolds();
    }
  }
}
