package poolcheck.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poolcheck.api.ModelCheck;
import poolcheck.api.ModelCheckResult;

/**
 * FRAG_RX_POSTED (page_pool_frag's configuration rx_posted, docs/models/fragments.md): the
 * driver's teardown frees the fragments still posted on its RX ring, one pp_ref_count reference
 * each, before page_pool_free_frag() gives back the pool's share, while stack CPUs free the
 * fragments already passed up. Whoever is last returns the page, once.
 */
class FragmentsAtRxTeardownTest {
  private static final Path DESIGN = Path.of("models/page_pool_frag.pool");
  private static final Map<String, String> RX_POSTED =
      Map.of("FRAG_RX_POSTED", "true", "PAGES", "1", "CONSUMERS", "2");
  private static final String PROPERTY = "returned_once_by_last_holder";

  @Test
  void theTeardownThePoolsShareAndTheSkbsReturnEachPageOnceIn18150States() {
    ModelCheckResult r = ModelCheck.of(DESIGN).config("rx_posted").properties(PROPERTY)
        .exhaustive().assertHolds();
    assertEquals(18_150, r.statistics().distinct());
    List<String> unreached = r.coverage().orElseThrow().unreached();
    // The teardown frees posted fragments, is sometimes not last (the atomic subtraction) and
    // sometimes last (it recycles the page itself).
    for (String step : List.of("napi.frag_pass", "unbind.free_rx_frag", "unbind.rx_frag_unref",
        "unbind.rx_frag_unref_sub", "unbind.rx_frag_last", "unbind.free_frag_sub")) {
      assertTrue(!unreached.contains(step), step + " unreached: " + unreached);
    }
  }

  @Test
  void theBaseKernelsFindingsReplayThroughThePostedFragments() throws Exception {
    for (String property : List.of("no_dma_after_detach", "no_pool_use_after_free")) {
      ModelCheckResult r = ModelCheck.of(DESIGN).config("rx_posted").properties(property)
          .exhaustive().assertViolates(property);
      int length = r.counterexample().orElseThrow().length();
      assertEquals(property.equals("no_dma_after_detach") ? 21 : 27, length, property);
      Replayed.assertReplays(DESIGN, RX_POSTED, r);
    }
  }

  /** A teardown that takes a count of 2 for its own last reference recycles a held page. */
  @Test
  void aTeardownUnrefThatMiscountsRecyclesAPageAnSkbHolds(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("common"));
    String shared = Files.readString(Path.of("models/common/page_pool.pool"));
    String from = "  rx_frag_unref @page_pool_unref_netmem: {\n"
        + "    assert no_page_read_after_free: place[head(p)] != ALLOCATOR;\n"
        + "    if (pp_ref[head(p)] == 1) {";
    assertEquals(1, shared.split(java.util.regex.Pattern.quote(from), -1).length - 1);
    shared = shared.replace(from, from.replace("== 1) {", "<= 2) {"));
    Files.writeString(dir.resolve("common/page_pool.pool"), shared);
    Path design = dir.resolve("page_pool_frag.pool");
    Files.copy(DESIGN, design);
    ModelCheckResult r = ModelCheck.of(design).config("rx_posted").properties(PROPERTY)
        .exhaustive().assertViolates(PROPERTY);
    Replayed.assertReplays(design, RX_POSTED, r);
  }
}
