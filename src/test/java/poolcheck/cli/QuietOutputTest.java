package poolcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static poolcheck.cli.MainTest.corpus;
import static poolcheck.cli.MainTest.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -q} is for scripts and CI logs: exactly one line, the verdict, and the exit status a
 * run without it has. The trace, statistics, coverage warnings, "wrote" lines and progress are
 * left out; an error is still its one line on stderr.
 */
class QuietOutputTest {
  @TempDir
  Path tmp;

  @Test
  void aViolationIsTheVerdictLineAlone() {
    MainTest.Run r = run("check", "-q", "models/page_pool_v6_12.pool");
    assertEquals(ExitCode.VIOLATED, r.status(), r.err());
    assertEquals("violated: no_dma_after_detach (assertion), shortest trace 14 steps\n",
        r.out());
    assertEquals("", r.err());
  }

  @Test
  void aVerifiedRunNamesWhatHoldsAndTheStatesItSaw() {
    MainTest.Run r = run("check", "-q", "--property", "counter_bounded",
        corpus("violated/lost_update.pool"));
    assertEquals(ExitCode.VERIFIED, r.status(), r.err());
    assertEquals("verified: value_out_of_range, container_overflow, container_underflow, "
        + "index_out_of_range, division_by_zero, arithmetic_overflow, counter_bounded hold, "
        + "13 distinct states\n", r.out());
    assertEquals("", r.err());
  }

  @Test
  void anIncompleteRunSaysWhyAndHowFarItGot() {
    MainTest.Run r = run("check", "-q", "--max-states", "3", corpus("verified/peterson.pool"));
    assertEquals(ExitCode.INCOMPLETE, r.status(), r.err());
    assertEquals("incomplete: state limit 3 reached; no violation found so far, 3 distinct "
        + "states\n", r.out());
  }

  @Test
  void strictKeepsItsExitStatusAndSaysWhyOnTheSameLine() {
    MainTest.Run r = run("check", "-q", "--strict", corpus("verified/coverage_guard_typo.pool"));
    assertEquals(ExitCode.WARNINGS, r.status(), r.err());
    assertEquals(1, r.out().lines().count(), r.out());
    assertTrue(r.out().startsWith("verified: ") && r.out().endsWith(
        "; --strict: 3 coverage warnings, failing\n"), r.out());
  }

  @Test
  void allViolationsNamesThemOnOneLine() {
    MainTest.Run r = run("check", "-q", "--all-violations", "--workers", "1",
        "models/page_pool_v6_12.pool");
    assertEquals(ExitCode.VIOLATED, r.status(), r.err());
    assertEquals("2 violated properties: no_dma_after_detach, no_pool_use_after_free\n",
        r.out());
  }

  @Test
  void traceFilesAreWrittenWithoutSayingSo() {
    String prefix = tmp.resolve("lost").toString();
    MainTest.Run r = run("check", "-q", "--trace-format", "json", "--trace-out", prefix,
        corpus("violated/lost_update.pool"));
    assertEquals(ExitCode.VIOLATED, r.status(), r.err());
    assertEquals("violated: no_lost_update (invariant), shortest trace 4 steps\n", r.out());
    assertTrue(Files.isRegularFile(Path.of(prefix + ".json")));
  }

  @Test
  void withJsonToStdoutTheJsonStaysAloneAndTheVerdictGoesToStderr() throws Exception {
    MainTest.Run r = run("check", "-q", "--json", "-", corpus("violated/lost_update.pool"));
    assertEquals(ExitCode.VIOLATED, r.status(), r.err());
    assertEquals("violated", new ObjectMapper().readTree(r.out()).get("verdict").asText());
    assertEquals("violated: no_lost_update (invariant), shortest trace 4 steps\n", r.err());
  }

  @Test
  void anErrorIsStillItsOneLine() {
    MainTest.Run r = run("check", "-q", "-D", "N=200", corpus("verified/counter.pool"));
    assertEquals(ExitCode.BAD_INPUT, r.status());
    assertEquals("", r.out());
    assertEquals(1, r.errLines().size(), r.err());
  }

  @Test
  void simulateToo() throws Exception {
    MainTest.Run violated = run("simulate", "-q", "--seed", "1", "--runs", "20",
        corpus("violated/lost_update.pool"));
    assertEquals(ExitCode.VIOLATED, violated.status(), violated.err());
    assertEquals("violated: no_lost_update (invariant) in run 3 of 20, trace shrunk from 4 to 4 "
        + "steps\n", violated.out());
    MainTest.Run none = run("simulate", "-q", "--seed", "1", "--runs", "20",
        corpus("verified/counter.pool"));
    assertEquals(ExitCode.VERIFIED, none.status(), none.err());
    assertEquals("no violation in 20 runs of depth 1000 (not a proof)\n", none.out());
    MainTest.Run json = run("simulate", "-q", "--seed", "1", "--runs", "20", "--json", "-",
        corpus("violated/lost_update.pool"));
    assertEquals("violated", new ObjectMapper().readTree(json.out()).get("verdict").asText());
    assertEquals(violated.out(), json.err());
  }

  @Test
  void noProgressKeepsTheReport() {
    MainTest.Run r = run("check", "--no-progress", corpus("violated/lost_update.pool"));
    assertEquals(ExitCode.VIOLATED, r.status(), r.err());
    assertTrue(r.out().contains("Step 4: ") && r.out().contains(" distinct states, "), r.out());
  }
}
