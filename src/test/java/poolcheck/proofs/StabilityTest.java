package poolcheck.proofs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The stable-at search (all safety properties in one fingerprint search, rerun after each
 * violation) must find what the ledger's one-exact-search-per-property runs find: held to them
 * at the row's own size, where both are cheap.
 */
class StabilityTest {
  @ParameterizedTest
  @ValueSource(strings = {"models/page_pool_v6_12.pool",
      "models/page_pool_dma_tracking_ring_lock.pool", "models/page_pool_fix_all.pool"})
  void findsTheVerdictsAndShortestTraceLengthsOfOnePropertyPerSearch(String model)
      throws Exception {
    Path file = Path.of(model);
    ProofRecord record = Prover.prove(file, model, "small").record();
    StableRecord same = Stability.check(file, model, "small",
        new Stability.Budget(2, 600), 0);
    assertTrue(same.safety().complete(), "the search finished: " + same.safety());
    assertEquals(record.constants(), same.constants());
    assertEquals(record.digest(), same.digest());
    assertEquals(outcomes(record), same.properties().stream()
        .map(o -> o.name() + " " + o.verdict() + " " + o.traceLength()).toList());
  }

  @ParameterizedTest
  @ValueSource(strings = {"models/page_pool_v6_12.pool"})
  void growsPagesAndConsumersByOneAndNothingElse(String model) throws Exception {
    Path file = Path.of(model);
    ProofRecord record = Prover.prove(file, model, "small").record();
    // the constants are fixed before the search: a one-second budget is enough to see them
    StableRecord grown = Stability.check(file, model, "small", new Stability.Budget(1, 1));
    record.constants().forEach((name, value) -> assertEquals(
        Stability.GROWN.contains(name) ? value + 1 : value, grown.constants().get(name), name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"models/page_pool_dma_tracking_ring_lock.pool"})
  void aBudgetTooSmallLeavesTheHoldingPropertiesUndecidedWithTheDepthReached(String model)
      throws Exception {
    // one second cannot explore PAGES=4, CONSUMERS=3 of the 6.16 tree (tens of millions of
    // states); how far it gets depends on the machine and the engine's speed (since the faster
    // symmetry reduction it may reach a shallow violation), so no property may hold and the
    // holding ones stay unknown
    StableRecord cut = Stability.check(Path.of(model), model, "large",
        new Stability.Budget(1, 1));
    assertTrue(!cut.safety().complete(), "finished in a second?");
    assertTrue(cut.safety().stoppedBy().startsWith("time limit"), cut.safety().stoppedBy());
    long unknown = 0;
    for (StableRecord.Outcome o : cut.properties()) {
      assertTrue(o.verdict().equals("unknown") || o.verdict().equals("violated"),
          o.name() + " " + o.verdict());
      if (o.verdict().equals("unknown")) unknown++;
    }
    assertTrue(unknown > 0, "every property decided in a second?");
  }

  private static List<String> outcomes(ProofRecord r) {
    return r.properties().stream()
        .map(p -> p.name() + " " + p.verdict() + " " + p.traceLength()).toList();
  }
}
