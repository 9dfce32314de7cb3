package poolcheck.simulate;

import java.util.ArrayList;
import java.util.List;
import poolcheck.simulate.Schedule.Choice;

/**
 * Reduces a failing schedule to a locally minimal one that breaks the same property: every step
 * of one process instance at a time, ddmin over its steps, then single-step removals, then simpler choices (the first initial state, the
 * first outcome of a step, a lower-numbered transition), repeated until nothing changes. Every
 * candidate is run: it is kept only if each step is enabled where it is taken and the run ends
 * by breaking the same property, so the result is always a real counterexample.
 */
final class Shrinker {
  private final Execution execution;
  private final int property;
  /** Bounds the work on long schedules: steps executed over all attempts. */
  private long budget;

  Shrinker(Execution execution, int property, long budget) {
    this.execution = execution;
    this.property = property;
    this.budget = budget;
  }

  Execution.Result shrink(Execution.Result failing) {
    // ddmin's current candidate is always its last success, so that is the best so far even
    // if the budget runs out part-way.
    Execution.Result[] lastSuccess = {withoutIdleInstances(failing)};
    Schedule trimmed = lastSuccess[0].schedule();
    DeltaDebugging.minimize(trimmed.steps(), steps -> {
      Execution.Result r = attempt(trimmed.withSteps(steps));
      if (r != null) lastSuccess[0] = r;
      return r != null;
    });
    Execution.Result best = lastSuccess[0];
    boolean changed = true;
    while (changed && budget > 0) {
      changed = false;
      for (int i = 0; i < best.schedule().length() && budget > 0; i++) {
        List<Choice> fewer = new ArrayList<>(best.schedule().steps());
        fewer.remove(i);
        Execution.Result shorter = attempt(best.schedule().withSteps(fewer));
        if (shorter != null) {
          best = shorter;
          changed = true;
          i--;
        }
      }
      Execution.Result fewer = withoutIdleInstances(best);
      if (fewer != best) {
        best = fewer;
        changed = true;
      }
      Execution.Result simpler = simplify(best);
      if (simpler != best) {
        best = simpler;
        changed = true;
      }
    }
    return best;
  }

  /**
   * Drops every step of one process instance at a time. A reader that plays no part in the
   * violation takes several steps, each enabled only after the one before, so ddmin and
   * single-step removal (which need a run with that one step gone to stay enabled) keep them
   * all; removing them together does not.
   */
  private Execution.Result withoutIdleInstances(Execution.Result from) {
    Execution.Result best = from;
    java.util.SortedSet<Integer> instances = new java.util.TreeSet<>();
    for (Choice c : best.schedule().steps()) instances.add(execution.instanceOf(c.transition()));
    for (int instance : instances) {
      if (budget <= 0) break;
      List<Choice> others = new ArrayList<>();
      for (Choice c : best.schedule().steps()) {
        if (execution.instanceOf(c.transition()) != instance) others.add(c);
      }
      if (others.size() == best.schedule().length()) continue;
      Execution.Result r = attempt(best.schedule().withSteps(others));
      if (r != null) best = r;
    }
    return best;
  }

  private Execution.Result simplify(Execution.Result from) {
    Execution.Result best = from;
    if (best.schedule().initial() != 0) {
      Execution.Result r = attempt(new Schedule(0, best.schedule().steps()));
      if (r != null) best = r;
    }
    for (int i = 0; i < best.schedule().length() && budget > 0; i++) {
      Choice c = best.schedule().steps().get(i);
      if (c.outcome() != 0) {
        Execution.Result r = attempt(replace(best.schedule(), i, new Choice(c.transition(), 0)));
        if (r != null) {
          best = r;
          c = best.schedule().steps().get(i);
        }
      }
      for (int t = 0; t < c.transition() && budget > 0; t++) {
        Execution.Result r = attempt(replace(best.schedule(), i, new Choice(t, c.outcome())));
        if (r != null) {
          best = r;
          break;
        }
      }
    }
    return best;
  }

  private static Schedule replace(Schedule s, int i, Choice c) {
    List<Choice> steps = new ArrayList<>(s.steps());
    steps.set(i, c);
    return s.withSteps(steps);
  }

  /** The run if the candidate still breaks the property, else null. */
  private Execution.Result attempt(Schedule candidate) {
    if (budget <= 0) return null;
    budget -= candidate.length() + 1;
    Execution.Result r = execution.run(candidate);
    return r != null && r.property() == property ? r : null;
  }
}
