package poolcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static poolcheck.cli.MainTest.corpus;
import static poolcheck.cli.MainTest.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Coverage as the user meets it: default warnings, --coverage, --strict, --json, simulate. */
class CoverageCommandTest {
  @TempDir
  Path tmp;

  private static List<String> warnings(String out) {
    return out.lines().filter(l -> l.startsWith("unreached") || l.startsWith("vacuous")
        || l.startsWith("never evaluated")).toList();
  }

  @Test
  void reportsUnreachedStepsByDefaultWithTheirPositions() {
    String file = corpus("verified/coverage_guard_typo.pool");
    MainTest.Run r = run("check", "--no-progress", file);
    assertEquals(0, r.status(), r.err());
    assertEquals(List.of("unreached: reader.take_ref (" + file + ":21:3)",
        "unreached: reader.use (" + file + ":22:3)",
        "unreached: reader.put_ref (" + file + ":23:3)"), warnings(r.out()));
  }

  @Test
  void strictTurnsWarningsIntoExitFive() {
    MainTest.Run r = run("check", "--no-progress",
        "--strict", corpus("verified/coverage_guard_typo.pool"));
    assertEquals(5, r.status(), r.out());
    assertTrue(r.out().contains("--strict: 3 coverage warnings, failing"), r.out());
    MainTest.Run vacuous = run("check", "--no-progress",
        "--strict", corpus("verified/coverage_vacuous.pool"));
    assertEquals(5, vacuous.status(), vacuous.out());
  }

  @Test
  void strictPassesAModelThatReachesEverything() {
    MainTest.Run r = run("check", "--no-progress", "--strict", corpus("verified/peterson.pool"));
    assertEquals(0, r.status(), r.out());
    assertEquals(List.of(), warnings(r.out()));
  }

  @Test
  void aViolationStillExitsOneUnderStrictAndWarnsNothing() {
    MainTest.Run r = run("check", "--no-progress", "--strict", corpus("violated/lost_update.pool"));
    assertEquals(1, r.status(), r.out());
    assertEquals(List.of(), warnings(r.out()));
  }

  @Test
  void coveragePrintsEveryStepWithItsCounts() {
    String file = corpus("verified/counter.pool");
    MainTest.Run r = run("check", "--no-progress", "--coverage", file);
    assertEquals(0, r.status(), r.err());
    // n = 0 .. 4 each enable inc once: 5 states, 5 steps; final is consulted in n = 5 only.
    assertTrue(r.out().contains(String.format("  %-40s %14s %14s  %s%n", "ticker.inc", "5", "5",
        file + ":12:3")), r.out());
    assertTrue(r.out().contains(String.format("  %-40s %14s %14s  %s%n", "final", "1", "1",
        file + ":15:1")), r.out());
  }

  @Test
  void coverageAndJsonNameEachAtomicStepWithItsReason() throws Exception {
    String file = corpus("verified/atomic_increment.pool");
    MainTest.Run r = run("check", "--no-progress", "--coverage", file);
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("  atomic steps (more than one unguarded access, by the reason "
        + "given):\n    cpu.inc: atomic_inc\n"), r.out());
    Path json = tmp.resolve("atomic.json");
    assertEquals(0, run("check", "--no-progress", "--json", json.toString(), file).status());
    JsonNode step = new ObjectMapper().readTree(json.toFile()).get("coverage").get("steps").get(0);
    assertEquals("atomic_inc", step.get("atomic").asText());
    MainTest.Run plain = run("check", "--no-progress",
        "--coverage", corpus("verified/counter.pool"));
    assertTrue(!plain.out().contains("atomic steps"), plain.out());
  }

  @Test
  void jsonCarriesTheCoverage() throws Exception {
    Path json = tmp.resolve("out.json");
    String file = corpus("verified/coverage_guard_typo.pool");
    assertEquals(0, run("check", "--no-progress", "--json", json.toString(), file).status());
    JsonNode c = new ObjectMapper().readTree(json.toFile()).get("coverage");
    assertTrue(c.get("complete").asBoolean());
    assertEquals(false, c.get("reduced").asBoolean());
    JsonNode release = c.get("steps").get(3);
    assertEquals("owner", release.get("process").asText());
    assertEquals("release", release.get("label").asText());
    assertEquals(1, release.get("enabled").asLong());
    assertEquals(1, release.get("taken").asLong());
    assertEquals("owner", release.get("instances").get(0).get("instance").asText());
    assertEquals(3, c.get("warnings").size());
    assertEquals("unreached: reader.take_ref (" + file + ":21:3)",
        c.get("warnings").get(0).asText());
  }

  @Test
  void simulateReportsWhatItsRunsNeverTook() {
    String file = corpus("verified/coverage_guard_typo.pool");
    MainTest.Run r = run("simulate", "--runs", "5", "--depth", "10", "--seed", "1", file);
    assertEquals(0, r.status(), r.err());
    assertEquals(List.of("unreached in 5 random runs: reader.take_ref (" + file + ":21:3)",
        "unreached in 5 random runs: reader.use (" + file + ":22:3)",
        "unreached in 5 random runs: reader.put_ref (" + file + ":23:3)"),
        r.out().lines().filter(l -> l.startsWith("unreached")).toList());
  }

  @Test
  void simulateOfAFullyReachedModelWarnsNothing() {
    MainTest.Run r = run("simulate", "--runs", "20", "--depth", "50", "--seed", "3",
        corpus("verified/peterson.pool"));
    assertEquals(0, r.status(), r.err());
    assertEquals(List.of(), r.out().lines().filter(l -> l.contains("random run")).toList());
  }
}
