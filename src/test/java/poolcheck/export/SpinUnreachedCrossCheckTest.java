package poolcheck.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Compiler;
import poolcheck.result.Coverage;
import poolcheck.explore.Explorer;
import poolcheck.language.ModelException;
import poolcheck.language.ModelLoader;
import poolcheck.language.ParsedModel;
import poolcheck.result.Verdict;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * SPIN's own unreached report, on an export with a SPIN state per step (--spin-coverage), lists
 * exactly the steps poolcheck reports unreached, instance by instance: on the shipped designs,
 * every exportable test model and random models. Both search the whole graph with only the
 * runtime checks on, so that no violation ends either search early.
 */
// SPIN and gcc do most of the work, in their own processes: beside the other classes. (junit-platform.properties)
@Execution(ExecutionMode.CONCURRENT)
class SpinUnreachedCrossCheckTest {
  private static final long MAX_STATES = 100_000;
  /** pan: "model.pml:28, state 5, "D_STEP28"". */
  private static final Pattern UNREACHED = Pattern.compile("model\\.pml:(\\d+), state \\d+, "
      + "\"D_STEP\\d+\"");
  /** The export's comment on a step's line: the instance, the label, maybe the path. */
  private static final Pattern STEP = Pattern.compile("d_step \\{ /\\* (\\S+) (\\w+)"
      + "( @\\w+)?(, path (\\d+) of (\\d+))? \\*/");

  @TempDir
  static Path work;

  @BeforeAll
  static void needsSpinAndGcc() {
    assumeTrue(installed("spin", "-V"), "spin is not installed");
    assumeTrue(installed("gcc", "--version"), "gcc is not installed");
  }

  /** The default tier: the guard typo and the reference design. */
  @TestFactory
  Stream<DynamicTest> spinReportsTheGuardTyposUnreachedStepsAndTheReferenceDesigns() {
    return Stream.of("src/test/resources/corpus/verified/coverage_guard_typo.pool",
        "models/page_pool_v6_12.pool").map(Path::of).map(f -> DynamicTest.dynamicTest(
            f.toString(), () -> {
              ExportedModels.Loaded m = ExportedModels.load(f);
              crossCheck(m, f.getFileName().toString().replace(".pool", ""));
            }));
  }

  @Tag("slow")
  @TestFactory
  Stream<DynamicTest> spinReportsTheStepsPoolcheckReportsUnreached() {
    return ExportedModels.files().stream().map(f -> DynamicTest.dynamicTest(f.toString(), () -> {
      ExportedModels.Loaded m = ExportedModels.load(f);
      assumeTrue(m != null, f + " is bad input on purpose");
      crossCheck(m, f.getFileName().toString().replace(".pool", ""));
    }));
  }

  @Tag("slow")
  @TestFactory
  Stream<DynamicTest> spinReportsTheStepsPoolcheckReportsUnreachedOnRandomModels() {
    return LongStream.rangeClosed(1, 12).mapToObj(seed -> DynamicTest.dynamicTest(
        "random model " + seed, () -> {
          ParsedModel parsed = ModelLoader.fromText("random_" + seed + ".pool",
              RandomModels.generate(seed));
          CompiledModel model = Compiler.compile(parsed).withSymmetry(false);
          crossCheck(new ExportedModels.Loaded(Path.of("random_" + seed), model,
              ModelShape.of(model, model.checked())), "random_" + seed);
        }));
  }

  private static void crossCheck(ExportedModels.Loaded m, String dir) throws Exception {
    Checked runtimeOnly = Checked.only(m.shape(), Set.of());
    String promela;
    try {
      promela = PromelaExport.renderWithStepStates(m.shape(), runtimeOnly);
    } catch (ModelException e) {
      assumeTrue(false, "not exportable: " + e.getMessage());
      return;
    }
    Explorer explorer = new Explorer(m.model()).maxStates(MAX_STATES).properties(Set.of());
    Verdict verdict = explorer.run().verdict();
    assumeTrue(verdict == Verdict.VERIFIED, m.file() + ": " + verdict
        + " with runtime checks only; coverage is compared on complete searches");
    Set<String> ours = new TreeSet<>();
    for (Coverage.Step s : explorer.coverage().steps()) {
      for (Coverage.Instance i : s.instances()) {
        if (i.taken() == 0) ours.add(i.instance() + " " + s.label());
      }
    }
    String pan = SpinCrossCheckTest.Spin.run(promela, work.resolve(dir), List.of()).output();
    assertTrue(pan.contains("errors: 0"), pan);
    assertEquals(ours, spinUnreached(promela, pan), pan);
    if (dir.equals("coverage_guard_typo")) {
      assertEquals(Set.of("reader put_ref", "reader take_ref", "reader use"), ours);
    }
  }

  /** The steps all of whose paths SPIN lists as unreached, as "instance label". */
  private static Set<String> spinUnreached(String promela, String pan) {
    List<String> lines = promela.lines().toList();
    Map<String, Integer> paths = new HashMap<>();
    Map<String, Integer> listed = new HashMap<>();
    for (String line : lines) {
      Matcher s = STEP.matcher(line);
      if (s.find()) paths.merge(s.group(1) + " " + s.group(2), 1, Integer::sum);
    }
    Matcher u = UNREACHED.matcher(pan);
    while (u.find()) {
      Matcher s = STEP.matcher(lines.get(Integer.parseInt(u.group(1)) - 1));
      assertTrue(s.find(), "SPIN lists a d_step that is no step: line " + u.group(1));
      listed.merge(s.group(1) + " " + s.group(2), 1, Integer::sum);
    }
    Set<String> out = new TreeSet<>();
    listed.forEach((step, n) -> {
      if (n.equals(paths.get(step))) out.add(step);
    });
    return out;
  }

  private static boolean installed(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
