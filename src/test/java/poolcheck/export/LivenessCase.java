package poolcheck.export;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Compiler;
import poolcheck.explore.Explorer;
import poolcheck.explore.liveness.LivenessChecker;
import poolcheck.language.ModelLoader;
import poolcheck.language.ParsedModel;
import poolcheck.result.Counterexample;
import poolcheck.result.Verdict;
import poolcheck.system.Property;
import poolcheck.system.PropertySelection;

/**
 * A model and poolcheck's liveness verdicts on it, as the SPIN and TLA+ liveness cross-checks
 * compare them: the properties {@code check --property} would select (all when null), the
 * safety part of them verified first, as the checker checks liveness only then (a case whose
 * safety check fails or exceeds the limit is skipped).
 */
record LivenessCase(CompiledModel model, ModelShape shape, Temporal temporal, Checked checked,
    Map<String, Boolean> violated, int distinct) {
  static LivenessCase load(Path file, Set<String> names, long maxStates) throws Exception {
    ParsedModel parsed = ModelLoader.load(file);
    CompiledModel model = Compiler.compile(parsed, Map.of()).withSymmetry(false);
    ModelShape shape = ModelShape.of(model, model.checked());
    Checked checked = names == null ? Checked.all(shape) : Checked.only(shape, names);
    var safety = new Explorer(model).maxStates(maxStates).properties(checked.names()).run();
    assumeTrue(safety.verdict() == Verdict.VERIFIED, file + ": safety " + safety.verdict());
    PropertySelection selection = PropertySelection.of(model, names, checked.covers("deadlock"));
    LivenessChecker checker = new LivenessChecker(model, selection);
    Counterexample[] found = checker.checkEach(selection);
    Map<String, Boolean> violated = new LinkedHashMap<>();
    for (Property p : model.properties()) {
      if (checked.leadsTo().contains(p.name())) violated.put(p.name(), found[p.id()] != null);
    }
    assumeTrue(!violated.isEmpty(), file + " has no liveness property");
    return new LivenessCase(model, shape, Temporal.of(model.checked()), checked, violated,
        checker.distinct());
  }

  /** The model's liveness properties alone (runtime errors stay checked): shipped designs. */
  static Set<String> livenessOf(Path file) throws Exception {
    CompiledModel model = Compiler.compile(ModelLoader.load(file), Map.of());
    return model.properties().stream().filter(p -> p.kind() == Property.Kind.LIVENESS)
        .map(Property::name).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }
}
