package poolcheck.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import poolcheck.api.Counterexample;
import poolcheck.api.ModelCheck;
import poolcheck.api.ModelCheckResult;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The candidate fixes on the XDP bulk design (models/page_pool_fix_xdp_bulk.pool): with all five
 * on, in both pools of the mixed bulk, every property holds in each configuration; each fix
 * turned back off brings its finding back, on this pool or on the bulk's other pool, and the
 * trace replays. SYNC_TEST_UNDER_RCU guards a sync the coherent device of the design never does,
 * so it is turned off on a device that needs syncing (NEED_SYNC).
 */
// Loads and explores the shipped designs read-only, shares nothing: beside the other classes.
// (junit-platform.properties)
@Execution(ExecutionMode.CONCURRENT)
class XdpBulkFixesTest {
  private static final Path DESIGN = Path.of("models/page_pool_fix_xdp_bulk.pool");

  /** The design's configurations as constants, so that a replay can be given them. */
  private static final Map<String, Map<String, String>> CONFIGS = Map.of(
      "small", Map.of(),
      "large", Map.of("PAGES", "3", "RING_SIZE", "2", "CACHE_SIZE", "2"),
      "other_pool", Map.of("OTHER_POOL", "1", "PAGES", "1"),
      "other_device", Map.of("OTHER_POOL", "2", "PAGES", "1"));

  @ParameterizedTest(name = "{0}: every property holds ({1} states)")
  @CsvSource({"small, 31110", "large, 268530", "other_pool, 87249", "other_device, 133794"})
  void everyPropertyHolds(String config, long states) {
    ModelCheckResult r = ModelCheck.of(DESIGN).config(config).exhaustive().assertHolds();
    assertEquals(states, r.statistics().distinct());
  }

  @Test
  void theConfigurationConstantsAreTheDesignFilesOwn() {
    for (var c : CONFIGS.entrySet()) {
      long byName = ModelCheck.of(DESIGN).config(c.getKey()).properties("no_pool_use_after_free")
          .exhaustive().assertHolds().statistics().distinct();
      long byConstants = ModelCheck.of(DESIGN).constants(c.getValue())
          .properties("no_pool_use_after_free").exhaustive().assertHolds().statistics()
          .distinct();
      assertEquals(byName, byConstants, c.getKey());
    }
  }

  /**
   * With {@code feature} set to {@code value} (the fix off) in {@code config}, {@code property}
   * fails first after {@code length} steps at {@code lastStep}, and the trace replays. The
   * other pool's steps are the {@code o*} ones: its round's statistic after the unlock, its
   * return's unmap after its device's detach, its return's put_page while its scrub still has
   * to unmap, its scrub's index load from the page that put freed.
   */
  @ParameterizedTest(name = "{0} with {1}={2}: {3} fails in {4} steps at {5}")
  @CsvSource({
      "small, BULK_STAT_AFTER_UNLOCK, true, no_pool_use_after_free, 33, stack[0].bulk_ring_stat",
      "other_pool, BULK_STAT_AFTER_UNLOCK, true, no_pool_use_after_free, 27, "
          + "stack[0].obulk_stat",
      "small, RETURN_UNMAP_RCU, false, no_device_use_after_free, 19, stack[0].unmap",
      "other_device, RETURN_UNMAP_RCU, false, no_dma_after_detach, 16, stack[0].ounmap",
      "small, SCRUB_UNMAP_UNDER_XA_LOCK, false, unmap_exactly_once, 17, stack[0].put_page",
      "other_pool, SCRUB_UNMAP_UNDER_XA_LOCK, false, unmap_exactly_once, 16, "
          + "stack[0].oput_page",
      "small, SCRUB_INDEX_FROM_XA, false, no_page_read_after_free, 18, unbind.xa_scrub_cmpxchg",
      "other_pool, SCRUB_INDEX_FROM_XA, false, no_page_read_after_free, 16, "
          + "other_unbind.oscrub",
      "small, SYNC_TEST_UNDER_RCU, false, no_device_use_after_free, 25, stack[0].sync_need"})
  void withoutAFixItsFindingComesBack(String config, String feature, String value,
      String property, int length, String lastStep) throws Exception {
    Map<String, String> constants = new HashMap<>(CONFIGS.get(config));
    constants.put(feature, value);
    if (feature.equals("SYNC_TEST_UNDER_RCU")) constants.put("NEED_SYNC", "true");
    // one worker: of several equally short traces, parallel workers may report any one
    ModelCheckResult r = ModelCheck.of(DESIGN).constants(constants).properties(property)
        .workers(1).exhaustive().assertViolates(property);
    Counterexample c = r.counterexample().orElseThrow();
    assertEquals(length, c.length());
    List<String> s = c.steps().stream().skip(1).map(t -> t.instance() + "." + t.label())
        .toList();
    assertEquals(lastStep, s.get(s.size() - 1));
    if (lastStep.startsWith("stack[0].o")) {
      assertTrue(s.contains("other_unbind.ostop"), s.toString());
    }
    Replayed.assertReplays(DESIGN, constants, r);
  }

  @Test
  void onADeviceThatNeedsSyncingEveryPropertyStillHolds() {
    assertEquals(34_964, ModelCheck.of(DESIGN).constant("NEED_SYNC", true).exhaustive()
        .assertHolds().statistics().distinct());
  }
}
