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
 * OTHER_POOL (models/page_pool_xdp_bulk.pool, configs other_pool and other_device): the XDP
 * bulk's other pool is a real page_pool, torn down while the bulk's round for it runs. The
 * classes this pool's own teardown has (ee62ce7a1d90's scrub against a return that lost the
 * cmpxchg; fcc680a647ba's statistic after the unlock) are found on the other pool too, in fewer
 * steps: its page is in flight from the start. The configurations have one page of this pool;
 * the slow test holds the same verdicts at two.
 */
class OtherPoolModelTest {
  private static final Path DESIGN = Path.of("models/page_pool_xdp_bulk.pool");

  private static Map<String, String> otherPool(int otherPool, int pages) {
    return Map.of("OTHER_POOL", Integer.toString(otherPool), "PAGES", Integer.toString(pages));
  }

  /**
   * The shortest trace breaking {@code property}: its length and last step checked, replayed as
   * a user would; its steps as instance.label.
   */
  private static List<String> shortest(Map<String, String> constants, String property,
      int length, String lastStep) throws Exception {
    // one worker: of several equally short traces, parallel workers may report any one
    ModelCheckResult r = ModelCheck.of(DESIGN).constants(constants).properties(property)
        .workers(1).exhaustive().assertViolates(property);
    Counterexample c = r.counterexample().orElseThrow();
    assertEquals(length, c.length());
    List<String> s = c.steps().stream().skip(1).map(t -> t.instance() + "." + t.label()).toList();
    assertEquals(lastStep, s.get(s.size() - 1));
    Replayed.assertReplays(DESIGN, constants, r);
    return s;
  }

  private static long states(Map<String, String> constants) {
    return ModelCheck.of(DESIGN).constants(constants)
        .properties("returned_once_by_last_holder", "no_page_lost", "inflight_nonnegative")
        .exhaustive().assertHolds().statistics().distinct();
  }

  @Test
  void theBulksStatisticTouchesTheOtherPoolFreedByItsTeardownIn25Steps() throws Exception {
    List<String> s = shortest(otherPool(1, 1), "no_pool_use_after_free", 25,
        "stack[0].obulk_stat");
    assertTrue(s.indexOf("stack[0].obulk_unlock") < s.indexOf("other_unbind.ofree"), s.toString());
  }

  @Test
  void theBulkFreesTheOtherPoolsPageWhileItsScrubStillHasToUnmapItIn16Steps() throws Exception {
    List<String> s = shortest(otherPool(1, 1), "unmap_exactly_once", 16, "stack[0].oput_page");
    assertTrue(s.indexOf("other_unbind.oscrub") < s.indexOf("stack[0].oxa_release"),
        s.toString());
  }

  /**
   * The other pool's scrub found the bulk's page in its xarray, then the bulk's return won the
   * cmpxchg, unmapped and put the page, and the scrub loads the page's DMA index from it (as
   * page_pool_xdp_bulk small does on this pool, 18 steps).
   */
  @Test
  void theOtherPoolsScrubReadsTheIndexOfAPageTheBulkPutIn16Steps() throws Exception {
    List<String> s = shortest(otherPool(1, 1), "no_page_read_after_free", 16,
        "other_unbind.oscrub");
    assertTrue(s.indexOf("other_unbind.oscan") < s.indexOf("stack[0].oxa_release"), s.toString());
    assertTrue(s.indexOf("stack[0].oput_page") < s.size() - 1, s.toString());
  }

  @Test
  void theBulkUnmapsOnTheOtherDeviceAfterItsDetachIn16Steps() throws Exception {
    List<String> s = shortest(otherPool(2, 1), "no_dma_after_detach", 16, "stack[0].ounmap");
    assertTrue(s.contains("other_bus.odetach"), s.toString());
    assertTrue(!s.contains("bus.detach"), s.toString());
  }

  @Test
  void theOtherPoolConfigurationsHaveTheirStateCounts() {
    assertEquals(85_370, states(otherPool(1, 1)));
    assertEquals(136_555, states(otherPool(2, 1)));
  }

  /** One more page: the same traces, 15 times the states (10 to 25 s each on one core). */
  @Tag("slow")
  @Test
  void atTwoPagesTheVerdictsAndTraceLengthsAreTheSame() throws Exception {
    shortest(otherPool(1, 2), "no_pool_use_after_free", 25, "stack[0].obulk_stat");
    shortest(otherPool(1, 2), "unmap_exactly_once", 16, "stack[0].oput_page");
    shortest(otherPool(1, 2), "no_page_read_after_free", 16, "other_unbind.oscrub");
    shortest(otherPool(2, 2), "no_dma_after_detach", 16, "stack[0].ounmap");
    assertEquals(1_285_263, states(otherPool(1, 2)));
    assertEquals(1_927_898, states(otherPool(2, 2)));
  }
}
