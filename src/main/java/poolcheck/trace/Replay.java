package poolcheck.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Frame;
import poolcheck.compile.Property;
import poolcheck.compile.StateView;
import poolcheck.compile.SuccessorSink;
import poolcheck.compile.Transition;

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

  public static Outcome check(CompiledModel model, JsonTrace.Recorded trace) {
    List<JsonTrace.Step> steps = trace.steps();
    if (steps.isEmpty()) return Outcome.failure(0, "the trace has no states");
    Optional<Property> property = model.property(trace.property());
    if (property.isEmpty()) {
      return Outcome.failure(steps.size() - 1, "the model has no property '" + trace.property()
          + "'");
    }
    Frame frame = model.newFrame(model.allChecked());
    int[] current;
    try {
      current = model.state(steps.get(0).state());
    } catch (IllegalArgumentException e) {
      return Outcome.failure(0, "the initial state does not fit the model: " + e.getMessage());
    }
    Collector init = new Collector();
    model.initialStates(frame, init);
    int[] first = current;
    boolean initialViolation = init.violations.stream()
        .anyMatch(v -> v.property == property.get().id() && Arrays.equals(v.state, first));
    if (!init.contains(current) && !(steps.size() == 1 && initialViolation)) {
      return Outcome.failure(0, "the first state is not an initial state of the model");
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
      if (t.isEmpty()) {
        return Outcome.failure(i, "the model has no step " + step.process() + " "
            + step.label());
      }
      int[] recorded;
      try {
        recorded = model.state(step.state());
      } catch (IllegalArgumentException e) {
        return Outcome.failure(i, "the recorded state does not fit the model: " + e.getMessage());
      }
      Collector c = new Collector();
      model.successors(current, t.get().id(), frame, c);
      boolean last = i == steps.size() - 1;
      // The state at a failing assert can equal a successor of the same step (another branch
      // that did not fail), so on the last step the recorded violation is looked for first.
      if (last && c.violations.stream().anyMatch(v -> v.property == property.get().id()
          && Arrays.equals(v.state, recorded))) {
        return new Outcome(true, i, property.get().name() + " breaks in step " + i);
      }
      if (c.contains(recorded)) {
        current = recorded;
        continue;
      }
      if (c.successors.isEmpty() && c.violations.isEmpty()) {
        return Outcome.failure(i, "step " + step.process() + " " + step.label()
            + " is not enabled here");
      }
      return Outcome.failure(i, "step " + step.process() + " " + step.label()
          + " does not produce the recorded state");
    }
    switch (property.get().kind()) {
      case INVARIANT -> {
        int bad = model.violatedInvariant(current, frame);
        return bad == property.get().id()
            ? new Outcome(true, steps.size() - 1, property.get().name() + " is violated")
            : Outcome.failure(steps.size() - 1, "the last state satisfies "
                + property.get().name());
      }
      case DEADLOCK -> {
        Collector c = new Collector();
        model.successors(current, frame, c);
        boolean stuck = c.successors.isEmpty() && c.violations.isEmpty();
        return stuck && !model.isFinal(current, frame)
            ? new Outcome(true, steps.size() - 1, "deadlock")
            : Outcome.failure(steps.size() - 1, "the last state is not a deadlock");
      }
      default -> {
        // A runtime error can also break while an invariant is evaluated in the last state.
        if (property.get().kind() == Property.Kind.RUNTIME
            && model.violatedInvariant(current, frame) == property.get().id()) {
          return new Outcome(true, steps.size() - 1, property.get().name()
              + " breaks while an invariant is evaluated");
        }
        return Outcome.failure(steps.size() - 1, "the trace ends without breaking "
            + property.get().name());
      }
    }
  }

  /** A recorded state as the model sees it, for callers that hold a view. */
  public static int[] state(CompiledModel model, StateView view) {
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
