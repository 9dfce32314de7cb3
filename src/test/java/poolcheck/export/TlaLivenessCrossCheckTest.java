package poolcheck.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TLA+ export's liveness part (PROPERTY formulas, WF_vars/SF_vars per instance, SPECIFICATION
 * Spec) must mean what poolcheck checks: {@link TlaLiveness} decides each PROPERTY from the
 * exported text alone, on the graph {@link TlaSubset} explores, and must give poolcheck's
 * verdict and state count. A stand-in for TLC's liveness check, as TlaSubset is for its safety
 * check: no TLC runs here.
 */
class TlaLivenessCrossCheckTest {
  @TempDir
  static Path work;

  /** Every assignment of no, weak and strong fairness to the processes of the small models. */
  @TestFactory
  Stream<DynamicTest> tlaAndPoolcheckGiveTheSameVerdictsUnderEveryFairness() {
    List<DynamicTest> tests = new ArrayList<>();
    for (var e : SpinLivenessCrossCheckTest.MODELS.entrySet()) {
      List<String> processes = new ArrayList<>();
      Matcher m = Pattern.compile("process (\\w+)").matcher(e.getValue());
      while (m.find()) processes.add(m.group(1));
      int variants = (int) Math.pow(3, processes.size());
      for (int v = 0; v < variants; v++) {
        StringBuilder text = new StringBuilder(e.getValue());
        StringBuilder name = new StringBuilder(e.getKey());
        int code = v;
        for (String p : processes) {
          String kind = List.of("none", "weak", "strong").get(code % 3);
          code /= 3;
          name.append('_').append(p).append('_').append(kind);
          if (!kind.equals("none")) text.append("fairness ").append(kind).append(": ").append(p)
              .append(";\n");
        }
        tests.add(DynamicTest.dynamicTest(name.toString(), () -> {
          Path file = Files.createDirectories(work.resolve(name.toString()))
              .resolve(name + ".pool");
          Files.writeString(file, text.toString());
          crossCheck(file);
        }));
      }
    }
    return tests.stream();
  }

  /** The liveness test models, the vacuous corpus model (a weakly fair step to itself). */
  @TestFactory
  Stream<DynamicTest> tlaAgreesOnTheLivenessModels() {
    return Stream.of("src/test/resources/models/starving_mutex.pool",
        "src/test/resources/models/unfair_setter.pool",
        "src/test/resources/corpus/verified/coverage_vacuous.pool")
        .map(f -> DynamicTest.dynamicTest(f, () -> crossCheck(Path.of(f))));
  }

  /**
   * The shipped designs at their defaults (their small configs), strong fairness on every
   * process, their liveness properties alone (runtime errors still checked), as check
   * --property runs them: the designs reproduce bugs, so their assertions would stop the
   * check before liveness.
   */
  @Tag("slow")
  @TestFactory
  Stream<DynamicTest> tlaAgreesOnTheShippedDesigns() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("models"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".pool")).sorted().toList()) {
        tests.add(DynamicTest.dynamicTest(f.toString(),
            () -> crossCheck(f, LivenessCase.livenessOf(f))));
      }
    }
    return tests.stream();
  }

  private static final int MAX_STATES = 40_000;

  private static void crossCheck(Path file) throws Exception {
    crossCheck(file, null);
  }

  private static void crossCheck(Path file, Set<String> names) throws Exception {
    LivenessCase c = LivenessCase.load(file, names, MAX_STATES);
    assumeTrue(c.distinct() <= MAX_STATES, file + ": too large for TlaSubset");
    TlaExport.Files files = TlaExport.render(c.shape(), "M", c.checked(), c.temporal());
    TlaLiveness tla = TlaLiveness.of(files.module());
    assertEquals(c.distinct(), tla.distinct(), "states of the TLA+ graph");
    assertEquals(c.violated(), tla.violated(files.config()), file + "\n" + files.module());
  }
}
