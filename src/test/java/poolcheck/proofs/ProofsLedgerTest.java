package poolcheck.proofs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import poolcheck.compile.Models;
import poolcheck.compile.CompiledModel;
import poolcheck.models.ShippedDesigns;
import poolcheck.trace.JsonTrace;
import poolcheck.trace.Replay;

/**
 * The ledger in proofs/ is what a fresh exhaustive run of every shipped model produces. One
 * test per model and configuration, so the reports show where the time goes: the small
 * configurations in the default suite, the large ones (minutes, most of the heap) in the slow
 * tier; proofs/README.md and stale files are checked against the records on disk.
 */
class ProofsLedgerTest {
  private static final Path ROOT = Path.of("");
  private static final String STALE = "proofs/ is stale; rerun './poolcheck prove' and review the diff";

  /**
   * The configurations other than large of the sampled designs (one per part of the lifecycle,
   * {@link ShippedDesigns#sample()}): the default tier's share of the ledger, within its
   * budget; the slow tier holds the other designs' records to fresh runs.
   */
  @TestFactory
  Stream<DynamicTest> everySmallConfigurationOfTheSampledDesignsMatchesAFreshRunAndReplays()
      throws Exception {
    return entries(false, true);
  }

  @Tag("slow")
  @TestFactory
  Stream<DynamicTest> everySmallConfigurationOfTheOtherDesignsMatchesAFreshRunAndReplays()
      throws Exception {
    return entries(false, false);
  }

  @Tag("slow")
  @TestFactory
  Stream<DynamicTest> everyLargeConfigurationMatchesAFreshRunAndReplays() throws Exception {
    return Stream.concat(entries(true, true), entries(true, false));
  }

  /**
   * The stable-at results that a fresh run can repeat cheaply: complete, made on what the row
   * explores today (its structure, whatever edits the text had since), and measured at most
   * {@value #STABLE_RECHECK_SECONDS} s. The others are re-checked by {@code ./poolcheck prove
   * --stable --check} (minutes to hours); a stale one is marked so in the README, not failed
   * here.
   */
  @Tag("slow")
  @TestFactory
  Stream<DynamicTest> everyCheapStableResultMatchesAFreshRun() throws Exception {
    Ledger ledger = new Ledger(ROOT);
    Map<String, StableRecord> stable = ledger.stableRecords();
    Map<String, String> now = ledger.structuresNow(stable);
    List<DynamicTest> tests = new ArrayList<>();
    for (Ledger.Entry e : ledger.entries()) {
      StableRecord s = stable.get(e.name() + "/" + e.configuration());
      if (s == null || !s.safety().complete() || s.seconds() > STABLE_RECHECK_SECONDS) continue;
      if (!StableCells.current(s, now.get(e.name() + "/" + e.configuration()))) continue;
      tests.add(DynamicTest.dynamicTest(e.name() + " " + e.configuration(), () -> {
        StableRecord fresh = Stability.check(e.model(), e.shown(), e.configuration(),
            new Stability.Budget(s.workers(), 20L * STABLE_RECHECK_SECONDS));
        assertTrue(s.sameFindings(fresh), "proofs/" + Ledger.stableName(e) + " differs from a "
            + "fresh run; rerun './poolcheck prove --stable --design " + e.name() + "'");
      }));
    }
    return tests.stream();
  }

  private static final int STABLE_RECHECK_SECONDS = 30;

  /** Together with the records, each held to a fresh run above, this covers the ledger. */
  @Test
  void theReadmeIsWhatTheRecordsRenderAndNoFileIsStale() throws Exception {
    assertEquals(List.of(), new Ledger(ROOT).readmeAndStaleMismatches(), STALE);
  }

  @Test
  void aRecordReadBackRendersToTheSameText() throws Exception {
    int read = 0;
    for (Ledger.Entry e : new Ledger(ROOT).entries()) {
      Path file = ROOT.resolve("proofs").resolve(e.name() + "/" + e.configuration()
          + ".record.json");
      if (!Files.exists(file)) continue;
      String text = Files.readString(file);
      assertEquals(text, Ledger.render(Ledger.read(text)), file.toString());
      read++;
    }
    assertTrue(read > 0, "no records under proofs/");
  }

  @Test
  void everyShippedModelHasAConfigurationInTheDefaultSuite() throws Exception {
    List<String> models = new ArrayList<>();
    List<String> small = new ArrayList<>();
    for (Ledger.Entry e : new Ledger(ROOT).entries()) {
      if (!models.contains(e.name())) models.add(e.name());
      if (!large(e) && !small.contains(e.name())) small.add(e.name());
    }
    assertTrue(!models.isEmpty(), "no shipped models found under models/");
    assertEquals(models, small, "a model whose configurations are all large is checked only "
        + "in the slow tier");
  }

  /** The large configurations are those named "large": the ledger's naming convention. */
  private static boolean large(Ledger.Entry e) {
    return e.configuration().equals("large");
  }

  private static Stream<DynamicTest> entries(boolean large, boolean sampled) throws Exception {
    Ledger ledger = new Ledger(ROOT);
    java.util.Set<String> sample = ShippedDesigns.sample().stream().map(ShippedDesigns::name)
        .collect(java.util.stream.Collectors.toSet());
    return ledger.entries().stream().filter(e -> large(e) == large)
        .filter(e -> sample.contains(e.name()) == sampled)
        .map(e -> DynamicTest.dynamicTest(e.name() + " " + e.configuration(),
            () -> matchesAndReplays(ledger, e)));
  }

  private static void matchesAndReplays(Ledger ledger, Ledger.Entry entry) throws Exception {
    Map<String, String> files = ledger.expected(entry);
    assertEquals(List.of(), ledger.mismatches(files).stream()
        .filter(m -> !m.endsWith(": no longer produced")).toList(), STALE);
    for (String name : files.keySet()) {
      if (name.endsWith(".record.json")) continue;
      JsonTrace.Recorded recorded = JsonTrace.read(ROOT.resolve("proofs").resolve(name));
      CompiledModel m = Models.load(entry.model(),
          entry.configuration().equals("default") ? null : entry.configuration(), Map.of());
      Replay.Outcome o = Replay.check(m, recorded);
      assertTrue(o.ok(), name + ": " + o.message() + " at step " + o.step());
    }
    assertTrue(Files.exists(ROOT.resolve("proofs").resolve(entry.name())),
        "no ledger directory for " + entry.name());
  }
}
