package poolcheck.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import poolcheck.api.Counterexample;
import poolcheck.api.ModelCheck;
import poolcheck.api.ModelCheckResult;

/**
 * NAPI_FREE (models/page_pool_napi_lifetime.pool, docs/models/napi-lifetime.md): the driver
 * frees the napi_struct that pool->p.napi points to after page_pool_destroy(). A softirq return
 * that loaded the pointer before page_pool_destroy() cleared it reads napi->list_owner from freed
 * memory unless a grace period lies between the clear and the free: bnxt's order puts
 * netif_napi_del()'s before it, mlx5's after it, the candidate fix adds one to
 * page_pool_destroy().
 */
class NapiLifetimeModelTest {
  private static final Path DESIGN = Path.of("models/page_pool_napi_lifetime.pool");
  private static final String PROPERTY = "no_napi_use_after_free";

  private static List<String> labels(Counterexample c) {
    return c.steps().stream().filter(s -> !s.isInitial()).map(s -> s.instance() + "." + s.label())
        .toList();
  }

  @Test
  void inBnxtsOrderAReturnThatStartedAfterNetifNapiDelsGracePeriodReadsTheFreedNapi()
      throws Exception {
    ModelCheckResult r = ModelCheck.of(DESIGN).properties(PROPERTY).exhaustive()
        .assertViolates(PROPERTY);
    Counterexample c = r.counterexample().orElseThrow();
    assertEquals(15, c.length());
    List<String> steps = labels(c);
    // the grace period began before the return entered its read-side section, so it did not
    // wait for it; the pointer was loaded before page_pool_destroy() cleared it
    int graceBegins = steps.indexOf("unbind.napi_del_sync");
    int returnStarts = steps.indexOf("softirq[0].put");
    int pointerLoaded = steps.indexOf("softirq[0].napi_local");
    int cleared = steps.indexOf("unbind.destroy");
    assertTrue(graceBegins >= 0 && graceBegins < returnStarts && returnStarts < pointerLoaded
        && pointerLoaded < cleared, steps.toString());
    assertEquals("unbind.napi_free", steps.get(steps.size() - 1));
    Replayed.assertReplays(DESIGN, Map.of(), r);
  }

  @Test
  void inMlx5sOrderTheGracePeriodAfterTheDestroyOutlastsEveryStaleReturn() {
    assertHoldsReaching("destroy_first", 7_368, "unbind.napi_del_after_sync",
        "unbind.napi_del_after_wait", "unbind.napi_free", "softirq.list_owner");
  }

  @Test
  void aGracePeriodInPagePoolDestroyClosesTheWindowInBnxtsOrder() {
    assertHoldsReaching("sync_in_destroy", 6_218, "unbind.destroy_rcu_sync",
        "unbind.destroy_rcu_wait", "unbind.napi_del_wait", "unbind.napi_free");
  }

  /**
   * The configuration's remedy holds, with the napi property and the pool still freed, in
   * exactly {@code states} states, and its steps run: a fix that verifies without them proves
   * nothing.
   */
  private static void assertHoldsReaching(String configuration, long states, String... steps) {
    ModelCheckResult r = ModelCheck.of(DESIGN).config(configuration)
        .properties(PROPERTY, "pool_eventually_freed").exhaustive().assertHolds();
    assertEquals(states, r.statistics().distinct());
    List<String> unreached = r.coverage().orElseThrow().unreached();
    for (String step : steps) {
      assertTrue(!unreached.contains(step), step + " unreached: " + unreached);
    }
  }

  @Test
  void theCandidateGracePeriodOnlyWhenPagesAreInFlightIsEnoughAtThreePages() {
    // The patch waits only when page_pool_release() left pages in flight: a return inside
    // page_pool_napi_local() still holds its page, which is counted until it is released.
    ModelCheckResult fixed = ModelCheck.of(DESIGN).config("sync_in_destroy").constant("PAGES", 3)
        .properties(PROPERTY).exhaustive().assertHolds();
    assertEquals(18_118, fixed.statistics().distinct());
    ModelCheck.of(DESIGN).config("sync_in_destroy").constant("NAPI_FREE", 1).constant("PAGES", 3)
        .properties(PROPERTY).exhaustive().assertViolates(PROPERTY);
  }

  @Test
  void withoutTheFreeTheDesignIsV612WithSoftirqReturns() {
    long none = ModelCheck.of(DESIGN).constant("NAPI_FREE", 0)
        .properties("inflight_nonnegative").exhaustive().assertHolds().statistics().distinct();
    long napiLocal = ModelCheck.of("models/page_pool_v6_12.pool").config("napi_local")
        .properties("inflight_nonnegative").exhaustive().assertHolds().statistics().distinct();
    assertEquals(napiLocal, none);
    ModelCheck.of(DESIGN).constant("NAPI_FREE", 0).properties(PROPERTY).exhaustive()
        .assertHolds();
  }
}
