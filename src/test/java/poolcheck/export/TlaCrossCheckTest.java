package poolcheck.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Compiler;
import poolcheck.compile.ModelShape;
import poolcheck.explore.Explorer;
import poolcheck.language.ModelLoader;
import poolcheck.language.ParsedModel;
import poolcheck.result.CheckResult;
import poolcheck.result.Counterexample;
import poolcheck.result.Verdict;

/**
 * The TLA+ export explored by {@link TlaSubset}, a breadth-first search over the subset of TLA+
 * the exporter writes, must agree with poolcheck: the same distinct-state count for a verified
 * model (one TLA+ state per model state, as TLC would count), the same violated property and
 * trace length otherwise.
 */
class TlaCrossCheckTest {
  private static final long MAX_STATES = 50_000;

  @TestFactory
  Stream<DynamicTest> tlaExportExploresLikePoolcheck() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path f : ExportedModels.files()) {
      tests.add(DynamicTest.dynamicTest(f.toString(), () -> {
        ExportedModels.Loaded m = ExportedModels.load(f);
        assumeTrue(m != null, f + " is bad input on purpose");
        crossCheck(m, false);
      }));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> tlaExportExploresLikePoolcheckOnRandomModels() {
    return LongStream.rangeClosed(1, 30).mapToObj(seed -> DynamicTest.dynamicTest(
        "random model " + seed, () -> {
          ParsedModel parsed = ModelLoader.fromText("random_" + seed + ".pool",
              RandomModels.generate(seed));
          CompiledModel model = Compiler.compile(parsed);
          crossCheck(new ExportedModels.Loaded(Path.of("random_" + seed), model,
              ModelShape.of(model, parsed)), true);
        }));
  }

  private static void crossCheck(ExportedModels.Loaded m, boolean ties) throws Exception {
    CheckResult ours = new Explorer(m.model()).maxStates(MAX_STATES).run();
    assumeTrue(ours.verdict() == Verdict.VERIFIED || ours.verdict() == Verdict.VIOLATED,
        "more than " + MAX_STATES + " states");
    TlaExport.Files files = TlaExport.render(m.shape(), "M");
    List<String> invariants = new ArrayList<>();
    for (String line : files.config().lines().toList()) {
      if (line.startsWith("INVARIANT ")) invariants.add(line.substring("INVARIANT ".length()));
    }
    TlaSubset.Outcome tla = TlaSubset.parse(files.module()).explore(invariants,
        files.config().contains("CHECK_DEADLOCK TRUE"), MAX_STATES);
    if (ours.verdict() == Verdict.VERIFIED) {
      assertEquals(null, tla.violation(), "TLA+ finds a violation poolcheck does not");
      assertEquals(ours.statistics().distinct(), tla.distinct(), "distinct states");
      return;
    }
    Counterexample cx = ours.counterexample().orElseThrow();
    if (!ties || cx.property().name().equals(tla.violation())) {
      assertEquals(cx.property().name(), tla.violation());
    }
    assertEquals(cx.length(), tla.length(), "trace length");
  }
}
