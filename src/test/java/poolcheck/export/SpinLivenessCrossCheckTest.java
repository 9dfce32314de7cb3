package poolcheck.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * SPIN's verdict on each exported ltl formula ({@code pan -a -f}, no partial-order reduction)
 * must be poolcheck's liveness verdict: the same property holds or is violated, under every
 * combination of weak fairness and none over the processes of small models, so both the pan -f
 * mapping of weak fairness and the stutter option of an instance without fairness are held to
 * the checker. Runs only where spin and gcc are installed (.ci/run installs them).
 */
// SPIN and gcc do most of the work, in their own processes: beside the other classes. (junit-platform.properties)
@Execution(ExecutionMode.CONCURRENT)
class SpinLivenessCrossCheckTest {
  @TempDir
  static Path work;

  /** Models without fairness declarations; each test adds every subset of weak fairness. */
  static final Map<String, String> MODELS = Map.of(
      // Weak fairness forces w: it can always decide. Under pan -f the way back to pick, which
      // changes nothing, would count as w running; the export runs it in poolcheck_stutter.
      "dither", """
          model dither;
          var decided : bool = false;
          process w { pick: { either { goto pick; } or { decided = true; } } }
          liveness decides: eventually decided;
          """,
      "spinner", """
          model spinner;
          var held : bool = true;
          var got : bool = false;
          var n : 0 .. 2 = 0;
          process waiter { wait: { if (held) { goto wait; } got = true; } }
          process owner { work: { n = 1; } release: { held = false; } }
          process ticker { tick: { if (n < 2) { n = n + 1; } else { n = 2; } goto tick; } }
          final false;
          liveness gets: eventually got;
          liveness counts: always eventually n == 2;
          liveness released: n == 1 ~> !held;
          """,
      "handoff", """
          model handoff;
          var x : 0 .. 2 = 0;
          var done_b : bool = false;
          process a { one: { x = 1; } two: { x = 2; } }
          process b { wait: when (x == 2) { done_b = true; } }
          liveness reaches_two: x == 1 ~> x == 2;
          liveness b_finishes: eventually done_b;
          liveness settles: always eventually (x == 2);
          """,
      "toggler", """
          model toggler;
          var on : bool = false;
          var seen : bool = false;
          process t { up: { on = true; } down: { on = false; goto up; } }
          process watcher { look: when (on) { seen = true; } }
          final false;
          liveness on_often: always eventually on;
          liveness watched: eventually seen;
          liveness off_after_on: on ~> !on;
          """,
      "race", """
          model race;
          var turn : 0 .. 1 = 0;
          var total : 0 .. 3 = 0;
          process p[2] {
            take: when (turn == self) { turn = 1 - self; }
            add: { if (total < 3) { total = total + 1; } goto take; }
          }
          final false;
          liveness grows: total == 0 ~> total == 3;
          liveness p0_takes: always eventually at(p[0], add);
          """,
      "constrained", """
          model constrained;
          var x : 0 .. 3 = 0;
          var y : 0 .. 1 = 0;
          process up { s: { if (x < 3) { x = x + 1; } goto s; } }
          process flip { f: { y = 1 - y; goto f; } }
          assume x <= 1 || y == 1;
          final false;
          liveness reaches_three: eventually x == 3;
          liveness flips: always eventually y == 1;
          liveness moves: eventually (x >= 1 || y == 1);
          """);

  @BeforeAll
  static void needsSpinAndGcc() {
    assumeTrue(SpinCrossCheckTest.installed("spin", "-V"), "spin is not installed");
    assumeTrue(SpinCrossCheckTest.installed("gcc", "--version"), "gcc is not installed");
  }

  /** Each small model with no fairness and with every process weakly fair. */
  @TestFactory
  Stream<DynamicTest> spinAndPoolcheckGiveTheSameLivenessVerdicts() {
    return variants(true);
  }

  /** Every other subset of weakly fair processes: a compiled verifier each, so slow. */
  @org.junit.jupiter.api.Tag("slow")
  @TestFactory
  Stream<DynamicTest> spinAndPoolcheckGiveTheSameLivenessVerdictsUnderEveryWeakFairness() {
    return variants(false);
  }

  private static Stream<DynamicTest> variants(boolean noneOrAll) {
    List<DynamicTest> tests = new ArrayList<>();
    for (var e : MODELS.entrySet()) {
      List<String> processes = processes(e.getValue());
      int all = (1 << processes.size()) - 1;
      for (int mask = 0; mask <= all; mask++) {
        if (noneOrAll != (mask == 0 || mask == all)) continue;
        StringBuilder text = new StringBuilder(e.getValue());
        List<String> fair = new ArrayList<>();
        for (int k = 0; k < processes.size(); k++) {
          if ((mask & 1 << k) != 0) fair.add(processes.get(k));
        }
        if (!fair.isEmpty()) text.append("fairness weak: ").append(String.join(", ", fair))
            .append(";\n");
        String name = e.getKey() + "_weak_" + (fair.isEmpty() ? "none" : String.join("_", fair));
        tests.add(DynamicTest.dynamicTest(name, () -> crossCheck(name, text.toString())));
      }
    }
    return tests.stream();
  }

  /**
   * The test resources' liveness models: a lasso through a mutex, a setter never forced, a
   * weakly fair step back to its own label.
   */
  @TestFactory
  Stream<DynamicTest> spinAgreesOnTheLivenessModels() {
    return Stream.of("models/starving_mutex", "models/unfair_setter",
        "corpus/verified/coverage_vacuous").map(n -> DynamicTest.dynamicTest(n,
            () -> crossCheck(Files.createDirectories(work.resolve(n.replace('/', '_'))),
                Path.of("src/test/resources/" + n + ".pool"), null)));
  }

  /**
   * The shipped designs with their strong fairness made weak (SPIN has no strong fairness, so
   * their own Promela exports leave liveness out), each design's liveness properties alone as
   * check --property runs them: the real models' steps back to their own labels included.
   */
  @org.junit.jupiter.api.Tag("slow")
  @TestFactory
  Stream<DynamicTest> spinAgreesOnTheShippedDesignsMadeWeaklyFair() throws IOException {
    Path models = work.resolve("weak_models");
    try (Stream<Path> all = Files.walk(Path.of("models"))) {
      for (Path f : all.toList()) {
        Path to = models.resolve(Path.of("models").relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
        } else {
          Files.writeString(to, Files.readString(f).replace("fairness strong:", "fairness weak:"));
        }
      }
    }
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> files = Files.list(models)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".pool")).sorted().toList()) {
        String name = f.getFileName().toString().replace(".pool", "");
        tests.add(DynamicTest.dynamicTest(name, () -> crossCheck(
            Files.createDirectories(work.resolve("weak_" + name)), f,
            LivenessCase.livenessOf(f))));
      }
    }
    return tests.stream();
  }

  private static List<String> processes(String model) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("process (\\w+)").matcher(model);
    while (m.find()) out.add(m.group(1));
    return out;
  }

  private static void crossCheck(String name, String text) throws Exception {
    Path dir = Files.createDirectories(work.resolve(name));
    Path file = dir.resolve(name + ".pool");
    Files.writeString(file, text);
    crossCheck(dir, file, null);
  }

  /** Each liveness property: pan's verdict (an acceptance cycle or none) is poolcheck's. */
  private static void crossCheck(Path dir, Path file, Set<String> names) throws Exception {
    LivenessCase c = LivenessCase.load(file, names, 200_000);
    PromelaExport.File exported = PromelaExport.render(c.shape(), c.checked(), c.temporal(),
        false);
    assertEquals(List.of(), exported.dropped(), "weak fairness and none export exactly");
    // A directory per verifier: this class runs beside the others (junit-platform.properties).
    dir = Files.createTempDirectory(dir, "pan");
    Files.writeString(dir.resolve("model.pml"), exported.text());
    run(dir, "spin", "-o1", "-o2", "-a", "model.pml");
    // The -DNFAIR the export names: pan -f refuses to run with too few.
    Matcher nfair = Pattern.compile("-DNFAIR=\\d+").matcher(exported.text());
    assertTrue(nfair.find(), "the export names the -DNFAIR pan -f needs");
    run(dir, "gcc", "-O0", "-w", "-DNOREDUCE", nfair.group(), "-DVECTORSZ=4096", "-o", "pan",
        "pan.c");
    Map<String, Boolean> theirs = new LinkedHashMap<>();
    for (String p : c.violated().keySet()) {
      // A depth of 100,000 first: pan -a sets aside its whole stack (10 million deep: 0.5 GB
      // and 2 s a run, the most of this test's time on small models). A search cut at that
      // depth says "max search depth too small" and may miss the cycle: then the deep one.
      String pan = run(dir, "./pan", "-a", "-f", "-N", "L_" + p, "-m100000", "-w20");
      if (pan.contains("max search depth too small")) {
        pan = run(dir, "./pan", "-a", "-f", "-N", "L_" + p, "-m10000000", "-w20");
      }
      assertFalse(pan.contains("max search depth too small"), pan);
      boolean violated = errors(pan) > 0;
      if (violated) assertTrue(pan.contains("acceptance cycle"), pan);
      theirs.put(p, violated);
    }
    assertEquals(c.violated(), theirs, file.toString());
  }

  private static long errors(String pan) {
    Matcher m = Pattern.compile("errors: (\\d+)").matcher(pan);
    assertTrue(m.find(), pan);
    return Long.parseLong(m.group(1));
  }

  /** Runs a command in {@code dir}; its exit status must be 0, except pan's. */
  static String run(Path dir, String... command) throws IOException,
      InterruptedException {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), String.join(" ", command) + " hangs");
    if (!command[0].equals("./pan")) {
      assertEquals(0, p.exitValue(), String.join(" ", command) + ":\n" + out);
    }
    return out;
  }
}
