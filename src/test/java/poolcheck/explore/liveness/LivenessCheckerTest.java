package poolcheck.explore.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poolcheck.compile.Models;
import poolcheck.compile.CompiledModel;
import poolcheck.explore.Explorer;
import poolcheck.language.ModelException;
import poolcheck.result.CheckResult;
import poolcheck.result.Counterexample;
import poolcheck.result.Verdict;
import poolcheck.system.PropertySelection;
import poolcheck.trace.JsonResult;
import poolcheck.trace.JsonTrace;
import poolcheck.trace.Replay;

class LivenessCheckerTest {
  private static final String MUTEX = """
      var locked : bool = false;
      process worker[2] {
        idle: { skip; }
        acquire: when (!locked) { locked = true; }
        critical: { skip; }
        release: { locked = false; goto idle; }
      }
      liveness w0_enters: always eventually at(worker[0], critical);
      """;

  @TempDir
  Path dir;

  private CheckResult check(String text) throws ModelException {
    CompiledModel m = Models.fromText("m.pool", text);
    return new Explorer(m).run();
  }

  /** Replays the lasso through the JSON round trip, independently of the checker. */
  private void assertReplays(String text, CheckResult r) throws Exception {
    Path json = dir.resolve("r.json");
    Files.writeString(json, JsonResult.render(r));
    Replay.Outcome o = Replay.check(Models.fromText("m.pool", text), JsonTrace.read(json));
    assertTrue(o.ok(), o.message());
  }

  private record Report(String phase, long done, long total, long millis) {}

  /** Every report of a check of all the properties of {@code m}, asked for at every chance. */
  private static java.util.List<Report> reports(CompiledModel m) {
    java.util.List<Report> seen = new java.util.ArrayList<>();
    new LivenessChecker(m, PropertySelection.all(m))
        .progress((phase, done, total, millis) -> seen.add(new Report(phase, done, total,
            millis)), 0, System.currentTimeMillis())
        .check(PropertySelection.all(m));
    return seen;
  }

  /** The phases' order, figures and clock, in reports from a graph large enough to report. */
  private static void assertReportsTheGraphThenEachProperty(java.util.List<Report> seen,
      String... properties) {
    java.util.List<String> phases = seen.stream().map(Report::phase).distinct().toList();
    java.util.List<String> expected = new java.util.ArrayList<>(java.util.List.of("graph"));
    for (String p : properties) expected.add("property " + p);
    assertEquals(expected, phases, seen.toString());
    long lastDone = -1;
    long lastMillis = 0;
    for (Report r : seen) {
      assertTrue(r.millis() >= lastMillis, seen.toString());
      lastMillis = r.millis();
      if (r.phase().equals("graph")) {
        assertTrue(r.done() > lastDone && r.done() <= r.total(), seen.toString());
        lastDone = r.done();
      } else {
        assertEquals(properties.length, r.total(), seen.toString());
        assertEquals("property " + properties[(int) r.done()], r.phase(), seen.toString());
      }
    }
  }

  @Test
  void reportsTheGraphBeingBuiltThenEachPropertyBeingDecided() throws Exception {
    // 5,000 states in one cycle: each property's walk polls every one of them
    CompiledModel m = Models.fromText("m.pool", """
        var x : 0 .. 4999 = 0;
        process p { s: { x = (x + 1) % 5000; goto s; } }
        fairness weak: p;
        liveness back: always eventually x == 0;
        liveness half: always eventually x == 2500;
        """);
    assertReportsTheGraphThenEachProperty(reports(m), "back", "half");
  }

  @Test
  void reportsFromTheQuotientGraphUnderSymmetry() throws Exception {
    // two ids among three, and a counter: the quotient of 6 x 2,000 states is 2,000 orbits
    CompiledModel m = Models.fromText("m.pool", """
        type Id = scalarset(3);
        var a : Id;
        var b : Id;
        var x : 0 .. 1999 = 0;
        init { choose y in Id { when (y != a); b = y; } }
        process p { s: { x = (x + 1) % 2000; goto s; } }
        fairness weak: p;
        liveness back: always eventually x == 0;
        """);
    assertTrue(m.reducesSymmetry());
    assertReportsTheGraphThenEachProperty(reports(m), "back");
  }

  @Test
  void aGraphPastWhatItsArraysIndexIsTooLargeNotAnInternalError() {
    // the search reports TooLarge as an incomplete liveness check over verified safety; an
    // IllegalStateException, as before, ended the run as an internal error and lost that
    assertEquals(Integer.MAX_VALUE - 8, LivenessGraph.grown(Integer.MAX_VALUE - 9));
    LivenessChecker.TooLarge e = org.junit.jupiter.api.Assertions.assertThrows(
        LivenessChecker.TooLarge.class, () -> LivenessGraph.grown(Integer.MAX_VALUE - 8));
    assertEquals("the state graph is too large for the liveness check: more than "
        + "2,147,483,639 states", e.getMessage());
  }

  @Test
  void stopsWhenAskedDuringTheLivenessCheck() throws Exception {
    CompiledModel m = Models.fromText("m.pool", """
        var x : 0 .. 4999 = 0;
        process p { s: { x = (x + 1) % 5000; goto s; } }
        liveness back: always eventually x == 0;
        """);
    int[] asked = {0};
    org.junit.jupiter.api.Assertions.assertThrows(LivenessChecker.Stopped.class,
        () -> new LivenessChecker(m, PropertySelection.all(m)).stopWhen(() -> ++asked[0] > 2)
            .check(PropertySelection.all(m)));
    assertEquals(3, asked[0], "asked every thousand states until it said stop");
  }

  @Test
  void overFingerprintsTheChanceOfACollisionIsReportedAndOverExactStatesNone() throws Exception {
    CompiledModel m = Models.fromText("m.pool", """
        var a : 0 .. 1000000 = 0;
        var b : 0 .. 1000000 = 0;
        var c : 0 .. 1000000 = 0;
        var d : 0 .. 1000000 = 0;
        process p { s: { a = (a + 1) % 300; b = a * 3000; c = a * 3001; d = a * 3002; goto s; } }
        liveness back: always eventually a == 0;
        fairness weak: p;
        """);
    int words = m.layout().words();
    assertTrue(words > 1, "fingerprints of one-word states are exact");
    PropertySelection all = PropertySelection.all(m);
    LivenessChecker prints = new LivenessChecker(m, all);
    assertTrue(prints.check(all).isEmpty());
    double chance = poolcheck.explore.store.Fingerprint.collisionProbability(300, words);
    assertTrue(chance > 0);
    assertEquals(chance, prints.collisionProbability());
    LivenessChecker exact = new LivenessChecker(m, all).exact(true);
    assertTrue(exact.check(all).isEmpty());
    assertEquals(0, exact.collisionProbability());
    // the run reports the chance that either graph, the safety search's or this one, lost one
    var options = poolcheck.explore.SearchOptions.reproducible();
    CheckResult r = new Explorer(m, options.withStore(
        poolcheck.explore.SearchOptions.Store.FINGERPRINTS)).run();
    assertEquals(Verdict.VERIFIED, r.verdict());
    assertEquals(2 * chance, r.statistics().collisionProbability(), chance * 1e-9);
    r = new Explorer(m, options.withStore(poolcheck.explore.SearchOptions.Store.EXACT)).run();
    assertEquals(Verdict.VERIFIED, r.verdict());
    assertEquals(0, r.statistics().collisionProbability());
  }

  @Test
  void withoutFairnessAProcessMayStutterForEverInTheInitialState() throws Exception {
    CheckResult r = check(MUTEX);
    assertEquals(Verdict.VIOLATED, r.verdict());
    Counterexample cx = r.counterexample().orElseThrow();
    assertEquals("w0_enters", cx.property().name());
    assertEquals(0, cx.length());
    assertEquals(0, cx.loop());
    assertReplays(MUTEX, r);
  }

  @Test
  void weakFairnessStillLetsTheOtherWorkerStarveWorkerZero() throws Exception {
    String text = MUTEX + "fairness weak: worker;\n";
    CheckResult r = check(text);
    assertEquals(Verdict.VIOLATED, r.verdict());
    Counterexample cx = r.counterexample().orElseThrow();
    // worker[0] reaches acquire, then worker[1] cycles idle-acquire-critical-release: worker[0]
    // is disabled whenever the lock is held, so weak fairness does not force it to run.
    assertEquals(4, cx.length());
    assertEquals(1, cx.loop());
    assertReplays(text, r);
  }

  @Test
  void strongFairnessLetsWorkerZeroIn() throws Exception {
    CheckResult r = check(MUTEX + "fairness strong: worker;\n");
    assertEquals(Verdict.VERIFIED, r.verdict());
    assertEquals(12, r.statistics().distinct());
  }

  @Test
  void aProcessThatCanSpinForEverStarvesEvenUnderWeakFairnessOfOthers() throws Exception {
    // The classic starving process: 'spin' always has a step, 'flag' is never set unless the
    // setter runs; with fairness only on spin the setter may never run.
    String text = """
        var flag : bool = false;
        var n : 0 .. 1 = 0;
        process spin { s: { n = 1 - n; goto s; } }
        process setter { set: { flag = true; } }
        liveness flag_set: eventually flag;
        fairness weak: spin;
        """;
    CheckResult r = check(text);
    assertEquals(Verdict.VIOLATED, r.verdict());
    assertEquals(1, r.counterexample().orElseThrow().length());
    assertReplays(text, r);
    CheckResult fair = check(text + "fairness weak: setter;\n");
    assertEquals(Verdict.VERIFIED, fair.verdict());
  }

  @Test
  void leadsToFailsWhenTheResponseCanBeAvoidedForEver() throws Exception {
    String text = """
        var req : bool = false;
        var ack : bool = false;
        var busy : bool = false;
        process client { ask: { req = true; } }
        process server {
          serve: when (req) { either { ack = true; } or { busy = !busy; } goto serve; }
        }
        liveness answered: req ~> ack;
        fairness weak: client, server;
        """;
    CheckResult r = check(text);
    assertEquals(Verdict.VIOLATED, r.verdict());
    assertReplays(text, r);
  }

  @Test
  void aStepThatChangesNothingDoesNotCountAsTakingAProcess() throws Exception {
    // TLA+'s WF_vars: the server's only state-changing step is the answer, so weak fairness
    // forces it even though the server may also 'skip' (a stuttering step) for ever.
    String text = """
        var req : bool = false;
        var ack : bool = false;
        process client { ask: { req = true; } }
        process server {
          serve: when (req) { either { ack = true; } or { skip; } goto serve; }
        }
        liveness answered: req ~> ack;
        fairness weak: client, server;
        """;
    assertEquals(Verdict.VERIFIED, check(text).verdict());
  }

  @Test
  void fairnessOfAnUnknownProcessIsAnError() {
    ModelException e = org.junit.jupiter.api.Assertions.assertThrows(ModelException.class,
        () -> Models.fromText("m.pool", MUTEX + "fairness weak: wrker;\n"));
    assertEquals("PC104", e.first().code());
    assertEquals(9, e.first().position().line());
    assertEquals(16, e.first().position().column());
  }
  /**
   * Under symmetry reduction the quotient graph decides alone, its lassos lifted to the model.
   * Held to the unreduced check on two designs with properties that hold and properties that
   * fail, some over the Page scalarset: the same verdicts, and here the same lassos.
   */
  @Test
  void theQuotientGivesTheVerdictsAndLassosOfTheUnreducedCheck() throws Exception {
    assertQuotientAgrees("small", "page_pool_v6_12", "page_pool_dma_tracking");
  }

  /** The same at three pages, where the orbits have up to six states. */
  @org.junit.jupiter.api.Tag("slow")
  @Test
  void theQuotientGivesTheVerdictsAndLassosOfTheUnreducedCheckAtThreePages() throws Exception {
    assertQuotientAgrees("large", "page_pool_v6_12");
  }

  private void assertQuotientAgrees(String config, String... designs) throws Exception {
    Path common = Files.createDirectories(dir.resolve("common"));
    Files.copy(Path.of("models/common/page_pool.pool"), common.resolve("page_pool.pool"));
    String extra = """
        liveness stays_bound: always eventually dev_bound;
        liveness unbinds: eventually !dev_bound;
        liveness held_page_returns: (exists p in Page: place[p] == HELD)
            ~> (forall p in Page: place[p] != HELD);
        liveness some_page_in_ring: always eventually (exists p in Page: place[p] == RING);
        liveness pages_come_home: eventually (forall p in Page: place[p] == ALLOCATOR);
        """;
    int violated = 0;
    int held = 0;
    for (String design : designs) {
      Path file = dir.resolve(design + ".pool");
      Files.writeString(file, Files.readString(Path.of("models/" + design + ".pool")) + extra);
      CompiledModel reduced = Models.load(file, config, java.util.Map.of());
      assertTrue(reduced.reducesSymmetry());
      for (int k = 0; k < reduced.livenessCount(); k++) {
        String name = reduced.livenessProperty(k).name();
        CheckResult withQuotient = new Explorer(reduced).properties(java.util.Set.of(name)).run();
        CheckResult without = new Explorer(reduced.withSymmetry(false))
            .properties(java.util.Set.of(name)).run();
        assertEquals(without.verdict(), withQuotient.verdict(), design + " " + name);
        assertEquals(trace(without), trace(withQuotient), design + " " + name);
        if (without.verdict() == Verdict.VIOLATED) violated++;
        if (without.verdict() == Verdict.VERIFIED) held++;
      }
    }
    assertTrue(violated >= 2 && held >= 2, violated + " violated, " + held + " held");
  }

  /** The result's trace as JSON (the statistics differ: one safety search was reduced). */
  private static com.fasterxml.jackson.databind.JsonNode trace(CheckResult r) throws Exception {
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(JsonResult.render(r))
        .get("trace");
  }
}
