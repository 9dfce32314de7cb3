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

  /**
   * {@code checked}: the properties the search checked. An assertion it did not check must not
   * cut a step short here either (the last step of an invariant's trace may break one).
   */
  static Counterexample concretize(CompiledModel reduced, Counterexample cx, boolean[] checked) {
    CompiledModel model = reduced.withSymmetry(false);
    Frame frame = model.newFrame(checked);
    List<TraceStep> recorded = cx.steps();
    List<int[]> initial = new ArrayList<>();
    model.initialStates(frame, sink(initial, null));
    int[] current = pick(model, initial, model.state(recorded.get(0).state()));
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
      model.successors(current, step.transition().id(), frame, sink(next, broken));
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

  private static SuccessorSink sink(List<int[]> successors, List<int[]> violations) {
    return new SuccessorSink() {
      @Override
      public void successor(int[] next, int transition) {
        successors.add(next);
      }

      @Override
      public void violation(int property, int[] at, int transition) {
        if (violations != null) violations.add(at);
      }
    };
  }
}
