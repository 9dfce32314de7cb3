package poolcheck.explore;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Frame;
import poolcheck.compile.Property;
import poolcheck.compile.SuccessorSink;
import poolcheck.result.Counterexample;
import poolcheck.result.TraceStep;

/**
 * Turns a trace of canonical states (found under symmetry reduction) into a real run of the
 * unreduced model: from a concrete initial state in the first state's orbit, each step takes
 * the same transition to a successor in the recorded state's orbit, as TLC does.
 */
final class Concretizer {
  private Concretizer() {}

  static Counterexample concretize(CompiledModel reduced, Counterexample cx) {
    CompiledModel model = reduced.withSymmetry(false);
    Frame frame = model.newFrame(model.allChecked());
    List<TraceStep> recorded = cx.steps();
    List<int[]> initial = new ArrayList<>();
    List<int[]> initBroken = new ArrayList<>();
    model.initialStates(frame, sink(initial, initBroken, cx.property().id()));
    int[] first = model.state(recorded.get(0).state());
    // A one-state trace may be an init block breaking the property: its state is init's
    // partial one, which is no initial state, so look among init's violations first.
    int[] current = recorded.size() == 1 ? pick(model, initBroken, first) : null;
    if (current == null) current = pick(model, initial, first);
    if (current == null) {
      throw new IllegalStateException("no initial state in the orbit of the trace's first state");
    }
    List<TraceStep> out = new ArrayList<>();
    out.add(new TraceStep(null, model.view(current)));
    for (int i = 1; i < recorded.size(); i++) {
      TraceStep step = recorded.get(i);
      boolean last = i == recorded.size() - 1;
      List<int[]> next = new ArrayList<>();
      List<int[]> broken = new ArrayList<>();
      model.successors(current, step.transition().id(), frame, sink(next, broken, -1));
      int[] chosen = pick(model, next, model.state(step.state()));
      boolean stepViolation = last && (cx.property().kind() == Property.Kind.ASSERTION
          || cx.property().kind() == Property.Kind.RUNTIME);
      if (stepViolation && !broken.isEmpty()) {
        // the same transition breaks the property here; which branch breaks first may differ
        chosen = broken.get(0);
      }
      if (chosen == null) {
        throw new IllegalStateException("step " + i + " has no successor in the recorded orbit");
      }
      out.add(new TraceStep(step.transition(), model.view(chosen)));
      current = chosen;
    }
    return new Counterexample(cx.property(), ImmutableList.copyOf(out), cx.loop());
  }

  private static int[] pick(CompiledModel model, List<int[]> candidates, int[] recorded) {
    int[] target = model.canonical(recorded);
    for (int[] c : candidates) {
      if (Arrays.equals(model.canonical(c), target)) return c;
    }
    return null;
  }

  /** Collects successors, and violations of {@code property} (of any, when it is -1). */
  private static SuccessorSink sink(List<int[]> successors, List<int[]> violations,
      int property) {
    return new SuccessorSink() {
      @Override
      public void successor(int[] next, int transition) {
        successors.add(next);
      }

      @Override
      public void violation(int broken, int[] at, int transition) {
        if (property < 0 || broken == property) violations.add(at);
      }
    };
  }
}
