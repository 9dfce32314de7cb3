package poolcheck.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import poolcheck.result.CheckResult;
import poolcheck.simulate.SimulationResult;
import poolcheck.trace.CoverageJson;
import poolcheck.trace.CoverageTable;
import poolcheck.trace.JsonResult;
import poolcheck.trace.TextTrace;

/**
 * The outcome of an exhaustive check or a simulation, as values (verdict, statistics,
 * counterexample, coverage), in the documented formats (text, JSON, ITF, ...), and with
 * assertions for tests. A failed assertion is an AssertionError whose message holds the trace
 * and, for a simulation, the seed.
 */
public final class ModelCheckResult {
  private final CheckResult result;
  private final SimulationResult simulation;
  /** Null where the run did not count (several searches for all violations). */
  private final poolcheck.result.Coverage coverage;
  private final List<ModelCheckResult> violations;
  /** A bitstate search's figures, else null. */
  private BitstateFigures bitstate;
  /** A swarm's figures, else null. */
  private SwarmFigures swarm;

  private ModelCheckResult(CheckResult result, SimulationResult simulation,
      poolcheck.result.Coverage coverage, List<CheckResult> violations) {
    this.result = result;
    this.simulation = simulation;
    this.coverage = coverage;
    this.violations = violations.stream().map(v -> v == result ? this
        : new ModelCheckResult(v, null, null, List.of())).toList();
  }

  static ModelCheckResult of(CheckResult r, poolcheck.result.Coverage coverage,
      List<CheckResult> violations) {
    return new ModelCheckResult(r, null, coverage, violations);
  }

  /** As above, for a bitstate search with its bit array's figures. */
  static ModelCheckResult of(CheckResult r, poolcheck.result.Coverage coverage,
      List<CheckResult> violations, BitstateFigures bits) {
    ModelCheckResult m = new ModelCheckResult(r, null, coverage, violations);
    m.bitstate = bits;
    return m;
  }

  /** A swarm's result, with what its searches did. */
  static ModelCheckResult of(CheckResult r, List<CheckResult> violations, SwarmFigures swarm) {
    ModelCheckResult m = new ModelCheckResult(r, null, null, violations);
    m.swarm = swarm;
    return m;
  }

  static ModelCheckResult of(SimulationResult r, poolcheck.result.Coverage coverage) {
    CheckResult c = r.toCheckResult();
    return new ModelCheckResult(c, r, coverage, r.violated() ? List.of(c) : List.of());
  }

  /** VIOLATED, VERIFIED (exhaustive only), INCOMPLETE (a limit, or a simulation that found none). */
  public Verdict verdict() {
    return Values.verdict(result.verdict());
  }

  public Statistics statistics() {
    return Values.statistics(result.statistics());
  }

  /** The model's name. */
  public String model() {
    return result.model();
  }

  /** Every constant's value in this run, in declaration order. */
  public Map<String, Integer> constants() {
    return result.constants();
  }

  /** The properties that were checked. */
  public List<String> checked() {
    return result.checked();
  }

  /** Why an incomplete run stopped ("state limit 5 reached"), or null. */
  public String reason() {
    return result.reason();
  }

  /** The trace, shrunk for a simulation, shortest for an exhaustive check. */
  public Optional<Counterexample> counterexample() {
    return result.counterexample().map(Values::counterexample);
  }

  /**
   * Every violation found, in the order found: this result alone for a single search that
   * found one, each property's for a search for all violations, none when nothing broke.
   */
  public List<ModelCheckResult> violations() {
    return violations;
  }

  /** What the run exercised; empty for a search for all violations. */
  public Optional<Coverage> coverage() {
    return Optional.ofNullable(coverage).map(Values::coverage);
  }

  /** The coverage as the table {@code --coverage} prints (empty when there is none). */
  public String coverageTable() {
    return coverage == null ? "" : CoverageTable.render(coverage);
  }

  /**
   * A bitstate search's coverage figures (empty for an exhaustive search). A bitstate search
   * that finds no violation is INCOMPLETE, never VERIFIED, with {@code finished} true.
   */
  public Optional<BitstateFigures> bitstate() {
    return Optional.ofNullable(bitstate);
  }

  /**
   * A swarm's figures (empty for any other search). A swarm that finds no violation is
   * INCOMPLETE, never VERIFIED, with {@code finished} true when every search ran to its end.
   */
  public Optional<SwarmFigures> swarm() {
    return Optional.ofNullable(swarm);
  }

  /** The seed of a simulation. */
  public OptionalLong seed() {
    return simulation == null ? OptionalLong.empty() : OptionalLong.of(simulation.seed());
  }

  /** What a simulation did: runs, steps, the failing run and its seed. */
  public Optional<SimulationFigures> simulation() {
    return Optional.ofNullable(simulation).map(SimulationFigures::of);
  }

  /** The counterexample in {@code format} (a violation only). */
  public String renderTrace(TraceFormat format) {
    if (result.counterexample().isEmpty()) {
      throw new IllegalStateException("no counterexample: " + describe());
    }
    return format.engine().render(result);
  }

  /**
   * The result as the JSON document {@code --json} writes (docs/json.md), with the coverage when
   * there is one and, for a simulation, what it takes to repeat it.
   */
  public String json() {
    ObjectNode root = JsonResult.tree(result);
    if (coverage != null) {
      CoverageJson.put(root, coverage, simulation != null ? !simulation.violated()
          : result.verdict() == poolcheck.result.Verdict.VERIFIED);
    }
    if (bitstate != null) {
      ObjectNode b = root.putObject("bitstate");
      b.put("bits", bitstate.bits());
      b.put("hash_functions", bitstate.hashFunctions());
      b.put("stored", bitstate.stored());
      b.put("hash_factor", bitstate.hashFactor());
      b.put("fill_ratio", bitstate.fillRatio());
      b.put("expected_missed", bitstate.expectedMissed());
      b.put("estimated_coverage", bitstate.coverage());
      b.put("finished", bitstate.finished());
    }
    if (swarm != null) putSwarm(root.putObject("swarm"));
    if (simulation == null) return JsonResult.render(root);
    SimulationResult r = simulation;
    ObjectNode sim = root.putObject("simulation");
    sim.put("seed", r.seed());
    sim.put("runs", r.runs());
    sim.put("depth", r.depth());
    sim.put("runs_done", r.runsDone());
    sim.put("steps", r.steps());
    if (r.violated()) {
      sim.put("failing_run", r.failingRun());
      sim.put("run_seed", r.runSeed());
      sim.put("found_length", r.foundLength());
    }
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void putSwarm(ObjectNode w) {
    w.put("searches", swarm.searches());
    w.put("seed", swarm.seed());
    w.put("threads", swarm.threads());
    w.put("bits_per_search", swarm.bitsPerSearch());
    w.put("hash_functions", swarm.hashFunctions());
    w.put("depth_bound", swarm.depthBound());
    w.put("union_estimate", swarm.unionEstimate());
    w.put("stored_in_all", swarm.storedInAll());
    w.put("finished", swarm.finished());
    if (swarm.foundBy() >= 0) {
      w.put("found_by", swarm.foundBy());
      w.put("found_length", swarm.foundLength());
    }
    var list = w.putArray("per_search");
    for (SwarmFigures.Search s : swarm.perSearch()) {
      ObjectNode o = list.addObject();
      o.put("index", s.index());
      o.put("seed", s.seed());
      o.put("stored", s.stored());
      o.put("generated", s.generated());
      o.put("deepest", s.deepest());
      o.put("truncated", s.truncated());
      o.put("finished", s.finished());
      o.put("fill_ratio", s.fillRatio());
    }
  }

  public ModelCheckResult assertHolds() {
    boolean ok = simulation != null ? !simulation.violated()
        : result.verdict() == poolcheck.result.Verdict.VERIFIED;
    if (!ok) throw new AssertionError("expected every checked property to hold, but " + describe());
    return this;
  }

  public ModelCheckResult assertViolates(String property) {
    Optional<poolcheck.result.Counterexample> cx = result.counterexample();
    if (cx.isEmpty() || !cx.get().property().name().equals(property)) {
      throw new AssertionError("expected a violation of " + property + ", but " + describe());
    }
    return this;
  }

  /** What happened, in words, with the trace and how to reproduce it. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    Optional<poolcheck.result.Counterexample> cx = result.counterexample();
    if (cx.isPresent()) {
      poolcheck.result.Counterexample c = cx.get();
      out.append(c.property().name()).append(" (").append(c.property().kind().name()
          .toLowerCase(Locale.ROOT)).append(") is violated in ").append(c.length())
          .append(" steps");
    } else if (simulation != null) {
      out.append(simulation.noViolation());
    } else {
      out.append(result.verdict().name().toLowerCase(Locale.ROOT));
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
