package poolcheck.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import poolcheck.system.Property;
import poolcheck.system.PropertySelection;
import poolcheck.system.StateView;
import poolcheck.system.Stepper;
import poolcheck.system.SuccessorSink;
import poolcheck.system.Transition;
import poolcheck.system.TransitionSystem;

/**
 * Re-executes a recorded trace on a model: the first state must be initial, each step must be an
 * enabled step of the named instance producing the recorded state, and the last step must break
 * the recorded property. Independent of the explorer, so it checks the explorer's traces.
 */
public final class Replay {
  /** ok, or the first step (0 = initial state) that does not match and why. */
  public record Outcome(boolean ok, int step, String message) {
    static Outcome failure(int step, String message) {
      return new Outcome(false, step, message);
    }
  }

  private Replay() {}

  public static Outcome check(TransitionSystem reduced, JsonTrace.Recorded trace) {
    // a trace is a run of the model itself, whatever reduction found it
    TransitionSystem model = reduced.withSymmetry(false);
    List<JsonTrace.Step> steps = trace.steps();
    if (steps.isEmpty()) return Outcome.failure(0, "the trace has no states");
    Optional<Property> property = model.property(trace.property());
    if (property.isEmpty()) {
      return Outcome.failure(steps.size() - 1, "the model has no property '" + trace.property()
          + "'");
    }
    // Check what the search that found the trace checked: an unchecked assert is skipped, so
    // with every assertion on a step on the way to an invariant's violation can break another
    // assertion first, and with fewer on a step can run past an assert's failing evaluation.
    PropertySelection checked = PropertySelection.of(model, trace.checked(), true)
        .with(property.get().id());
    Stepper frame = model.stepper(checked);
    int[] current;
    try {
      current = model.state(steps.get(0).state());
    } catch (IllegalArgumentException e) {
      return Outcome.failure(0, "the initial state does not fit the model: " + e.getMessage());
    }
    Collector init = new Collector();
    frame.initialStates(init);
    int[] first = current;
    boolean initialViolation = init.violations.stream()
        .anyMatch(v -> v.property == property.get().id() && Arrays.equals(v.state, first));
    if (!init.contains(current) && !(steps.size() == 1 && initialViolation)) {
      return Outcome.failure(0, "the first state is not an initial state of the model"
          + (init.successors.isEmpty() ? ""
              : ": " + difference(model, nearest(init.successors, current), current)));
    }
    if (steps.size() == 1 && initialViolation) {
      // init itself broke the property: no step to run, and the state is init's partial one.
      return new Outcome(true, 0, property.get().name() + " breaks in init");
    }
    Property.Kind kind = property.get().kind();
    if (steps.size() == 1 && initialViolation
        && (kind == Property.Kind.ASSERTION || kind == Property.Kind.RUNTIME)) {
      return new Outcome(true, 0, property.get().name() + " breaks in the init block");
    }
    for (int i = 1; i < steps.size(); i++) {
      JsonTrace.Step step = steps.get(i);
      Optional<Transition> t = model.transitions().stream()
          .filter(x -> x.instance().equals(step.process()) && x.label().equals(step.label()))
          .findFirst();
      if (step.process() != null && t.isEmpty()) {
        return Outcome.failure(i, "the model has no step '" + step.label() + "' in "
            + step.process() + " (its steps: " + String.join(", ", model.transitions().stream()
                .filter(x -> x.instance().equals(step.process())).map(Transition::label)
                .toList()) + ")");
      }
      int[] recorded;
      try {
        recorded = model.state(step.state());
      } catch (IllegalArgumentException e) {
        return Outcome.failure(i, "the recorded state does not fit the model: " + e.getMessage());
      }
      boolean last = i == steps.size() - 1;
      if (step.process() == null) {
        // A trace from another tool (ITF without poolcheck's #meta): any step that fits will do.
        int[] from = current;
        Optional<Transition> any = model.transitions().stream()
            .filter(x -> matches(model, from, x, frame, recorded, property.get(), last))
            .findFirst();
        if (any.isEmpty()) {
          return Outcome.failure(i, "no step of the model leads from state " + (i - 1)
              + " to the recorded state " + i);
        }
        Collector c = new Collector();
        frame.successors(current, any.get().id(), c);
        if (!c.contains(recorded)) {
          return new Outcome(true, i, property.get().name() + " breaks in step " + i);
        }
        current = recorded;
        continue;
      }
      String name = step.process() + " " + step.label();
      Collector c = new Collector();
      frame.successors(current, t.get().id(), c);
      // The state at a failing assert can equal a successor of the same step (another branch
      // that did not fail), so on the last step the recorded violation is looked for first.
      if (last && property.get().kind() != poolcheck.system.Property.Kind.LIVENESS
          && c.violations.stream().anyMatch(v -> v.property == property.get().id()
          && Arrays.equals(v.state, recorded))) {
        return new Outcome(true, i, property.get().name() + " breaks in step " + i);
      }
      if (c.contains(recorded)) {
        current = recorded;
        continue;
      }
      if (c.successors.isEmpty() && c.violations.isEmpty()) {
        return Outcome.failure(i, name + " is not enabled in the state after step " + (i - 1)
            + (i - 1 == 0 ? " (the initial state)" : ""));
      }
      if (c.successors.isEmpty()) {
        return Outcome.failure(i, name + " now breaks "
            + model.properties().get(c.violations.get(0).property).name()
            + " instead of producing the recorded state");
      }
      return Outcome.failure(i, name + " no longer produces the recorded state: "
          + difference(model, nearest(c.successors, recorded), recorded));
    }
    switch (property.get().kind()) {
      case INVARIANT, RUNTIME -> {
        // A runtime error in the last state comes from evaluating an invariant there (a[i] out
        // of range, x / 0), so every invariant is evaluated: an error inside a step ended the
        // trace in the loop above.
        Stepper invariants = property.get().kind() == Property.Kind.RUNTIME
            ? model.stepper(PropertySelection.all(model)) : frame;
        int bad = invariants.violatedInvariant(current);
        return bad == property.get().id()
            ? new Outcome(true, steps.size() - 1, property.get().name() + " is violated")
            : Outcome.failure(steps.size() - 1, "the trace no longer ends in a violation: "
                + "the last state satisfies " + property.get().name());
      }
      case LIVENESS -> {
        return LassoCheck.check(model, frame, trace, property.get());
      }
      case DEADLOCK -> {
        Collector c = new Collector();
        frame.successors(current, c);
        boolean stuck = c.successors.isEmpty() && c.violations.isEmpty();
        return stuck && !frame.isFinal(current)
            ? new Outcome(true, steps.size() - 1, "deadlock")
            : Outcome.failure(steps.size() - 1, "the last state is not a deadlock");
      }
      default -> {
        // A runtime error can also break while an invariant is evaluated in the last state.
        if (property.get().kind() == Property.Kind.RUNTIME
            && frame.violatedInvariant(current) == property.get().id()) {
          return new Outcome(true, steps.size() - 1, property.get().name()
              + " breaks while an invariant is evaluated");
        }
        return Outcome.failure(steps.size() - 1, "the trace ends without breaking "
            + property.get().name());
      }
    }
  }

  private static boolean matches(TransitionSystem model, int[] from, Transition t, Stepper frame,
      int[] recorded, Property property, boolean last) {
    Collector c = new Collector();
    frame.successors(from, t.id(), c);
    return c.contains(recorded) || (last && c.violations.stream()
        .anyMatch(v -> v.property == property.id() && Arrays.equals(v.state, recorded)));
  }

  /** The successor that differs from the recorded state in the fewest slots. */
  private static int[] nearest(List<int[]> successors, int[] recorded) {
    int[] best = successors.get(0);
    int bestDiff = Integer.MAX_VALUE;
    for (int[] s : successors) {
      int d = 0;
      for (int k = 0; k < s.length; k++) if (s[k] != recorded[k]) d++;
      if (d < bestDiff) {
        bestDiff = d;
        best = s;
      }
    }
    return best;
  }

  /** "counter is 2 in the model, 1 in the trace; cpu[0].pc is ..." */
  private static String difference(TransitionSystem model, int[] actual, int[] recorded) {
    StateView a = model.view(actual);
    StateView r = model.view(recorded);
    List<String> parts = new ArrayList<>();
    for (String name : StateDiff.changed(r, a)) {
      parts.add(name + " is " + a.get(name) + " in the model, " + r.get(name) + " in the trace");
    }
    return String.join("; ", parts);
  }

  /** A recorded state as the model sees it, for callers that hold a view. */
  public static int[] state(TransitionSystem model, StateView view) {
    return model.state(view);
  }

  private static final class Collector implements SuccessorSink {
    record Broken(int property, int[] state) {}

    final List<int[]> successors = new ArrayList<>();
    final List<Broken> violations = new ArrayList<>();

    @Override
    public void successor(int[] next, int transition) {
      successors.add(next);
    }

    @Override
    public void violation(int property, int[] at, int transition) {
      violations.add(new Broken(property, at));
    }

    boolean contains(int[] s) {
      return successors.stream().anyMatch(x -> Arrays.equals(x, s));
    }
  }
}
