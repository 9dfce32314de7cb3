package poolcheck.simulate;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import poolcheck.result.Counterexample;
import poolcheck.result.TraceStep;
import poolcheck.system.PropertySelection;
import poolcheck.system.Stepper;
import poolcheck.system.Transition;
import poolcheck.system.TransitionSystem;

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

  private final TransitionSystem model;
  private final Stepper frame;
  private final int deadlock;
  private final Outcomes outcomes = new Outcomes();
  private final PropertySelection checked;

  Execution(TransitionSystem model, PropertySelection checked) {
    this.model = model;
    this.checked = checked;
    this.frame = model.stepper(checked);
    int id = model.property("deadlock").orElseThrow().id();
    this.deadlock = checked.checks(id) ? id : -1;
  }

  /** The process instance (its index among all instances) that takes this transition. */
  int instanceOf(int transition) {
    return model.transitions().get(transition).instanceIndex();
  }

  /** The run of {@code schedule}, or null when some step is not enabled where it is taken. */
  Result run(Schedule schedule) {
    outcomes.clear();
    frame.initialStates(outcomes);
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
      if (frame.violatedInvariant(s) >= 0) return null;
      Schedule.Choice c = steps.get(i);
      outcomes.clear();
      frame.successors(s, c.transition(), outcomes);
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
    int bad = frame.violatedInvariant(s);
    if (bad >= 0) return new Result(normal, states, bad, null);
    if (deadlock >= 0 && isStuck(s)) return new Result(normal, states, deadlock, null);
    return new Result(normal, states, -1, null);
  }

  private boolean isStuck(int[] s) {
    outcomes.clear();
    frame.successors(s, outcomes);
    return outcomes.all.isEmpty() && !frame.isFinal(s);
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
