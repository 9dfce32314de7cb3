package poolcheck.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import poolcheck.api.Counterexample;
import poolcheck.api.ModelCheck;
import poolcheck.api.ModelCheckResult;

/**
 * The candidate fixes for the two lifetime findings of the 6.16 tree that no earlier fix covered
 * (proofs/notes/page_pool_fix_sync_test_under_rcu.md, page_pool_fix_scrub_index_from_xa.md):
 * each closes its own path, the path it closes is the one its parent design still shows, and
 * alone on the 6.16 tree it leaves the finding to the fix it is built on. On mainline's unmap
 * (page_pool_fix_unmap_netmem_dma) the index fix and the lock together drop the scrub's loads
 * before its cmpxchg; either alone leaves them.
 */
class LifetimeFixesTest {
  private static final Path ALL = Path.of("models/page_pool_fix_all.pool");

  private static Path design(String name) {
    return Path.of("models/page_pool_" + name + ".pool");
  }

  @ParameterizedTest(name = "{0} holds {1} ({2} states)")
  @CsvSource({
      "fix_sync_test_under_rcu, no_device_use_after_free no_dma_after_detach, 13873",
      "fix_scrub_index_from_xa, no_page_read_after_free no_page_use_after_free "
          + "unmap_exactly_once, 14899",
      "fix_unmap_netmem_dma, no_page_read_after_free no_page_use_after_free unmap_exactly_once "
          + "no_mapped_page_freed no_dma_after_detach no_device_use_after_free "
          + "no_pool_use_after_free, 12153"})
  void theFixHolds(String name, String properties, int states) {
    ModelCheckResult r = ModelCheck.of(design(name)).properties(properties.split(" "))
        .exhaustive().assertHolds();
    assertEquals(states, r.statistics().distinct());
  }

  /**
   * With the feature {@code off} turned off, {@code property} fails first at {@code lastStep}
   * after {@code length} steps, and the trace replays. SYNC_TEST_UNDER_RCU or
   * SCRUB_INDEX_FROM_XA off: the finding the fix is for (a stack CPU reads the removed device's
   * dev->dma_skip_sync; the scrub reads the index of a page a winning return has put). The
   * feature the fix is built on off: the 6.16 tree's own path to the same property (the
   * winning return's unmap after the removal; the scrub's dma_addr load after a losing return
   * put the page).
   */
  @ParameterizedTest(name = "{0} without {1}: {2} fails in {3} steps at {4}")
  @CsvSource({
      "fix_sync_test_under_rcu, SYNC_TEST_UNDER_RCU, no_device_use_after_free, 25, "
          + "stack[0].sync_need",
      "fix_sync_test_under_rcu, RETURN_UNMAP_RCU, no_device_use_after_free, 19, stack[0].unmap",
      "fix_scrub_index_from_xa, SCRUB_INDEX_FROM_XA, no_page_read_after_free, 20, "
          + "unbind.xa_scrub_cmpxchg",
      "fix_scrub_index_from_xa, SCRUB_UNMAP_UNDER_XA_LOCK, no_page_read_after_free, 20, "
          + "unbind.xa_scrub_unmap",
      "fix_unmap_netmem_dma, SCRUB_INDEX_FROM_XA, no_page_read_after_free, 20, "
          + "unbind.xa_scrub_read",
      "fix_unmap_netmem_dma, SCRUB_UNMAP_UNDER_XA_LOCK, no_page_read_after_free, 20, "
          + "unbind.xa_scrub_read"})
  void withoutAFeatureTheShortestTraceEndsAt(String name, String off, String property,
      int length, String lastStep) throws Exception {
    Path model = design(name);
    ModelCheckResult r = ModelCheck.of(model).constant(off, false).properties(property)
        .exhaustive().assertViolates(property);
    Counterexample c = r.counterexample().orElseThrow();
    assertEquals(length, c.length());
    var last = c.steps().get(c.steps().size() - 1);
    assertEquals(lastStep, last.instance() + "." + last.label());
    Replayed.assertReplays(model, Map.of(off, "false"), r);
  }

  @Test
  void everyCandidateFixTogetherHoldsEveryPropertyInEveryReturningContext() {
    assertEquals(12_153, ModelCheck.of(ALL).exhaustive().assertHolds().statistics().distinct());
    for (int context : List.of(1, 2)) {
      ModelCheck.of(ALL).constant("RETURN_CONTEXT", context).exhaustive().assertHolds();
    }
  }
}
