package poolcheck.simulate;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import poolcheck.result.Counterexample;
import poolcheck.result.TraceStep;
import poolcheck.system.PropertySelection;
import poolcheck.system.Stepper;
import poolcheck.system.TransitionSystem;

/**
 * Shrinks a counterexample another search found (a swarm's depth-first trace, hundreds of steps
 * where a few dozen do) with the simulator's {@link Shrinker}: the trace is read back as the
 * {@link Schedule} that makes it, shrunk, and run again, so the result is a real run of the
 * model that breaks the same property, and never longer than the trace given.
 */
public final class TraceShrinking {
  private TraceShrinking() {}

  /**
   * {@code found} shrunk within {@code budget} steps executed; {@code found} itself when it
   * is no run of {@code model} without symmetry reduction (a trace of canonical states) or
   * nothing shorter breaks the property.
   */
  public static Counterexample shrink(TransitionSystem model, PropertySelection checked,
      Counterexample found, long budget) {
    TransitionSystem plain = model.withSymmetry(false);
    Schedule schedule = schedule(plain, checked, found);
    if (schedule == null) return found;
    Execution execution = new Execution(plain, checked);
    Execution.Result r = execution.run(schedule);
    int property = found.property().id();
    if (r == null || r.property() != property) return found;
    Execution.Result shrunk = new Shrinker(execution, property, budget).shrink(r);
    Counterexample cx = execution.counterexample(shrunk);
    return cx.length() <= found.length() ? cx : found;
  }

  /** The choices that make {@code cx}'s run, or null when some step is not a step of it. */
  static Schedule schedule(TransitionSystem model, PropertySelection checked,
      Counterexample cx) {
    Stepper frame = model.stepper(checked);
    Outcomes outcomes = new Outcomes();
    List<TraceStep> steps = cx.steps();
    frame.initialStates(outcomes);
    int[] first = model.state(steps.get(0).state());
    boolean last = steps.size() == 1;
    int initial = match(outcomes, first, last, cx.property().id());
    if (initial < 0) return null;
    int[] s = first;
    List<Schedule.Choice> choices = new ArrayList<>();
    for (int i = 1; i < steps.size(); i++) {
      TraceStep step = steps.get(i);
      if (step.transition() == null) return null;
      int t = step.transition().id();
      outcomes.clear();
      frame.successors(s, t, outcomes);
      int[] next = model.state(step.state());
      int k = match(outcomes, next, i == steps.size() - 1, cx.property().id());
      if (k < 0) return null;
      choices.add(new Schedule.Choice(t, outcomes.all.get(k).index()));
      s = next;
    }
    return new Schedule(initial, ImmutableList.copyOf(choices));
  }

  /**
   * The position among {@code outcomes} of the one that reaches {@code state}: on the trace's
   * last step a violation of {@code property} there first (an assertion breaks mid-step), else
   * a successor; -1 when none does.
   */
  private static int match(Outcomes outcomes, int[] state, boolean last, int property) {
    if (last) {
      for (int k = 0; k < outcomes.all.size(); k++) {
        Outcomes.Outcome o = outcomes.all.get(k);
        if (o.property() == property && Arrays.equals(o.state(), state)) return k;
      }
    }
    for (int k = 0; k < outcomes.all.size(); k++) {
      Outcomes.Outcome o = outcomes.all.get(k);
      if (!o.isViolation() && Arrays.equals(o.state(), state)) return k;
    }
    return -1;
  }
}
