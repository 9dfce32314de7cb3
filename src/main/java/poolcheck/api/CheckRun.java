package poolcheck.api;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import poolcheck.compile.CompiledModel;
import poolcheck.system.Property;
import poolcheck.explore.AllViolations;
import poolcheck.explore.Explorer;
import poolcheck.explore.FewestSwitches;
import poolcheck.explore.swarm.Swarm;
import poolcheck.explore.swarm.SwarmResult;
import poolcheck.result.CheckResult;
import poolcheck.result.Counterexample;
import poolcheck.result.Coverage;
import poolcheck.result.Verdict;
import poolcheck.simulate.TraceShrinking;

/**
 * An exhaustive search ready to run on a loaded model: {@link #model()} says what was loaded,
 * {@link #run()} searches (once), {@link #stop()} asks a running search to end early with what
 * it has (an INTERRUPTED result), from any thread.
 */
public final class CheckRun {
  private final ModelSource.Loaded loaded;
  private final CompiledModel model;
  private final PropertySelection selection;
  private final CheckOptions options;
  private final SearchProgress progress;
  private final String digest;
  private final Explorer explorer;
  private final AllViolations all;
  /** A swarm instead of the explorer, under {@code swarm}; else null. */
  private final Swarm swarm;
  private final Consumer<String> warnings;
  /** Every explorer made for this run (all violations makes one per search). */
  private final List<Explorer> explorers = new ArrayList<>();
  /** Steps executed while shrinking a swarm's trace: some seconds at most, as simulate's. */
  private static final long SHRINK_BUDGET = 20_000_000;

  CheckRun(ModelSource source, PropertySelection selection, CheckOptions options,
      SearchProgress progress, Consumer<String> warnings) {
    this.loaded = source.load();
    this.model = loaded.compiled().withSymmetry(options.symmetry())
        .withBytecode(options.bytecode());
    if (options.symmetry()) model.warnings().forEach(w -> warnings.accept(w.renderWarning()));
    this.selection = selection;
    this.options = options;
    this.progress = progress;
    this.warnings = warnings;
    Set<String> names = selection.resolve(model);
    if (options.bitstateBytes() != null || options.swarm() != null) {
      names = safetyOnly(names, warnings, options.swarm() != null ? "swarm" : "bitstate");
    }
    this.digest = options.checkpoint() != null || options.resume() != null ? source.digest()
        : null;
    this.explorer = explorer(names);
    this.all = options.allViolations() ? new AllViolations(this::explorer, new LinkedHashSet<>(
        explorer.checkedNames().stream().filter(n -> model.property(n).orElseThrow().kind()
            != Property.Kind.RUNTIME).toList())) : null;
    this.swarm = options.swarm() == null ? null : swarm(names, options.seed() != null
        ? options.seed() : Simulation.defaultSeed());
  }

  /** A swarm configured from the options, checking {@code names}, from {@code seed}. */
  private Swarm swarm(Set<String> names, long seed) {
    Swarm s = new Swarm(model, EngineOptions.swarm(options, names, selection.deadlock(), seed));
    if (progress != null) {
      int searches = options.swarm();
      s.progress((finished, running, stored, generated, millis) -> progress.swarm(finished,
          running, searches, stored, generated, millis));
    }
    return s;
  }

  /** Whether the steps run as generated JVM bytecode (false under {@code bytecode(false)}). */
  public boolean runsBytecode() {
    return model.runsBytecode();
  }

  public ModelInfo model() {
    return loaded.info();
  }

  /** Asks the search to stop at the next state; run() then returns what it has. */
  public void stop() {
    if (swarm != null) {
      swarm.stop();
    } else if (all != null) {
      all.stop();
    } else {
      explorer.stop();
    }
  }

  /**
   * Searches. With {@code allViolations} the result's {@link ModelCheckResult#violations()}
   * holds every violated property's result and it has no coverage. An I/O failure of spill,
   * trace-log or checkpoint files is an UncheckedIOException whose cause names the file.
   */
  public ModelCheckResult run() {
    if (swarm != null) return runSwarm();
    List<CheckResult> violations;
    CheckResult r;
    if (all != null) {
      AllViolations.Report report = all.run();
      violations = report.violations();
      r = report.last();
    } else {
      r = explorer.run();
      violations = r.verdict() == Verdict.VIOLATED ? List.of(r) : List.of();
    }
    if (options.fewestSwitches()) {
      // Each run's own checked set: all violations switches found properties off, and an
      // assertion still on would block paths that run took.
      violations = violations.stream().map(v -> withTrace(v, new FewestSwitches(model,
          Set.copyOf(v.checked())).find(v.counterexample().orElseThrow()).explainedBy(model,
          v.checked()))).toList();
      if (all == null && !violations.isEmpty()) r = violations.get(0);
    }
    for (Explorer e : explorers) {
      e.liftFailures().forEach(f -> warnings.accept("poolcheck: warning: the lasso found under "
          + "symmetry reduction did not lift to the model: " + f));
    }
    // All violations runs several searches, none over every property: no coverage for it.
    Coverage coverage = all == null ? explorer.coverage() : null;
    var bits = explorer.bitstate();
    if (bits != null) {
      return ModelCheckResult.of(r, coverage, violations, BitstateFigures.of(bits,
          Explorer.NO_VIOLATION_IN_BITSTATE.equals(r.reason())));
    }
    return ModelCheckResult.of(r, coverage, violations);
  }

  /** Runs the swarm; its trace, found depth first, is shrunk as a simulation's is. */
  private ModelCheckResult runSwarm() {
    SwarmResult found = swarm.run();
    CheckResult r = found.result();
    int foundLength = r.counterexample().map(Counterexample::length).orElse(-1);
    if (r.counterexample().isPresent()) {
      r = withTrace(r, TraceShrinking.shrink(model, swarm.selection(),
          r.counterexample().get(), SHRINK_BUDGET));
    }
    return ModelCheckResult.of(r, r.verdict() == Verdict.VIOLATED ? List.of(r) : List.of(),
        SwarmFigures.of(found, foundLength));
  }

  /** An explorer configured from the options, checking {@code names} (null: every property). */
  private Explorer explorer(Set<String> names) {
    Explorer e = new Explorer(model, EngineOptions.of(options, names, selection.deadlock(),
        digest));
    explorers.add(e);
    if (progress != null) {
      e.progress(new ProgressRelay(progress));
    }
    return e;
  }

  /**
   * A bitstate search checks safety only: every property when none was named, less the
   * liveness ones (said in a warning); a liveness property named is refused.
   */
  private Set<String> safetyOnly(Set<String> names, Consumer<String> warnings, String option) {
    List<String> liveness = model.properties().stream()
        .filter(p -> p.kind() == Property.Kind.LIVENESS).map(Property::name).toList();
    if (names == null) {
      if (!liveness.isEmpty()) {
        warnings.accept("poolcheck: --" + option + " checks safety only; not checked: "
            + String.join(", ", liveness));
      }
      return new LinkedHashSet<>(model.properties().stream()
          .filter(p -> p.kind() != Property.Kind.LIVENESS && p.kind() != Property.Kind.RUNTIME)
          .map(Property::name).toList());
    }
    List<String> named = names.stream().filter(liveness::contains).toList();
    if (!named.isEmpty()) {
      throw new InvalidOptionException(option, n -> n.apply(option)
          + " checks safety only: liveness needs every state (" + String.join(", ", named)
          + ")");
    }
    return names;
  }

  private static CheckResult withTrace(CheckResult r, Counterexample cx) {
    return new CheckResult(r.model(), r.constants(), r.checked(), r.verdict(), r.statistics(),
        Optional.of(cx), r.reason());
  }
}
