package poolcheck.simulate;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Frame;
import poolcheck.system.Transition;
import poolcheck.result.Counterexample;
import poolcheck.result.TraceStep;

/**
 * Runs a schedule on a model. An outcome index beyond a step's outcomes wraps around (modulo), so
 * that a shrunk schedule whose earlier steps changed still names some outcome; the run records
 * the indices actually taken, which is the schedule's normal form.
 */
final class Execution {
  /**
   * A schedule that ran to its end. {@code property} is what broke at the end (-1: nothing);
   * {@code violationState} is the state at the moment an assertion or runtime check failed, null
   * when the last state itself is the evidence (invariant, deadlock).
   */
  record Result(Schedule schedule, List<int[]> states, int property, int[] violationState) {}

  private final CompiledModel model;
  private final Frame frame;
  private final int deadlock;
  private final Outcomes outcomes = new Outcomes();
  private final boolean[] checked;

  Execution(CompiledModel model, boolean[] checked) {
    this.model = model;
    this.checked = checked.clone();
    this.frame = model.newFrame(checked);
    int id = model.property("deadlock").orElseThrow().id();
    this.deadlock = checked[id] ? id : -1;
  }

  /** The run of {@code schedule}, or null when some step is not enabled where it is taken. */
  Result run(Schedule schedule) {
    outcomes.clear();
    model.initialStates(frame, outcomes);
    if (outcomes.all.isEmpty()) return null;
    Outcomes.Outcome first = outcomes.all.get(Math.floorMod(schedule.initial(),
        outcomes.all.size()));
    int initial = outcomes.all.indexOf(first);
    List<Schedule.Choice> taken = new ArrayList<>();
    List<int[]> states = new ArrayList<>();
    if (first.isViolation()) {
      if (!schedule.steps().isEmpty()) return null;
      return new Result(new Schedule(initial, ImmutableList.of()), states, first.property(),
          first.state());
    }
    int[] s = first.state();
    states.add(s);
    List<Schedule.Choice> steps = schedule.steps();
    for (int i = 0; i < steps.size(); i++) {
      if (model.violatedInvariant(s, frame) >= 0) return null;
      Schedule.Choice c = steps.get(i);
      outcomes.clear();
      model.successors(s, c.transition(), frame, outcomes);
      if (outcomes.all.isEmpty()) return null;
      Outcomes.Outcome o = outcomes.all.get(Math.floorMod(c.outcome(), outcomes.all.size()));
      taken.add(new Schedule.Choice(c.transition(), o.index()));
      if (o.isViolation()) {
        if (i != steps.size() - 1) return null;
        return new Result(new Schedule(initial, ImmutableList.copyOf(taken)), states,
            o.property(), o.state());
      }
      s = o.state();
      states.add(s);
    }
    Schedule normal = new Schedule(initial, ImmutableList.copyOf(taken));
    int bad = model.violatedInvariant(s, frame);
    if (bad >= 0) return new Result(normal, states, bad, null);
    if (deadlock >= 0 && isStuck(s)) return new Result(normal, states, deadlock, null);
    return new Result(normal, states, -1, null);
  }

  private boolean isStuck(int[] s) {
    outcomes.clear();
    model.successors(s, frame, outcomes);
    return outcomes.all.isEmpty() && !model.isFinal(s, frame);
  }

  /** The trace people and exporters read, in the shape the explorer reports. */
  Counterexample counterexample(Result r) {
    List<TraceStep> out = new ArrayList<>();
    List<Schedule.Choice> steps = r.schedule().steps();
    for (int i = 0; i < r.states().size(); i++) {
      Transition t = i == 0 ? null : model.transitions().get(steps.get(i - 1).transition());
      out.add(new TraceStep(t, model.view(r.states().get(i))));
    }
    if (r.violationState() != null) {
      Transition t = steps.isEmpty() ? null
          : model.transitions().get(steps.get(steps.size() - 1).transition());
      out.add(new TraceStep(t, model.view(r.violationState())));
    }
    return new Counterexample(model.properties().get(r.property()), ImmutableList.copyOf(out))
        .explainedBy(model, checked);
  }
}
