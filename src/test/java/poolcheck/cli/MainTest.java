package poolcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line as a user meets it: exit statuses, flags, and one clear line per error. */
class MainTest {
  @TempDir
  Path tmp;

  /** What one run printed and returned. */
  record Run(int status, String out, String err) {
    List<String> errLines() {
      return err.lines().toList();
    }

    void assertNoStackTrace() {
      assertFalse(err.contains("Exception") || err.contains("\tat "), err);
      assertFalse(out.contains("Exception") || out.contains("\tat "), out);
    }
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(status, out.toString(), err.toString());
  }

  static String corpus(String name) {
    try {
      return Path.of(MainTest.class.getResource("/corpus/" + name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void helpNamesACommandAndShowsItsUsage() {
    Run r = run("help", "check");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().startsWith("Usage: poolcheck check "), r.out());
    Run unknown = run("help", "chekc");
    assertEquals(ExitCode.BAD_INPUT, unknown.status());
    assertTrue(unknown.err().contains("Unknown subcommand 'chekc'"), unknown.err());
  }

  @Test
  void aCommandBuiltAloneHasTheUsageAndOptionsItHasAmongAllTheOthers() {
    picocli.CommandLine all = Main.commandLine(new Main());
    assertEquals(12, all.getSubcommands().size(), all.getSubcommands().keySet().toString());
    all.getSubcommands().forEach((name, full) -> {
      if (name.equals("help")) return; // built with every other: it describes them
      for (String[] args : List.of(new String[] {name, "x"}, new String[] {"--debug", name})) {
        picocli.CommandLine alone = Main.commandLine(new Main(), args);
        assertEquals(List.of(name), List.copyOf(alone.getSubcommands().keySet()));
        picocli.CommandLine sub = alone.getSubcommands().get(name);
        assertEquals(full.getUsageMessage(), sub.getUsageMessage(), name);
        assertEquals(full.getCommandSpec().options().stream().map(o -> o.longestName()).toList(),
            sub.getCommandSpec().options().stream().map(o -> o.longestName()).toList(), name);
      }
    });
    assertEquals(12, Main.commandLine(new Main(), "help", "check").getSubcommands().size());
    assertEquals(12, Main.commandLine(new Main(), "chek").getSubcommands().size());
  }

  @Test
  void debugBeforeTheCommandStillReachesIt() {
    Run r = run("--debug", "check", "--debug", "-q", corpus("verified/counter.pool"));
    assertEquals(0, r.status(), r.err());
  }

  @Test
  void verifiedModelExitsWithZero() {
    Run r = run("check", "-q", corpus("verified/counter.pool"));
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("verified:"), r.out());
    assertTrue(r.out().contains("6 distinct states"), r.out());
  }

  @Test
  void violatedModelExitsWithOneAndPrintsTheTrace() {
    Run r = run("check", "-q", corpus("violated/lost_update.pool"));
    assertEquals(1, r.status(), r.err());
    assertTrue(r.out().contains("violated: no_lost_update (invariant), shortest trace 4 steps"),
        r.out());
  }

  @ParameterizedTest
  @CsvSource({
      "rejected/pc001_unexpected_character.pool, PC001, 2:16",
      "rejected/pc102_unterminated_block.pool, PC102, 3:11",
      "rejected/pc104_unknown_name.pool, PC104, 4:23",
      "rejected/pc113_duplicate_label.pool, PC113, 5:3",
  })
  void badModelExitsWithTwoAndOneLine(String file, String code, String position) {
    Run r = run("check", "-q", corpus(file));
    assertEquals(2, r.status());
    assertEquals(1, r.errLines().size(), r.err());
    assertEquals(corpus(file) + ":" + position + ": error " + code + ": ",
        r.errLines().get(0).substring(0, corpus(file).length() + position.length() + 16));
    r.assertNoStackTrace();
  }

  @Test
  void severalErrorsGiveOneLineEach() {
    Run r = run("check", "-q", corpus("rejected/several_checker_errors.pool"));
    assertEquals(2, r.status());
    List<String> lines = r.errLines();
    assertEquals(4, lines.size(), r.err());
    List<String> codes = lines.stream().map(l -> l.replaceAll(".*: error (PC\\d+): .*", "$1"))
        .toList();
    assertEquals(List.of("PC104", "PC105", "PC107", "PC114"), codes);
    r.assertNoStackTrace();
  }

  @Test
  void propertySubsetChecksOnlyTheNamedInvariant() {
    Run r = run("check", "-q", "--property", "counter_bounded",
        corpus("violated/lost_update.pool"));
    assertEquals(0, r.status(), r.out() + r.err());
    String verdict = r.out().lines().filter(l -> l.startsWith("verified:")).findFirst()
        .orElseThrow();
    assertTrue(verdict.contains("counter_bounded"), verdict);
    assertFalse(verdict.contains("no_lost_update"), verdict);
  }

  @Test
  void unknownPropertyNamesTheAvailableOnes() {
    Run r = run("check", "-q", "--property", "no_such_thing", corpus("violated/lost_update.pool"));
    assertEquals(2, r.status());
    assertEquals(1, r.errLines().size(), r.err());
    String line = r.errLines().get(0);
    assertTrue(line.contains("no_such_thing"), line);
    assertTrue(line.contains("counter_bounded") && line.contains("no_lost_update")
        && line.contains("deadlock"), line);
    r.assertNoStackTrace();
  }

  @Test
  void jsonResultParsesBackWithTheViolation() throws Exception {
    Path json = tmp.resolve("lost.json");
    // The count at a violation is that of the finished level, whatever the engine.
    Run r = run("check", "-q", "--json", json.toString(), corpus("violated/lost_update.pool"));
    assertEquals(1, r.status());
    JsonNode root = new ObjectMapper().readTree(Files.readString(json));
    assertEquals("poolcheck-result", root.get("format").asText());
    assertEquals("lost_update", root.get("model").asText());
    assertEquals("violated", root.get("verdict").asText());
    assertEquals("no_lost_update", root.get("property").asText());
    assertEquals(13, root.get("statistics").get("distinct").asLong());
    assertEquals(4, root.get("trace").get("length").asInt());
    assertEquals(5, root.get("trace").get("steps").size());
    assertEquals(2, root.get("constants").get("CPUS").asInt());
  }

  @Test
  void defineOverridesAConstant() throws Exception {
    Path json = tmp.resolve("counter.json");
    Run r = run("check", "-q", "-D", "N=9", "--json", json.toString(),
        corpus("verified/counter.pool"));
    assertEquals(0, r.status(), r.err());
    JsonNode root = new ObjectMapper().readTree(Files.readString(json));
    assertEquals(9, root.get("constants").get("N").asInt());
    assertEquals(10, root.get("statistics").get("distinct").asLong());
  }

  @Test
  void defineOutsideTheDeclaredRangeIsOneError() {
    Run r = run("check", "-q", "-D", "N=200", corpus("verified/counter.pool"));
    assertEquals(2, r.status());
    assertEquals(List.of("command line:1:1: error PC108: constant N = 200 is out of its range "
        + "1 .. 100"), r.errLines());
  }

  @Test
  void defineOfAnUnknownConstantIsOneError() {
    Run r = run("check", "-q", "-D", "PAGES=2", corpus("verified/counter.pool"));
    assertEquals(2, r.status());
    assertEquals(List.of("command line:1:1: error PC118: -D PAGES: the model has no constant "
        + "'PAGES' (constants: N)"), r.errLines());
  }

  @Test
  void missingModelFileIsOneLine() {
    Path missing = tmp.resolve("nowhere.pool");
    Run r = run("check", "-q", missing.toString());
    assertEquals(2, r.status());
    assertEquals(List.of("poolcheck: " + missing + ": no such file or directory"), r.errLines());
  }

  @Test
  void jsonFileInAMissingDirectoryIsOneLineNotACannotRead() {
    // The old message said "cannot read" of a file poolcheck was trying to write.
    Path json = tmp.resolve("no_dir").resolve("out.json");
    Run r = run("check", "-q", "--json", json.toString(), corpus("verified/counter.pool"));
    assertEquals(2, r.status());
    assertEquals(List.of("poolcheck: --json " + json + ": directory " + json.getParent()
        + " does not exist"), r.errLines());
    assertEquals("", r.out(), "found before the search starts");
  }

  @Test
  void directoryGivenAsModelNamesThePath() {
    Run r = run("check", "-q", tmp.toString());
    assertEquals(2, r.status());
    assertEquals(List.of("poolcheck: " + tmp + ": is a directory, expected a model file"),
        r.errLines());
  }

  @Test
  void replayConfirmsAWrittenTrace() {
    Path json = tmp.resolve("philosophers.json");
    String model = corpus("violated/dining_philosophers.pool");
    assertEquals(1, run("check", "-q", "--json", json.toString(), model).status());
    Run r = run("replay", model, json.toString());
    assertEquals(0, r.status(), r.err());
    assertEquals("replayed 2 steps: deadlock", r.out().strip());
  }

  @Test
  void replayOfAnotherModelsTraceSaysWhichModelItCameFrom() {
    Path json = tmp.resolve("philosophers.json");
    assertEquals(1, run("check", "-q", "--json", json.toString(),
        corpus("violated/dining_philosophers.pool")).status());
    Run r = run("replay", corpus("violated/lost_update.pool"), json.toString());
    assertEquals(1, r.status(), r.err());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.err().contains("(the trace was recorded on model dining_philosophers, this is "
        + "lost_update)"), r.err());
    r.assertNoStackTrace();
  }

  @Test
  void stateLimitGivesIncompleteAndExitThree() {
    Run r = run("check", "-q", "--max-states", "3", corpus("verified/peterson.pool"));
    assertEquals(3, r.status(), r.err());
    assertTrue(r.out().contains("incomplete: state limit 3 reached"), r.out());
  }

  @Test
  void noDeadlockFlagLetsTheDeadlockedPhilosophersPass() {
    Run r = run("check", "-q", "--no-deadlock", corpus("violated/dining_philosophers.pool"));
    assertEquals(0, r.status(), r.out());
    // Every reachable state: forks (free/taken) and pcs, explored in full this time. Each
    // philosopher is at left (holding nothing of its own), right (holding its left fork) or eat
    // (holding both); pairs: (left,left) (left,right) (right,left) (right,right) (eat,left)
    // (left,eat): (eat,right) needs fork 1 twice and (right,eat) fork 0 twice: 6 states.
    assertTrue(r.out().contains("6 distinct states"), r.out());
  }

  @Test
  void unknownOptionExitsWithTwoWithoutStackTrace() {
    Run r = run("check", "--no-such-flag", corpus("verified/counter.pool"));
    assertEquals(2, r.status());
    assertTrue(r.errLines().get(0).startsWith("poolcheck: Unknown option"), r.err());
    r.assertNoStackTrace();
  }
}
