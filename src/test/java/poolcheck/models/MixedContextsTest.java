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
 * MIXED_CONTEXTS in models/common/page_pool.pool (docs/models/page_pool_contexts.md): one
 * returning context per stack CPU, here a task (stack[0]) and softirq on the NAPI's CPU
 * (softirq[1]) in page_pool_v6_12's configuration `mixed`.
 */
class MixedContextsTest {
  private static final Path V6_12 = Path.of("models/page_pool_v6_12.pool");

  @Test
  void aTaskAndADirectRecyclingSoftirqKeepTheCacheExclusiveIn22363States() {
    ModelCheckResult r = ModelCheck.of(V6_12).config("mixed")
        .properties("alloc_cache_exclusive", "no_page_lost", "pool_eventually_freed")
        .exhaustive().assertHolds();
    assertEquals(22_363, r.statistics().distinct());
    List<String> unreached = r.coverage().orElseThrow().unreached();
    // Both returners run: the task's return and the softirq's direct recycling into the cache.
    for (String step : List.of("stack.put", "stack.produce", "softirq.put",
        "softirq.cache_push", "softirq.produce")) {
      assertTrue(!unreached.contains(step), step + " unreached: " + unreached);
    }
  }

  @Test
  void theDesignsFindingsKeepTheirLengthsWithTheReturnersMixed() throws Exception {
    for (String property : List.of("no_dma_after_detach", "no_pool_use_after_free")) {
      ModelCheckResult r = ModelCheck.of(V6_12).config("mixed").properties(property)
          .exhaustive().assertViolates(property);
      Counterexample c = r.counterexample().orElseThrow();
      assertEquals(property.equals("no_dma_after_detach") ? 14 : 20, c.length(), property);
      Replayed.assertReplays(V6_12, Map.of("MIXED_CONTEXTS", "true", "CONSUMERS", "2"), r);
    }
  }

  @Test
  void offItLeavesTheSingleContextStateSpacesAsRecorded() {
    // proofs/page_pool_v6_12/{small,napi_local,remote_softirq}.record.json, recorded before
    // MIXED_CONTEXTS existed.
    int[] recorded = {3281, 4266, 3834};
    for (int context = 0; context < 3; context++) {
      long states = ModelCheck.of(V6_12).constant("RETURN_CONTEXT", context)
          .properties("inflight_nonnegative").exhaustive().assertHolds().statistics().distinct();
      assertEquals(recorded[context], states, "RETURN_CONTEXT " + context);
    }
  }
}
