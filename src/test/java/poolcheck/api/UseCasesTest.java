package poolcheck.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The use cases through the API alone: what the command line does, with values instead of text. */
class UseCasesTest {
  private static final Path LOST = Path.of("src/test/resources/examples/lost_update.pool");

  private static final String CONFIGURED = """
      model configured;
      const N : 1 .. 3 = 1;
      const M : 1 .. 3 = 1;
      var x : 0 .. 9 = 0;
      process p { step: { x = N + M; } }
      invariant small: x <= 9;
      config big { N = 3; M = 3; }
      """;

  @Test
  void aNamedConfigurationSetsTheConstantsAndAnOverrideStillWins() {
    ModelCheckResult r = ModelCheck.ofText("configured.pool", CONFIGURED).config("big")
        .constant("M", 2).exhaustive().assertHolds();
    assertEquals(Map.of("N", 3, "M", 2), r.constants());
    assertEquals(List.of("deadlock", "small"), r.checked().stream().filter(n -> n.equals("small")
        || n.equals("deadlock")).toList());
  }

  @Test
  void anUnknownPropertyIsRefusedNamingThoseTheModelHas() {
    InvalidOptionException e = assertThrows(InvalidOptionException.class,
        () -> ModelCheck.of(LOST).properties("no_such").exhaustive());
    assertEquals("properties", e.option());
    assertEquals("properties no_such: the model has no such property (it has: deadlock, "
        + "counter_bounded, no_lost_update)", e.getMessage());
    assertEquals("--property no_such: the model has no such property (it has: deadlock, "
        + "counter_bounded, no_lost_update)",
        e.render(n -> n.equals("properties") ? "--property" : n));
  }

  @Test
  void anOptionOutOfRangeIsRefusedBeforeTheModelIsRead() {
    InvalidOptionException e = assertThrows(InvalidOptionException.class,
        () -> ModelCheck.of("no/such/model.pool").maxStates(0));
    assertEquals("maxStates 0: expected 1 to 9,223,372,036,854,775,807", e.getMessage());
    assertThrows(InvalidOptionException.class, () -> ModelCheck.of(LOST).simulate(0, 10));
  }

  @Test
  void checkpointsNeedFingerprintsWhicheverOrderTheOptionsAreSetIn(@TempDir Path dir) {
    ModelCheck exact = ModelCheck.of(LOST).checkpoint(dir.resolve("cp"), 600)
        .store(StoreMode.EXACT);
    InvalidOptionException e = assertThrows(InvalidOptionException.class, exact::prepare);
    assertEquals("checkpoint and resume need fingerprint mode, not exact", e.getMessage());
    assertFalse(Files.exists(dir.resolve("cp")), "refused before anything is created");
    exact.store(StoreMode.FINGERPRINTS).properties("counter_bounded").exhaustive()
        .assertHolds();
  }

  @Test
  void parallelFingerprintSearchStoresTheSameThirteenStatesAsTheReference() {
    ModelCheckResult r = ModelCheck.of(LOST).properties("counter_bounded").workers(2)
        .store(StoreMode.FINGERPRINTS).exhaustive().assertHolds();
    assertEquals(13, r.statistics().distinct());
    assertEquals(2, r.statistics().workers());
  }

  @Test
  void aSearchStoppedBeforeItRunsReportsInterrupted() {
    CheckRun run = ModelCheck.of(LOST).constant("CPUS", 8).properties("counter_bounded")
        .prepare();
    assertEquals("lost_update", run.model().name());
    assertEquals(List.of(LOST), run.model().inputFiles());
    run.stop();
    ModelCheckResult r = run.run();
    assertEquals(Verdict.INTERRUPTED, r.verdict());
    assertTrue(r.violations().isEmpty());
  }

  @Test
  void progressIsReportedWhileTheSearchRuns() {
    List<Long> seen = new java.util.ArrayList<>();
    // the level search looks at the clock at the progress interval (at most every 50 ms) while a
    // level runs: half a million states on one worker take many such intervals
    ModelCheckResult r = ModelCheck.of(LOST).constant("CPUS", 8).properties("counter_bounded")
        .workers(1)
        .progress((distinct, generated, frontier, depth, millis) -> seen.add(distinct), 0.001)
        .maxStates(500_000).exhaustive();
    assertEquals(Verdict.INCOMPLETE, r.verdict());
    assertEquals("state limit 500000 reached", r.reason());
    assertFalse(seen.isEmpty(), "no progress report in " + r.statistics());
    assertTrue(seen.get(seen.size() - 1) <= r.statistics().distinct(), seen.toString());
  }

  @Test
  void theCounterexampleIsValuesAndReplaysThroughItsOwnJson(@TempDir Path dir) throws Exception {
    ModelCheckResult r = ModelCheck.of(LOST).exhaustive().assertViolates("no_lost_update");
    Counterexample cx = r.counterexample().orElseThrow();
    assertEquals(4, cx.length());
    assertEquals("invariant", cx.kind());
    assertTrue(cx.steps().get(0).isInitial());
    assertEquals("0", cx.steps().get(0).state().get("counter"));
    // two loads of 0, then two stores of 1: the lost update
    assertEquals(List.of("load", "load", "store", "store"), cx.steps().stream().skip(1)
        .map(TraceStep::label).toList());
    assertEquals("1", cx.steps().get(4).state().get("counter"));
    assertEquals(List.of(r), r.violations());
    Path json = dir.resolve("cx.json");
    Files.writeString(json, r.renderTrace(TraceFormat.JSON));
    ReplayResult replayed = TraceReplay.of(LOST).replay(json);
    assertTrue(replayed.ok(), replayed.message());
    assertEquals(4, replayed.steps());
    ReplayResult elsewhere = TraceReplay.of(LOST).constant("CPUS", "3").replay(json);
    assertFalse(elsewhere.ok(), "three CPUs have another initial state");
    assertEquals(0, elsewhere.step());
  }

  @Test
  void allViolationsReportsEachPropertyWithItsOwnTrace() {
    ModelCheckResult r = ModelCheck.of(LOST).constant("CPUS", 2)
        .options(ModelCheck.of(LOST).options().withAllViolations(true)).exhaustive();
    assertEquals(List.of("no_lost_update"), r.violations().stream()
        .map(v -> v.counterexample().orElseThrow().property()).toList());
    assertTrue(r.coverage().isEmpty(), "several searches: no coverage");
  }

  @Test
  void coverageCountsEveryStepOfAVerifiedRun() {
    Coverage c = ModelCheck.of(LOST).properties("counter_bounded").exhaustive().coverage()
        .orElseThrow();
    assertEquals(List.of("cpu.load", "cpu.store"), c.steps().stream().map(Coverage.Step::name)
        .toList());
    assertEquals(List.of(), c.unreached());
  }

  @Test
  void aTraceFileThatIsNotATraceIsInvalidInputWithItsPosition(@TempDir Path dir)
      throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"format\": 3}");
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> TraceReplay.of(LOST).replay(bad));
    assertTrue(e.getMessage().startsWith(bad + ":1:"), e.getMessage());
  }

  @Test
  void exportWritesPromelaAndRefusesSpinCoverageForTla() {
    String promela = Export.of(LOST, ExportTarget.PROMELA).prepare().promela();
    assertTrue(promela.contains("proctype cpu"), promela);
    InvalidOptionException e = assertThrows(InvalidOptionException.class,
        () -> Export.of(LOST, ExportTarget.TLA).spinCoverage().prepare());
    assertEquals("spinCoverage is for target promela", e.getMessage());
    ExportedModel.TlaFiles tla = Export.of(LOST, ExportTarget.TLA).prepare().tla("Lost");
    assertTrue(tla.module().contains("MODULE Lost"), tla.module());
  }
}
