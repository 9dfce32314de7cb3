package poolcheck.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poolcheck.api.ModelCheck;
import poolcheck.api.ModelCheckResult;

/**
 * The FRAGMENTS feature of the shared model (models/page_pool_frag.pool): page fragments
 * hold page->pp_ref_count references, and returned_once_by_last_holder says a page goes back
 * to the pool once, by the holder that dropped the last reference. The property holds on the
 * kernel's code; two broken variants of that code, made from the shipped model's text, show
 * that it can fail, with traces that replay.
 */
class FragmentsModelTest {
  private static final String PROPERTY = "returned_once_by_last_holder";

  /** The small configuration: one page, two stack CPUs. */
  private static ModelCheck small(Path design) {
    return ModelCheck.of(design).constant("PAGES", 1).constant("CONSUMERS", 2);
  }

  @Test
  void everyPageGoesBackOnceByItsLastHolderIn14761States() {
    ModelCheckResult r = small(Path.of("models/page_pool_frag.pool")).properties(PROPERTY)
        .exhaustive().assertHolds();
    assertEquals(14_761, r.statistics().distinct());
  }

  /**
   * atomic_long_sub_return() split into a load and a store: two skbs of one page freed at
   * once both subtract from the same count, neither sees 0, and the page is never returned.
   */
  @Test
  void aNonAtomicUnrefLosesTheLastReference(@TempDir Path dir) throws Exception {
    Path design = mutatedCopy(dir, Map.of(
        // the stack's own locals (the softirq returner declares a via_bulk too)
        "  var via_bulk : bool = false;    // BULK_RECYCLE: this return came through",
        "  var ref_seen : PpRef = 0;\n"
            + "  var via_bulk : bool = false;    // BULK_RECYCLE: this return came through",
        "  frag_unref_sub @atomic_long_sub_return: atomic \"atomic_long_sub_return(nr, "
            + "pp_ref_count) in page_pool_unref_netmem\" {\n"
            + "    pp_ref[head(p)] = pp_ref[head(p)] - 1;\n"
            + "    if (pp_ref[head(p)] == 0) {",
        "  frag_unref_sub @atomic_long_read: {\n"
            + "    ref_seen = pp_ref[head(p)];\n"
            + "  }\n"
            + "  frag_unref_store @atomic_long_set: {\n"
            + "    pp_ref[head(p)] = ref_seen - 1;\n"
            + "    if (ref_seen == 1) {"));
    assertBreaks(design);
  }

  /**
   * page_pool_drain_frag() giving back one reference more than the pool kept: it takes the
   * last fragment holder's reference, finds the count at 0 and recycles a page an skb holds.
   */
  @Test
  void aDrainThatReturnsOneReferenceTooManyRecyclesAHeldPage(@TempDir Path dir)
      throws Exception {
    Path design = mutatedCopy(dir, Map.of(
        "    pp_ref[head(p)] = pp_ref[head(p)] - (FRAG_BIAS - frag_users);\n"
            + "    if (pp_ref[head(p)] == 0) {\n"
            + "      assert returned_once_by_last_holder: frag_refs[head(p)] == FRAG_BIAS - frag_users;\n"
            + "      frag_refs[head(p)] = 0;\n"
            + "      place[head(p)] = HELD;",
        "    pp_ref[head(p)] = pp_ref[head(p)] - (FRAG_BIAS - frag_users + 1);\n"
            + "    if (pp_ref[head(p)] == 0) {\n"
            + "      assert returned_once_by_last_holder: frag_refs[head(p)] == FRAG_BIAS - frag_users;\n"
            + "      frag_refs[head(p)] = 0;\n"
            + "      place[head(p)] = HELD;"));
    assertBreaks(design);
  }

  private static void assertBreaks(Path design) throws Exception {
    ModelCheckResult r = small(design).properties(PROPERTY).exhaustive().assertViolates(PROPERTY);
    Replayed.assertReplays(design, Map.of("PAGES", "1", "CONSUMERS", "2"), r);
  }

  /** models/ copied to dir with each key of edits (which must occur once) replaced. */
  private static Path mutatedCopy(Path dir, Map<String, String> edits) throws IOException {
    Path common = dir.resolve("common");
    Files.createDirectories(common);
    String shared = Files.readString(Path.of("models/common/page_pool.pool"));
    for (Map.Entry<String, String> e : edits.entrySet()) {
      String from = e.getKey();
      assertEquals(1, occurrences(shared, from), "edit must match once: " + from);
      shared = shared.replace(from, e.getValue());
    }
    Files.writeString(common.resolve("page_pool.pool"), shared);
    Path design = dir.resolve("page_pool_frag.pool");
    Files.copy(Path.of("models/page_pool_frag.pool"), design);
    return design;
  }

  private static long occurrences(String text, String part) {
    return Stream.iterate(text.indexOf(part), i -> i >= 0, i -> text.indexOf(part, i + 1))
        .count();
  }
}
