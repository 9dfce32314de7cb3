package poolcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An assumption about constants alone is TLA+'s ASSUME (docs/language.md, "State constraints:
 * assume"): decided when the model is loaded, and a false one refuses the run with error PC152
 * at its line. The shared page_pool model states this way what each feature constant needs.
 */
class FeaturePreconditionsTest {
  private static final Path COMMON = Path.of("models/common/page_pool.pool");
  private static final String CODE = "PC152";

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "page_pool_napi_lifetime ; RETURN_CONTEXT=0 ; NAPI_FREE == 0 || ; NAPI_FREE = 1, "
          + "RETURN_CONTEXT = 0",
      "page_pool_v6_12 ; NAPI_FREE=2 ; NAPI_FREE == 0 || ; NAPI_FREE = 2, RETURN_CONTEXT = 0",
      "page_pool_queue_restart ; RETURN_CONTEXT=2 ; QUEUE_RESTART == 0 || ; QUEUE_RESTART = 1, "
          + "RETURN_CONTEXT = 2",
      "page_pool_v6_12 ; MIXED_CONTEXTS=true ; !MIXED_CONTEXTS || ; MIXED_CONTEXTS = true, "
          + "RETURN_CONTEXT = 0, CONSUMERS = 1",
      "page_pool_dma_tracking ; RETURN_UNMAP_RCU=true,DMA_TRACKING=false ; !RETURN_UNMAP_RCU"
          + " || DMA_TRACKING ; RETURN_UNMAP_RCU = true, DMA_TRACKING = false",
      "page_pool_frag ; FRAGMENTS=false,FRAG_RX_POSTED=true ; !FRAG_RX_POSTED || FRAGMENTS"
          + " ; FRAG_RX_POSTED = true, FRAGMENTS = false",
      "page_pool_v6_12 ; TASK_BH_READER=true,RETURN_CONTEXT=2 ; !TASK_BH_READER || "
          + "RETURN_CONTEXT == 0 ; TASK_BH_READER = true, RETURN_CONTEXT = 2",
      "page_pool_v6_12 ; CACHE_REFILL=2 ; CACHE_REFILL <= CACHE_SIZE ; CACHE_REFILL = 2, "
          + "CACHE_SIZE = 1",
  })
  void aFeatureWithoutWhatItNeedsIsRefusedAtTheAssumptionThatSaysSo(String design,
      String defines, String assumption, String values) throws Exception {
    List<String> argv = new java.util.ArrayList<>(List.of("check", "-q"));
    for (String d : defines.strip().split(",")) {
      argv.add("-D");
      argv.add(d.strip());
    }
    argv.add("models/" + design.strip() + ".pool");
    MainTest.Run r = MainTest.run(argv.toArray(String[]::new));
    assertEquals(2, r.status(), r.out() + r.err());
    assertEquals("", r.out(), "nothing runs");
    String line = r.errLines().get(0);
    int at = lineOf("assume " + assumption.strip());
    assertTrue(line.startsWith("models/common/page_pool.pool:" + at + ":1: error " + CODE
        + ": assumption '"), line);
    assertTrue(line.contains("is false for " + values.strip()), line);
  }

  @Test
  void aTrueConstantAssumptionConstrainsNothingAndAFalseOneIsNoSearch(@TempDir Path dir)
      throws Exception {
    Path model = modelAssuming(dir, "N == 0");
    MainTest.Run holds = MainTest.run("check", model.toString());
    assertEquals(0, holds.status(), holds.err());
    assertTrue(holds.out().contains("2 distinct states"), holds.out());
    MainTest.Run refused = MainTest.run("check", "-D", "N=1", model.toString());
    assertEquals(2, refused.status(), refused.out() + refused.err());
    assertEquals(List.of(model + ":4:1: error " + CODE + ": assumption 'N == 0' is false for "
        + "N = 1: expected constants it allows (a configuration, or -D values, that the model is "
        + "written for)"), refused.errLines());
  }

  @Test
  void anAssumptionThatReadsTheStateIsStillAStateConstraint(@TempDir Path dir) throws Exception {
    // decided with the constants in place: nothing for N = 0, `x == 1` for N = 1, which the
    // initial state fails (kept, as TLC keeps it, and not explored further)
    Path model = modelAssuming(dir, "N == 0 || x == 1");
    MainTest.Run free = MainTest.run("check", model.toString());
    assertEquals(0, free.status(), free.err());
    assertTrue(free.out().contains("2 distinct states"), free.out());
    MainTest.Run constrained = MainTest.run("check", "-D", "N=1", model.toString());
    assertEquals(0, constrained.status(), constrained.err());
    assertTrue(constrained.out().contains("1 distinct states"), constrained.out());
  }

  /** A model of two states (x 0, then 1) with one assumption, on its line 4. */
  private static Path modelAssuming(Path dir, String assumption) throws Exception {
    Path model = dir.resolve("a.pool");
    Files.writeString(model, """
        model a;
        const N : 0 .. 3 = 0;
        var x : 0 .. 3 = 0;
        assume %s;
        process p {
          s: { x = 1; }
        }
        invariant small: x <= 1;
        """.formatted(assumption));
    return model;
  }

  /** The 1-based line of the shared model that starts with {@code prefix}. */
  private static int lineOf(String prefix) throws Exception {
    List<String> lines = Files.readAllLines(COMMON);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) return i + 1;
    }
    throw new AssertionError("no line starts with " + prefix);
  }
}
