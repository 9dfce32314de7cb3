package poolcheck.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import poolcheck.models.ShippedDesigns;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Compiler;
import poolcheck.system.Property;
import poolcheck.explore.EachProperty;
import poolcheck.explore.Explorer;
import poolcheck.explore.SearchOptions;
import poolcheck.language.ModelLoader;
import poolcheck.language.ParsedModel;
import poolcheck.result.CheckResult;
import poolcheck.result.Counterexample;
import poolcheck.result.Verdict;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The TLA+ export explored by {@link TlaSubset}, a breadth-first search over the subset of TLA+
 * the exporter writes, must agree with poolcheck: the same distinct-state count for a verified
 * model (one TLA+ state per model state, as TLC would count), the same violated property and
 * trace length otherwise.
 */
// Builds and explores its own models, shares nothing: beside the other classes. (junit-platform.properties)
@Execution(ExecutionMode.CONCURRENT)
class TlaCrossCheckTest {
  private static final long MAX_STATES = 50_000;

  /**
   * Every exported model but the shipped designs outside {@link ShippedDesigns#sample()}: those
   * grow with each design shipped, and the slow tier takes them.
   */
  @TestFactory
  Stream<DynamicTest> tlaExportExploresLikePoolcheck() {
    List<Path> others = ShippedDesigns.rest();
    return crossCheckEach(ExportedModels.files().stream().filter(f -> !others.contains(f))
        .toList());
  }

  @org.junit.jupiter.api.Tag("slow")
  @TestFactory
  Stream<DynamicTest> tlaExportExploresLikePoolcheckOnTheOtherShippedDesigns() {
    return crossCheckEach(ShippedDesigns.rest());
  }

  private static Stream<DynamicTest> crossCheckEach(List<Path> files) {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path f : files) {
      tests.add(DynamicTest.dynamicTest(f.toString(), () -> {
        ExportedModels.Loaded m = ExportedModels.load(f);
        assumeTrue(m != null, f + " is bad input on purpose");
        crossCheck(m, null, false);
      }));
    }
    return tests.stream();
  }

  /**
   * The shipped models property by property: complete state spaces of the real models. The
   * properties that hold are checked together, in one search each side: none of them ever
   * fires, so checking them together stores the same states as checking each alone, and the
   * count must still be exact. Each violated one (or one a runtime error stops) alone, for its
   * own trace length. Which is which comes from one {@link EachProperty} search per design. A
   * cross-check at size (minutes), so in the slow tier.
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
      List<Property> exported = new ArrayList<>();
      for (Property p : m.model().properties()) {
        if (p.kind() != Property.Kind.RUNTIME && Checked.exportable(p)) exported.add(p);
      }
      EachProperty.Report each = new EachProperty(m.model(), SearchOptions.reproducible()
          .withMaxStates(MAX_STATES).withProperties(exported.stream().map(Property::name)
              .toList())).run();
      Set<String> holding = new TreeSet<>();
      Set<String> unknown = new TreeSet<>();
      for (int i = 0; i < exported.size(); i++) {
        Property p = exported.get(i);
        Verdict v = each.properties().get(i).verdict();
        if (v == Verdict.VERIFIED) {
          holding.add(p.name());
        } else if (v != Verdict.VIOLATED) {
          unknown.add(p.name());
        } else {
          tests.add(DynamicTest.dynamicTest(f + " --property " + p.name(),
              () -> crossCheck(m, Set.of(p.name()), false)));
        }
      }
      if (!unknown.isEmpty()) {
        tests.add(DynamicTest.dynamicTest(f + " --property " + String.join(",", unknown),
            () -> assumeTrue(false, "more than " + MAX_STATES + " states")));
      }
      if (!holding.isEmpty()) {
        tests.add(DynamicTest.dynamicTest(f + " --property " + String.join(",", holding),
            () -> crossCheck(m, holding, false)));
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
              ModelShape.of(model, model.checked())), null, true);
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
