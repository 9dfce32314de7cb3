package poolcheck.explore;

import com.google.common.collect.ImmutableList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import poolcheck.explore.liveness.LivenessChecker;
import poolcheck.explore.store.Disk;
import poolcheck.result.CheckResult;
import poolcheck.result.Counterexample;
import poolcheck.result.Coverage;
import poolcheck.result.Statistics;
import poolcheck.result.Verdict;
import poolcheck.system.Counts;
import poolcheck.system.Property;
import poolcheck.system.PropertySelection;
import poolcheck.system.TransitionSystem;

/**
 * Decides every selected property in one breadth-first search, each as if it had been checked
 * alone (TLC's {@code -continue}): for each, the verdict and the shortest trace that a search
 * checking only it (and the runtime errors) finds with the same options.
 *
 * <p>The search runs over the states reached with only the runtime errors checked: a checked
 * assertion ends its step, so a search checking property A does not store what a step breaking A
 * leads to, and a search for B does; the unchecked space is what every search for one property
 * shares up to the level of that property's first violation. Beside each expansion, a
 * {@link Tally} asks whether a still undecided property fails there, and when one does, asks the
 * stepper of each undecided property alone what that property's own search would meet first. A
 * runtime error of the model ends every search, so it decides every property not decided in an
 * earlier level (or earlier in the same level) as "stopped by" it.
 *
 * <p>The state count of a property's result is that of the unchecked space at the end of the
 * level that decided it: for an invariant or deadlock the same as its own search; for an
 * assertion possibly more (its own search drops the successors of the steps that break it).
 */
public final class EachProperty {
  /**
   * The run over the unchecked space, and each selected property's result in id order.
   * {@code liftFailures}: as {@link Explorer#liftFailures}, empty unless a lifted lasso failed
   * its check and the unreduced graph decided.
   */
  public record Report(CheckResult reachable, ImmutableList<CheckResult> properties,
      ImmutableList<String> liftFailures) {}

  private final TransitionSystem given;
  private final SearchOptions options;
  /** The chance of a fingerprint collision in the liveness graph of the last run. */
  private double livenessCollisions;
  /** How the liveness check ended when it did not decide: interrupted, or the graph too large. */
  private Verdict livenessCut;
  private final AtomicBoolean stop = new AtomicBoolean();
  private Counts counts;

  public EachProperty(TransitionSystem system, SearchOptions options) {
    this.given = system;
    this.options = options;
  }

  /** Asks a running search to stop at the next state; undecided properties are then INTERRUPTED. */
  public void stop() {
    stop.set(true);
  }

  public Report run() {
    TransitionSystem system = system();
    PropertySelection plain = PropertySelection.of(system, Set.of(), false);
    PropertySelection selected = PropertySelection.of(system, options.properties(),
        options.deadlock());
    Map<Property, PropertySelection> alone = new LinkedHashMap<>();
    for (Property p : system.properties()) {
      if (p.kind() != Property.Kind.RUNTIME && selected.checks(p.id())) {
        alone.put(p, PropertySelection.of(system, Set.of(p.name()), true));
      }
    }
    Tally tally = new Tally(system, alone);
    LevelSearch search = new LevelSearch(system, plain, options, Explorer.Progress.NONE,
        Disk.REAL, stop, tally);
    CheckResult reach = explained(system, plain, search.run());
    counts = search.counts();
    Counterexample[] lassos = null;
    ImmutableList<String> liftFailures = ImmutableList.of();
    livenessCollisions = 0;
    String liveness = null;
    livenessCut = null;
    boolean anyLiveness = alone.keySet().stream()
        .anyMatch(p -> p.kind() == Property.Kind.LIVENESS);
    if (reach.verdict() == Verdict.VERIFIED && anyLiveness) {
      // each one's own search checks it on the whole graph once its safety part passed: the
      // unchecked space, since a leads-to property stops no step; one graph serves them all
      PropertySelection live = PropertySelection.of(system, alone.keySet().stream()
          .filter(p -> p.kind() == Property.Kind.LIVENESS).map(Property::name).toList(), false);
      try {
        LivenessChecker checker = new LivenessChecker(system, live)
            .exact(options.store() == SearchOptions.Store.EXACT).threads(options.workers())
            .spill(options.spillDir(), options.frontierMemory(), Disk.REAL).stopWhen(stop::get);
        lassos = checker.checkEach(live);
        liftFailures = ImmutableList.copyOf(checker.liftFailures());
        livenessCollisions = checker.collisionProbability();
      } catch (LivenessChecker.Stopped e) {
        liveness = "interrupted during the liveness check";
        livenessCut = Verdict.INTERRUPTED;
      } catch (LivenessChecker.TooLarge e) {
        liveness = e.getMessage();
        livenessCut = Verdict.INCOMPLETE;
      } catch (java.io.UncheckedIOException e) {
        liveness = e.getMessage() + ": " + e.getCause().getMessage();
        livenessCut = Verdict.INCOMPLETE;
      }
    }
    ImmutableList.Builder<CheckResult> out = ImmutableList.builder();
    for (Map.Entry<Property, PropertySelection> e : alone.entrySet()) {
      out.add(result(reach, e.getKey(), e.getValue(), tally, lassos, liveness));
    }
    return new Report(reach, out.build(), liftFailures);
  }

  /** What the unchecked run exercised, as {@link Explorer#coverage()} gives it for that run. */
  public Coverage coverage() {
    if (counts == null) return null;
    PropertySelection plain = PropertySelection.of(given, Set.of(), false);
    return Coverage.of(given, counts, Set.copyOf(plain.names()), false);
  }

  private CheckResult result(CheckResult reach, Property p, PropertySelection sel, Tally tally,
      Counterexample[] lassos, String liveness) {
    Tally.Decision d = tally.decision(p.id());
    if (d != null) {
      Statistics s = reach.statistics();
      return new CheckResult(reach.model(), reach.constants(), sel.names(), Verdict.VIOLATED,
          new Statistics(d.generated(), d.distinct(), d.event().length(), s.millis(),
              s.workers(), s.bytesPerState(), s.collisionProbability()),
          Optional.of(explain(system(), sel, d.trace())), null);
    }
    Verdict verdict = reach.verdict();
    Optional<Counterexample> trace = Optional.empty();
    String reason = reach.reason();
    if (verdict == Verdict.VIOLATED) {
      throw new IllegalStateException("a runtime error left " + p.name() + " undecided");
    }
    Statistics statistics = reach.statistics();
    if (verdict == Verdict.VERIFIED && p.kind() == Property.Kind.LIVENESS) {
      statistics = Explorer.withLivenessCollisions(statistics, livenessCollisions);
      if (liveness != null) {
        verdict = livenessCut;
        reason = liveness;
      } else if (lassos[p.id()] != null) {
        verdict = Verdict.VIOLATED;
        trace = Optional.of(lassos[p.id()]);
      }
    }
    return new CheckResult(reach.model(), reach.constants(), sel.names(), verdict,
        statistics, trace, reason);
  }

  private TransitionSystem system() {
    return options.symmetry() ? given : given.withSymmetry(false);
  }

  private static CheckResult explained(TransitionSystem system, PropertySelection checked,
      CheckResult r) {
    return new CheckResult(r.model(), r.constants(), r.checked(), r.verdict(), r.statistics(),
        r.counterexample().map(cx -> explain(system, checked, cx)), r.reason());
  }

  /** As {@link Explorer} ends a trace: a run of the model, its failure in words. */
  private static Counterexample explain(TransitionSystem system, PropertySelection checked,
      Counterexample cx) {
    Counterexample run = system.reducesSymmetry()
        ? Concretizer.concretize(system, cx, checked) : cx;
    return run.explainedBy(system, checked);
  }
}
