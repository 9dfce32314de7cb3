package poolcheck.simulate;

import com.google.common.collect.ImmutableList;

/**
 * A run as the choices that make it: which initial state, then per step which transition and
 * which of its outcomes (a step with either/choose has several). Replaying the choices on the
 * same model reproduces the run exactly; shrinking edits the choices.
 */
public record Schedule(int initial, ImmutableList<Choice> steps) {
  /** One step: a transition id and the index of the outcome it takes among that step's. */
  public record Choice(int transition, int outcome) {}

  public int length() {
    return steps.size();
  }

  public Schedule withSteps(java.util.List<Choice> newSteps) {
    return new Schedule(initial, ImmutableList.copyOf(newSteps));
  }
}
