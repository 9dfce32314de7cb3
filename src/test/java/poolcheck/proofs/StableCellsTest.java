package poolcheck.proofs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StableCellsTest {
  private static final ProofRecord ROW = new ProofRecord("m", "models/m.pool", "sha256:a",
      "large", ImmutableMap.of("PAGES", 3, "CONSUMERS", 2),
      new ProofRecord.Reachable("holds", 100, 20, null), null, ImmutableList.of(
          new ProofRecord.PropertyOutcome("deadlock", "deadlock", "holds", 100, null, null, null),
          new ProofRecord.PropertyOutcome("uaf", "assertion", "violated", 40, 19,
              "large.uaf.json", null)));

  /** What the row explores today at PAGES=4, CONSUMERS=3. */
  private static final String NOW = "structure:a";

  private static StableRecord stable(String structure, boolean complete, int depth,
      StableRecord.Outcome... outcomes) {
    return new StableRecord("m", "models/m.pool", "sha256:text", structure, "large",
        ImmutableMap.of("PAGES", 4, "CONSUMERS", 3), 2, 7,
        new StableRecord.Run(complete, 5000, depth, complete ? null : "time limit 7 s reached"),
        ImmutableList.copyOf(outcomes), null);
  }

  private static StableRecord.Outcome holds(String name) {
    return new StableRecord.Outcome(name, "deadlock", "holds", null, null);
  }

  private static StableRecord.Outcome violated(String name, int length) {
    return new StableRecord.Outcome(name, "assertion", "violated", length, null);
  }

  private static StableRecord.Outcome unknown(String name, int depth) {
    return new StableRecord.Outcome(name, "assertion", "unknown", null, depth);
  }

  @Test
  void saysUnchangedWhenEveryVerdictAndLengthIsTheSame() {
    assertEquals("unchanged at PAGES=4, CONSUMERS=3", StableCells.cell(ROW,
        stable("structure:a", true, 30, holds("deadlock"), violated("uaf", 19)), NOW));
  }

  @Test
  void namesAShorterTraceAsAChange() {
    assertEquals("PAGES=4, CONSUMERS=3: uaf violated (19) → violated (17)", StableCells.cell(ROW,
        stable("structure:a", true, 30, holds("deadlock"), violated("uaf", 17)), NOW));
  }

  @Test
  void countsWhatTheBudgetLeftUndecidedWithoutCallingItAChange() {
    assertEquals("PAGES=4, CONSUMERS=3: nothing changed; 1 undecided (budget; safety explored "
        + "to depth 25)", StableCells.cell(ROW, stable("structure:a", false, 25,
            unknown("deadlock", 25), violated("uaf", 19)), NOW));
  }

  @Test
  void aViolationNotFoundWithinItsOwnLengthIsAChangeEvenIfTheSearchWasCut() {
    assertEquals("PAGES=4, CONSUMERS=3: uaf violated (19) → none up to depth 21; 1 undecided "
        + "(budget; safety explored to depth 21)", StableCells.cell(ROW, stable("structure:a",
            false, 21, unknown("deadlock", 21), unknown("uaf", 21)), NOW));
  }

  @Test
  void aViolationBeyondTheExploredDepthIsUndecided() {
    assertTrue(StableCells.cell(ROW, stable("structure:a", false, 12, unknown("deadlock", 12),
        unknown("uaf", 12)), NOW).endsWith("2 undecided (budget; safety explored to depth 12)"));
  }

  @Test
  void aResultMadeOnAnotherStructureIsStaleAndAMissingOneNotRun() {
    assertEquals("stale (the model changed since)", StableCells.cell(ROW,
        stable("structure:b", true, 30, holds("deadlock"), violated("uaf", 19)), NOW));
    assertEquals("not run", StableCells.cell(ROW, null, NOW));
    assertEquals("stale (the model changed since)", StableCells.cell(ROW, new StableRecord("m",
        "models/m.pool", "sha256:a", null, "large", ImmutableMap.of("PAGES", 4), 1, 7,
        new StableRecord.Run(true, 5000, 30, null), ImmutableList.of(), null), NOW),
        "a record without a structure stands for nothing");
  }

  @Test
  void theSectionGivesTheFiguresOfEachRow() {
    StringBuilder out = new StringBuilder();
    StableCells.section(java.util.List.of(ROW), Map.of("m/large", stable("structure:a", true, 30,
        holds("deadlock"), violated("uaf", 17))), Map.of("m/large", NOW), out);
    assertTrue(out.toString().contains("- m large: PAGES=4, CONSUMERS=3, 5,000 states (all), "
        + "7 s on 2 workers.\n  - changed: uaf violated (19) → violated (17)\n"), out.toString());
  }

  @Test
  void theSectionStillComparesAStaleResult() {
    StringBuilder out = new StringBuilder();
    StableCells.section(java.util.List.of(ROW), Map.of("m/large", stable("structure:b", true, 30,
        holds("deadlock"), violated("uaf", 19))), Map.of("m/large", NOW), out);
    assertTrue(out.toString().contains("; stale: made on another structure of the model (against "
        + "this record: 0 changed, 0 undecided).\n"), out.toString());
  }

  @Test
  void anotherTextWithTheSameStructureKeepsTheResult() {
    assertEquals("unchanged at PAGES=4, CONSUMERS=3", StableCells.cell(new ProofRecord("m",
        "models/m.pool", "sha256:edited", "large", ROW.constants(), ROW.reachable(), null,
        ROW.properties()), stable("structure:a", true, 30, holds("deadlock"),
            violated("uaf", 19)), NOW));
  }

  @Test
  void aStableFileReadBackIsTheSameRecord() throws Exception {
    StableRecord s = stable("structure:a", false, 21, unknown("deadlock", 21), violated("uaf", 19));
    assertEquals(s, Ledger.readStable(Ledger.renderStable(s)));
  }

  @Test
  void saysLivenessRanOutOfMemoryAfterACompleteSafetyRun() {
    ProofRecord r = new ProofRecord("m", "models/m.pool", "sha256:a", "large",
        ImmutableMap.of("PAGES", 3, "CONSUMERS", 2),
        new ProofRecord.Reachable("holds", 100, 20, null), null,
        ImmutableList.of(new ProofRecord.PropertyOutcome("freed_eventually", "liveness",
            "holds", 100, null, null, null)));
    StableRecord s = new StableRecord("m", "models/m.pool", "sha256:a", "structure:a", "large",
        ImmutableMap.of("PAGES", 4, "CONSUMERS", 3), 1, 700,
        new StableRecord.Run(true, 5000, 30, null),
        ImmutableList.of(new StableRecord.Outcome("freed_eventually", "liveness", "unknown",
            null, null)),
        "out of memory during the liveness check (heap 9,216 MB): ...");
    assertEquals("PAGES=4, CONSUMERS=3: nothing changed; 1 undecided (liveness: out of memory; "
        + "safety holds over all states)", StableCells.cell(r, s, NOW));
  }
}
