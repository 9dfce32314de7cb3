package poolcheck.explore.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Models;
import poolcheck.explore.Explorer;
import poolcheck.explore.InvalidSearchOption;
import poolcheck.explore.SearchOptions;
import poolcheck.explore.store.FingerprintSet;
import poolcheck.result.Verdict;

/**
 * A swarm against the exact search: what its searches store is a subset of the exact state
 * space, all of it when the bit arrays are large and nothing bounds the depth; it finds the
 * known violations of the shipped designs; one seed gives the same figures on every run.
 */
class SwarmTest {
  private static final Path V6_12 = Path.of("models/page_pool_v6_12.pool");

  private static SearchOptions search(String property, long bitstateBytes) {
    return SearchOptions.defaults().withWorkers(1).withProperties(Set.of(property))
        .withBitstate(new SearchOptions.Bitstate(bitstateBytes * 8, 3, 0));
  }

  @Test
  void findsTheUnmapAfterDetachOfV612AndRebuildsItsTraceFromTheStack() throws Exception {
    CompiledModel m = Models.load(V6_12);
    SwarmResult r = new Swarm(m, new SwarmOptions(4, 42,
        search("no_dma_after_detach", 1 << 20))).run();
    assertEquals(Verdict.VIOLATED, r.result().verdict());
    var cx = r.result().counterexample().orElseThrow();
    assertEquals("no_dma_after_detach", cx.property().name());
    // depth first: not the shortest trace (14 steps), the one the first search went down
    assertEquals(15, cx.length());
    assertEquals(0, r.foundBy());
    assertEquals(1, r.searches().size(), "one thread: the first search's violation stops it");
  }

  @Test
  void withLargeArraysAndNoBoundEverySearchStoresTheWholeExactStateSpace() throws Exception {
    CompiledModel m = Models.load(V6_12);
    FingerprintSet exact = ExactFingerprints.of(m);
    long count = new Explorer(m).properties(Set.of()).deadlock(false).run().statistics()
        .distinct();
    assertEquals(count, exact.size(), "the test's own search agrees with the explorer");
    FingerprintSet union = new FingerprintSet();
    SwarmResult r = new Swarm(m, new SwarmOptions(3, 7, search("inflight_nonnegative", 1 << 20)
        .withWorkers(2))).witness(fp -> {
          synchronized (union) {
            assertTrue(exact.contains(fp), "a state outside the exact state space");
            union.add(fp);
          }
        }).run();
    assertEquals(Verdict.INCOMPLETE, r.result().verdict(), "a swarm proves nothing");
    assertEquals(Swarm.FINISHED, r.result().reason());
    assertTrue(r.finished());
    assertEquals(count, union.size());
    for (SwarmResult.Search s : r.searches()) assertEquals(count, s.stored(), s.toString());
    assertEquals(count, r.unionEstimate(), count * 0.02, "the sketch's estimate");
  }

  @Test
  void smallArraysAndADepthBoundCoverASubsetAndTheUnionMoreThanAnyOneSearch()
      throws Exception {
    CompiledModel m = Models.load(Path.of("models/page_pool_dma_bulk_unmap.pool"),
        "small", Map.of());
    FingerprintSet exact = ExactFingerprints.of(m);
    FingerprintSet union = new FingerprintSet();
    SwarmResult r = new Swarm(m, new SwarmOptions(4, 1, search("inflight_nonnegative", 1024)
        .withMaxDepth(40))).witness(fp -> {
          synchronized (union) {
            assertTrue(exact.contains(fp), "a state outside the exact state space");
            union.add(fp);
          }
        }).run();
    assertTrue(r.finished());
    // one thread per search and a seed each: the same figures on every run (of this model text:
    // its state layout decides the hashes, so an edit of models/common moves them)
    assertEquals(List.of(1484L, 1702L, 1632L, 1469L), r.searches().stream()
        .map(SwarmResult.Search::stored).toList());
    assertEquals(2476, union.size());
    assertEquals(3882, exact.size());
    long most = r.searches().stream().mapToLong(SwarmResult.Search::stored).max().orElseThrow();
    assertTrue(union.size() < exact.size(), union.size() + " of " + exact.size());
    assertTrue(union.size() > most, union.size() + " vs one search's " + most);
    for (SwarmResult.Search s : r.searches()) {
      assertTrue(s.deepest() <= 40, s.toString());
      assertTrue(s.truncated() > 0, s.toString());
    }
    assertEquals(union.size(), r.unionEstimate(), union.size() * 0.03);
  }

  @Test
  void oneSeedGivesTheSameSearchesWhateverTheThreads() throws Exception {
    CompiledModel m = Models.load(Path.of("models/page_pool_dma_bulk_unmap.pool"),
        "small", Map.of());
    SearchOptions s = search("inflight_nonnegative", 2048).withMaxDepth(60);
    SwarmResult one = new Swarm(m, new SwarmOptions(4, 99, s)).run();
    SwarmResult two = new Swarm(m, new SwarmOptions(4, 99, s.withWorkers(2))).run();
    assertEquals(one.searches(), two.searches().stream()
        .sorted(java.util.Comparator.comparingInt(SwarmResult.Search::index)).toList());
    assertEquals(one.unionEstimate(), two.unionEstimate());
    SwarmResult other = new Swarm(m, new SwarmOptions(4, 100, s)).run();
    // search i is seeded with seed + i: seed 100's search 0 is seed 99's search 1
    assertEquals(one.searches().get(1).seed(), other.searches().get(0).seed());
    assertEquals(one.searches().get(1).stored(), other.searches().get(0).stored());
    assertEquals(one.searches().get(1).generated(), other.searches().get(0).generated());
    assertEquals(one.searches().get(1).deepest(), other.searches().get(0).deepest());
    assertTrue(one.searches().get(0).stored() != one.searches().get(1).stored()
        || one.searches().get(0).deepest() != one.searches().get(1).deepest(),
        "two seeds, two different searches");
  }

  @Test
  void aStopEndsTheSwarmInterrupted() throws Exception {
    CompiledModel m = Models.load(Path.of("models/page_pool_dma_bulk_unmap.pool"), "large",
        Map.of());
    Swarm swarm = new Swarm(m, new SwarmOptions(2, 3, search("inflight_nonnegative", 1 << 20)));
    swarm.stop();
    SwarmResult r = swarm.run();
    assertEquals(Verdict.INTERRUPTED, r.result().verdict());
    assertTrue(!r.finished());
  }

  @Test
  void refusesWhatASwarmCannotDo() throws Exception {
    SearchOptions s = search("inflight_nonnegative", 1024);
    assertThrows(InvalidSearchOption.class, () -> new SwarmOptions(0, 1, s));
    assertThrows(InvalidSearchOption.class, () -> new SwarmOptions(2, 1,
        s.withStore(SearchOptions.Store.EXACT)));
    assertThrows(InvalidSearchOption.class, () -> new SwarmOptions(2, 1, s.withMaxStates(10)));
    CompiledModel m = Models.load(V6_12);
    String liveness = m.properties().stream().filter(p -> p.kind()
        == poolcheck.system.Property.Kind.LIVENESS).findFirst().orElseThrow().name();
    InvalidSearchOption e = assertThrows(InvalidSearchOption.class, () -> new Swarm(m,
        new SwarmOptions(2, 1, s.withProperties(Set.of(liveness)))).run());
    assertTrue(e.getMessage().contains("liveness"), e.getMessage());
  }
}
