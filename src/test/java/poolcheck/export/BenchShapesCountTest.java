package poolcheck.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import poolcheck.explore.Explorer;
import poolcheck.result.CheckResult;
import poolcheck.result.Verdict;

/**
 * The four benchmark shapes of models/bench (the SPIN table of docs/performance.md) are one
 * model in three languages: poolcheck, SPIN on the hand-written Promela and the TLA+ stand-in
 * for TLC on the hand-written module each count exactly the same distinct states, at sizes a
 * test can afford (models/bench/spin-table.sh compares them at millions of states). Three
 * counters only: the stand-in's functions of small numbers hash alike, so it is slow on them.
 */
@Tag("slow")
class BenchShapesCountTest {
  private static final Path BENCH = Path.of("models/bench");

  @TempDir
  static Path work;

  record Shape(String name, Map<String, String> constants, long states) {
    @Override
    public String toString() {
      return name + " " + constants;
    }
  }

  static Stream<Shape> shapes() {
    return Stream.of(
        new Shape("counters", Map.of("N", "3"), 4_096),
        new Shape("two_phase", Map.of("RMS", "5"), 8_832),
        new Shape("filter", Map.of("N", "4"), 9_272),
        new Shape("recycle", ordered("PAGES", "5", "RING", "3", "CPUS", "2", "ROUNDS", "2"),
            18_080));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void poolcheckCountsEveryShapeExactly(Shape s) throws IOException {
    ExportedModels.Loaded m = ExportedModels.load(BENCH.resolve(s.name() + ".pool"),
        s.constants());
    CheckResult r = new Explorer(m.model()).workers(1).fingerprints(false).run();
    assertEquals(Verdict.VERIFIED, r.verdict());
    assertEquals(s.states(), r.statistics().distinct());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void theTlaModuleHasTheSameStatesAndItsInvariantsHold(Shape s) throws IOException {
    String module = Files.readString(BENCH.resolve(s.name() + ".tla"));
    Configuration cfg = Configuration.read(BENCH.resolve(s.name() + ".cfg"));
    assertTrue(cfg.constants().keySet().containsAll(s.constants().keySet()), cfg.toString());
    // TLC takes the constants from the configuration; the stand-in reads them as definitions.
    StringBuilder text = new StringBuilder(module);
    Map<String, String> values = new LinkedHashMap<>(cfg.constants());
    values.putAll(s.constants());
    values.forEach((k, v) -> text.append('\n').append(k).append(" == ").append(v).append('\n'));
    TlaSubset.Outcome o = TlaSubset.parse(text.toString())
        .explore(cfg.invariants(), true, Long.MAX_VALUE);
    assertNull(o.violation(), s + ": " + o);
    assertEquals(s.states(), o.distinct());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void spinStoresTheSameStates(Shape s) throws Exception {
    assumeTrue(SpinCrossCheckTest.installed("spin", "-V"),
        "spin is not installed: SPIN's counts of models/bench not compared");
    assumeTrue(SpinCrossCheckTest.installed("gcc", "--version"),
        "gcc is not installed: SPIN's counts of models/bench not compared");
    Path dir = Files.createDirectories(work.resolve(s.name()));
    List<String> spin = new ArrayList<>(List.of("spin"));
    s.constants().forEach((k, v) -> spin.add("-D" + k + "=" + v));
    spin.addAll(List.of("-a", BENCH.resolve(s.name() + ".pml").toAbsolutePath().toString()));
    SpinLivenessCrossCheckTest.run(dir, spin.toArray(String[]::new));
    SpinLivenessCrossCheckTest.run(dir, "gcc", "-O2", "-w", "-DSAFETY", "-DNOREDUCE", "-o", "pan",
        "pan.c");
    // -m: depth-first on counters goes as deep as there are states
    String pan = SpinLivenessCrossCheckTest.run(dir, "./pan", "-m1000000", "-w20");
    assertEquals(0, number("errors: (\\d+)", pan), pan);
    assertEquals(s.states(), number("(\\d+) states, stored", pan), pan);
  }

  /** The constants and invariants of a TLC configuration file. */
  record Configuration(Map<String, String> constants, List<String> invariants) {
    private static final Set<String> KEYWORDS = Set.of("CONSTANT", "CONSTANTS", "INIT", "NEXT",
        "SPECIFICATION", "INVARIANT", "INVARIANTS", "PROPERTY", "PROPERTIES");

    static Configuration read(Path file) throws IOException {
      Map<String, String> constants = new LinkedHashMap<>();
      List<String> invariants = new ArrayList<>();
      String section = "";
      for (String line : Files.readAllLines(file)) {
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("\\*")) continue;
        String[] words = t.split("\\s+");
        if (KEYWORDS.contains(words[0])) {
          section = words[0];
          words = Arrays.copyOfRange(words, 1, words.length);
        }
        if (section.startsWith("CONSTANT") && words.length == 3 && words[1].equals("=")) {
          constants.put(words[0], words[2]);
        } else if (section.startsWith("INVARIANT")) {
          invariants.addAll(List.of(words));
        }
      }
      return new Configuration(constants, invariants);
    }
  }

  private static Map<String, String> ordered(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) m.put(pairs[i], pairs[i + 1]);
    return m;
  }

  private static long number(String pattern, String text) {
    Matcher m = Pattern.compile(pattern).matcher(text);
    assertTrue(m.find(), "no '" + pattern + "' in:\n" + text);
    return Long.parseLong(m.group(1));
  }
}
