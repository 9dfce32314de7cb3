package poolcheck.simulate;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import poolcheck.result.Counterexample;
import poolcheck.system.Counts;
import poolcheck.system.Property;
import poolcheck.system.PropertySelection;
import poolcheck.system.Stepper;
import poolcheck.system.TransitionSystem;

/**
 * Random walks from the initial states, as deep as exhaustive search cannot go. Run i is seeded
 * with seed + i, so a run can be repeated alone. At every state all
 * transitions are computed; if any outcome breaks a checked property (an assertion, a runtime
 * error, an invariant of a successor) the run ends there, otherwise it moves to a random enabled
 * transition, then a random one of that transition's outcomes. The first violation is shrunk
 * and reported.
 */
public final class Simulator {
  private final TransitionSystem model;
  private PropertySelection checked;
  private java.util.Collection<String> names;
  private boolean deadlock = true;
  /** Steps executed while shrinking, over all candidates: some seconds at most. */
  private long shrinkBudget = 20_000_000;
  /** How often the runs chose each transition; with the frame's counts, the coverage. */
  private long[] chosen;
  private Counts counts;
  private final java.util.concurrent.atomic.AtomicBoolean stop =
      new java.util.concurrent.atomic.AtomicBoolean();

  public Simulator(TransitionSystem model) {
    // A walk stores no states, so symmetry reduction saves nothing, and its canonical states
    // would make a trace that is no run of the model.
    this.model = model.withSymmetry(false);
    this.checked = PropertySelection.all(model);
  }

  /** Checks only the named properties (runtime errors are always checked), as the explorer. */
  public Simulator properties(Set<String> names) {
    this.names = names;
    this.checked = PropertySelection.of(model, names, deadlock);
    return this;
  }

  public Simulator deadlock(boolean check) {
    this.deadlock = check;
    this.checked = PropertySelection.of(model, names, deadlock);
    return this;
  }

  /** Most steps executed while shrinking; 0 reports the run as found. */
  public Simulator shrinkBudget(long steps) {
    this.shrinkBudget = steps;
    return this;
  }

  /** Asks a running simulation to stop after the run under way; see interrupted(). */
  public void stop() {
    stop.set(true);
  }

  public ImmutableList<String> checkedNames() {
    return checked.names();
  }

  public SimulationResult run(int runs, int depth, long seed) {
    if (runs < 1 || depth < 0) throw new IllegalArgumentException("runs >= 1 and depth >= 0");
    long start = System.currentTimeMillis();
    Stepper frame = model.stepper(checked);
    chosen = new long[model.transitions().size()];
    Outcomes outcomes = new Outcomes();
    int deadlock = model.property("deadlock").orElseThrow().id();
    long steps = 0;
    int done = 0;
    for (int run = 0; run < runs && !stop.get(); run++) {
      // Run i is seeded with seed + i, so that --seed (seed + i) --runs 1 repeats it alone.
      long runSeed = seed + run;
      Walk w = walk(new SplittableRandom(runSeed), depth, frame, outcomes, deadlock);
      if (w == null) break; // stopped midway: the run does not count
      steps += w.steps().size();
      countCoverage(frame);
      done++;
      if (w.property() >= 0) {
        Schedule found = new Schedule(w.initial(), ImmutableList.copyOf(w.steps()));
        Execution execution = new Execution(model, checked);
        Execution.Result r = execution.run(found);
        if (r == null || r.property() != w.property()) {
          throw new IllegalStateException("a simulated run does not replay: " + found);
        }
        Execution.Result shrunk = new Shrinker(execution, w.property(), shrinkBudget).shrink(r);
        Counterexample cx = execution.counterexample(shrunk);
        return new SimulationResult(model.name(), model.constants(), checkedNames(), seed, runs,
            depth, run + 1, steps, System.currentTimeMillis() - start, Optional.of(cx),
            Optional.of(shrunk.schedule()), run, runSeed, found.length());
      }
    }
    return new SimulationResult(model.name(), model.constants(), checkedNames(), seed, runs,
        depth, done, steps, System.currentTimeMillis() - start, Optional.empty(),
        Optional.empty(), -1, 0, -1);
  }

  /**
   * Coverage of the runs so far: enabled counts the states the runs passed through where a step
   * was enabled, taken the times a run chose it (a violating last step included). Null before
   * {@link #run}.
   */
  public poolcheck.result.Coverage coverage() {
    if (counts == null) return null;
    int deadlock = model.property("deadlock").orElseThrow().id();
    return poolcheck.result.Coverage.of(model, counts, java.util.Set.copyOf(checkedNames()),
        checked.checks(deadlock));
  }

  private void countCoverage(Stepper frame) {
    counts = frame.counts().copy();
    counts.clearTaken();
    for (int t = 0; t < chosen.length; t++) counts.addTaken(t, chosen[t]);
  }

  /** One run's choices and what it broke (-1: nothing within the depth). */
  private record Walk(int initial, List<Schedule.Choice> steps, int property) {}

  private Walk walk(SplittableRandom rng, int depth, Stepper frame, Outcomes outcomes,
      int deadlock) {
    List<Schedule.Choice> steps = new ArrayList<>();
    outcomes.clear();
    frame.initialStates(outcomes);
    if (outcomes.all.isEmpty()) return new Walk(0, steps, -1);
    List<Outcomes.Outcome> bad = broken(outcomes.all, frame);
    if (!bad.isEmpty()) {
      Outcomes.Outcome o = bad.get(rng.nextInt(bad.size()));
      return new Walk(outcomes.all.indexOf(o), steps, propertyOf(o, frame));
    }
    int initial = rng.nextInt(outcomes.all.size());
    int[] s = outcomes.all.get(initial).state();
    List<Integer> enabled = new ArrayList<>();
    for (int d = 0; d < depth; d++) {
      if ((d & 0x3FF) == 0x3FF && stop.get()) return null;
      outcomes.clear();
      frame.successors(s, outcomes);
      if (outcomes.all.isEmpty()) {
        boolean stuck = checked.checks(deadlock) && !frame.isFinal(s);
        return new Walk(initial, steps, stuck ? deadlock : -1);
      }
      bad = broken(outcomes.all, frame);
      if (!bad.isEmpty()) {
        Outcomes.Outcome o = bad.get(rng.nextInt(bad.size()));
        steps.add(new Schedule.Choice(o.transition(), o.index()));
        chosen[o.transition()]++;
        return new Walk(initial, steps, propertyOf(o, frame));
      }
      // Uniform over transitions first, so a step with many outcomes is not favoured.
      enabled.clear();
      for (int i = 0; i < outcomes.all.size(); i++) {
        if (outcomes.all.get(i).index() == 0) enabled.add(i);
      }
      int from = enabled.get(rng.nextInt(enabled.size()));
      int t = outcomes.all.get(from).transition();
      int to = from;
      while (to < outcomes.all.size() && outcomes.all.get(to).transition() == t) to++;
      Outcomes.Outcome o = outcomes.all.get(from + rng.nextInt(to - from));
      steps.add(new Schedule.Choice(t, o.index()));
      chosen[t]++;
      s = o.state();
    }
    // The depth is reached: the last state may still deadlock.
    outcomes.clear();
    frame.successors(s, outcomes);
    boolean stuck = outcomes.all.isEmpty() && checked.checks(deadlock) && !frame.isFinal(s);
    return new Walk(initial, steps, stuck ? deadlock : -1);
  }

  /** The outcomes that end a run: violations, and successors that break an invariant. */
  private List<Outcomes.Outcome> broken(List<Outcomes.Outcome> all, Stepper frame) {
    List<Outcomes.Outcome> out = new ArrayList<>();
    for (Outcomes.Outcome o : all) {
      if (o.isViolation() || frame.violatedInvariant(o.state()) >= 0) out.add(o);
    }
    return out;
  }

  private int propertyOf(Outcomes.Outcome o, Stepper frame) {
    return o.isViolation() ? o.property() : frame.violatedInvariant(o.state());
  }
}
