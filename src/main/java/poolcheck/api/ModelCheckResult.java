package poolcheck.api;

import java.util.Optional;
import java.util.OptionalLong;
import poolcheck.result.CheckResult;
import poolcheck.result.Counterexample;
import poolcheck.result.Verdict;
import poolcheck.simulate.SimulationResult;
import poolcheck.trace.TextTrace;

/**
 * The outcome of an exhaustive check or a simulation, with assertions for tests. A failed
 * assertion is an AssertionError whose message holds the trace and, for a simulation, the seed.
 */
public final class ModelCheckResult {
  private final CheckResult result;
  private final SimulationResult simulation;

  private ModelCheckResult(CheckResult result, SimulationResult simulation) {
    this.result = result;
    this.simulation = simulation;
  }

  static ModelCheckResult of(CheckResult r) {
    return new ModelCheckResult(r, null);
  }

  static ModelCheckResult of(SimulationResult r) {
    return new ModelCheckResult(r.toCheckResult(), r);
  }

  /** VIOLATED, VERIFIED (exhaustive only), INCOMPLETE (a limit, or a simulation that found none). */
  public Verdict verdict() {
    return result.verdict();
  }

  public CheckResult checkResult() {
    return result;
  }

  /** The trace, shrunk for a simulation, shortest for an exhaustive check. */
  public Optional<Counterexample> counterexample() {
    return result.counterexample();
  }

  /** The seed of a simulation. */
  public OptionalLong seed() {
    return simulation == null ? OptionalLong.empty() : OptionalLong.of(simulation.seed());
  }

  public ModelCheckResult assertHolds() {
    boolean ok = simulation != null ? !simulation.violated() : verdict() == Verdict.VERIFIED;
    if (!ok) throw new AssertionError("expected every checked property to hold, but " + describe());
    return this;
  }

  public ModelCheckResult assertViolates(String property) {
    Optional<Counterexample> cx = counterexample();
    if (cx.isEmpty()) {
      throw new AssertionError("expected a violation of " + property + ", but " + describe());
    }
    if (!cx.get().property().name().equals(property)) {
      throw new AssertionError("expected a violation of " + property + ", but "
          + describe());
    }
    return this;
  }

  /** What happened, in words, with the trace and how to reproduce it. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    Optional<Counterexample> cx = counterexample();
    if (cx.isPresent()) {
      Counterexample c = cx.get();
      out.append(c.property().name()).append(" (").append(c.property().kind().name()
          .toLowerCase(java.util.Locale.ROOT)).append(") is violated in ").append(c.length())
          .append(" steps");
    } else if (simulation != null) {
      out.append(simulation.noViolation());
    } else {
      out.append(result.verdict().name().toLowerCase(java.util.Locale.ROOT));
      if (result.reason() != null) out.append(": ").append(result.reason());
    }
    out.append(" (model ").append(result.model()).append(' ').append(result.constants());
    if (simulation != null) {
      out.append(", seed ").append(simulation.seed());
      if (simulation.violated()) {
        out.append("; reproduce with .seed(").append(simulation.seed()).append(")");
      }
    }
    out.append(')');
    cx.ifPresent(c -> out.append('\n').append(TextTrace.render(c)));
    return out.toString();
  }

  @Override
  public String toString() {
    return describe();
  }
}
