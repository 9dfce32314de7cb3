package poolcheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every exporter's output for every shipped counterexample, compared with the files under
 * src/test/resources/golden. Regenerate them with scripts/regen-golden.sh (which runs this test
 * with -Dpoolcheck.regenerate=true) and review the diff.
 */
class GoldenTracesTest {
  private static final boolean REGENERATE = Boolean.getBoolean("poolcheck.regenerate");

  @TestFactory
  List<DynamicTest> everyFormatMatchesItsGoldenFile() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (ShippedTraces.Shipped s : ShippedTraces.all()) {
      for (TraceFormat f : TraceFormat.values()) {
        Path golden = ShippedTraces.GOLDEN.resolve(s.file(f));
        tests.add(DynamicTest.dynamicTest(s.file(f), () -> {
          String actual = ShippedTraces.masked(f.render(s.result()));
          if (REGENERATE) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual);
          }
          assertTrue(Files.exists(golden), golden + " is missing: run scripts/regen-golden.sh");
          assertEquals(Files.readString(golden), actual, golden + " differs: if the change is "
              + "intended, run scripts/regen-golden.sh and review the diff");
        }));
      }
    }
    return tests;
  }

  @Test
  void shipsTheTestModelsAndTheV612PoolCounterexamples() throws Exception {
    assertEquals(List.of("lost_update-no_lost_update.json", "tiny_pool-no_mapped_page_at_rest.json",
        "tiny_pool-no_unmap_after_detach.json", "starving_mutex-w0_enters.json",
        "unfair_setter-ready_eventually.json",
        "page_pool_v6_12-no_dma_after_detach.json",
        "page_pool_v6_12-no_pool_use_after_free.json"), ShippedTraces.all().stream()
            .map(s -> s.file(TraceFormat.JSON)).toList());
  }

  @TestFactory
  List<DynamicTest> everyShippedJsonAndItfTraceReplays() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (ShippedTraces.Shipped s : ShippedTraces.all()) {
      for (TraceFormat f : List.of(TraceFormat.JSON, TraceFormat.ITF)) {
        Path golden = ShippedTraces.GOLDEN.resolve(s.file(f));
        tests.add(DynamicTest.dynamicTest("replay " + s.file(f), () -> {
          JsonTrace.Recorded recorded = JsonTrace.read(golden);
          Replay.Outcome o = Replay.check(s.model(), recorded);
          assertTrue(o.ok(), o.message());
          assertEquals(s.result().counterexample().orElseThrow().length(), o.step());
        }));
      }
    }
    return tests;
  }
}
