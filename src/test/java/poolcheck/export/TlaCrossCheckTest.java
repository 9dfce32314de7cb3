package poolcheck.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Compiler;
import poolcheck.compile.ModelShape;
import poolcheck.system.Property;
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
        crossCheck(m, null, false);
      }));
    }
    return tests.stream();
  }

  /**
   * The shipped models one property at a time: complete state spaces of the real models. A
   * cross-check at size (about 20 s), so in the slow tier.
   */
  @org.junit.jupiter.api.Tag("slow")
  @TestFactory
  Stream<DynamicTest> tlaExportExploresLikePoolcheckOnEachPropertyOfTheShippedModels()
      throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path f : ExportedModels.files()) {
      if (!f.startsWith("models")) continue;
      ExportedModels.Loaded m = ExportedModels.load(f);
      if (m == null) continue;
      for (Property p : m.model().properties()) {
        if (p.kind() == Property.Kind.RUNTIME || !Checked.exportable(p)) continue;
        tests.add(DynamicTest.dynamicTest(f + " --property " + p.name(),
            () -> crossCheck(m, Set.of(p.name()), false)));
      }
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
              ModelShape.of(model, parsed)), null, true);
        }));
  }

  /** {@code properties} null checks all; {@code ties} as in the SPIN cross-check. */
  private static void crossCheck(ExportedModels.Loaded m, Set<String> properties, boolean ties)
      throws Exception {
    Checked checked = properties == null ? Checked.all(m.shape())
        : Checked.only(m.shape(), properties);
    // Exactly what the export checks: liveness, for one, has no export.
    Explorer explorer = new Explorer(m.model()).maxStates(MAX_STATES).properties(checked.names());
    CheckResult ours = explorer.run();
    assumeTrue(ours.verdict() == Verdict.VERIFIED || ours.verdict() == Verdict.VIOLATED,
        "more than " + MAX_STATES + " states");
    TlaExport.Files files = TlaExport.render(m.shape(), "M", checked);
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
