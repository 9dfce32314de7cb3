package poolcheck.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import poolcheck.api.ModelCheck;
import poolcheck.api.ModelCheckResult;
import poolcheck.api.Counterexample;

/**
 * RETURN_CONTEXT in models/common/page_pool.pool (docs/models/page_pool_contexts.md): who
 * returns the stack's pages, and from where. The default must leave every design as it was;
 * the PREEMPT_RT context must find the race that 32471b2f481d removed, and only without it.
 */
class ReturnContextTest {
  private static long states(ModelCheck check) {
    ModelCheckResult r = check.properties("inflight_nonnegative").exhaustive().assertHolds();
    return r.statistics().distinct();
  }

  @Test
  void processContextIsTheDefaultAndKeepsTheStateSpace() {
    // 3,281: proofs/page_pool_v6_12/small.record.json, from before the softirq returner existed.
    assertEquals(3281, states(ModelCheck.of("models/page_pool_v6_12.pool")));
    assertEquals(3281, states(ModelCheck.of("models/page_pool_v6_12.pool")
        .constant("RETURN_CONTEXT", 0)));
  }

  @Test
  void directRecyclingOnTheNapisCpuDoesNotRaceTheNapi() {
    ModelCheck check = ModelCheck.of("models/page_pool_v6_12.pool").constant("RETURN_CONTEXT", 1);
    check.properties("alloc_cache_exclusive", "no_page_lost", "unmap_exactly_once",
        "pool_eventually_freed").exhaustive().assertHolds();
    // The returns do reach the cache: more states than the same returns on another CPU.
    assertTrue(states(check) > states(ModelCheck.of("models/page_pool_v6_12.pool")
        .constant("RETURN_CONTEXT", 2)));
  }

  @Test
  void aBhDisabledTaskOnPreemptRtRacesTheNapiOnTheAllocCacheWithout32471b2f481d()
      throws Exception {
    ModelCheckResult r = ModelCheck.of("models/page_pool_preempt_rt.pool")
        .constant("NAPI_LOCAL_RT_CHECK", false).properties("alloc_cache_exclusive")
        .exhaustive().assertViolates("alloc_cache_exclusive");
    Counterexample cx = r.counterexample().orElseThrow();
    assertEquals(14, cx.length());
    Replayed.assertReplays(Path.of("models/page_pool_preempt_rt.pool"),
        Map.of("NAPI_LOCAL_RT_CHECK", "false"), r);
  }

  @Test
  void with32471b2f481dAReturnOnTheNapisCpuIsOneFromAnotherCpu() {
    ModelCheck rt = ModelCheck.of("models/page_pool_preempt_rt.pool");
    rt.properties("alloc_cache_exclusive", "pool_eventually_freed").exhaustive().assertHolds();
    assertEquals(states(ModelCheck.of("models/page_pool_dma_tracking_ring_lock.pool")
        .constant("RETURN_CONTEXT", 2)), states(rt));
  }
}
