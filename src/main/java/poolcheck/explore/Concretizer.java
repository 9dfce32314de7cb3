package poolcheck.explore;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import poolcheck.result.Counterexample;
import poolcheck.result.TraceStep;
import poolcheck.system.Property;
import poolcheck.system.PropertySelection;
import poolcheck.system.Stepper;
import poolcheck.system.SuccessorSink;
import poolcheck.system.TransitionSystem;

/**
 * Turns a trace of canonical states (found under symmetry reduction) into a real run of the
 * unreduced model: from a concrete initial state in the first state's orbit, each step takes
 * the same transition to a successor in the recorded state's orbit, as TLC does.
 */
public final class Concretizer {
  private Concretizer() {}

  /** A property broken while a transition ran, and the state it broke in. */
  private record Broken(int property, int[] at) {}

  /** {@code checked} is what the search checked: an unchecked assert must not break here. */
  public static Counterexample concretize(TransitionSystem reduced, Counterexample cx,
      PropertySelection checked) {
    TransitionSystem model = reduced.withSymmetry(false);
    Stepper stepper = model.stepper(checked);
    List<TraceStep> recorded = cx.steps();
    List<int[]> initial = new ArrayList<>();
    List<Broken> initBroken = new ArrayList<>();
    stepper.initialStates(sink(initial, initBroken));
    int[] first = model.state(recorded.get(0).state());
    // A one-state trace may be an init block breaking the property: its state is init's
    // partial one, which is no initial state, so look among init's violations first.
    int[] current = null;
    if (recorded.size() == 1) {
      current = pick(model, initBroken.stream().filter(b -> b.property() == cx.property().id())
          .map(Broken::at).toList(), first);
    }
    if (current == null) current = pick(model, initial, first);
    if (current == null) {
      throw new IllegalStateException("no initial state in the orbit of the trace's first state");
    }
    Property property = cx.property();
    List<TraceStep> out = new ArrayList<>();
    out.add(new TraceStep(null, model.view(current)));
    for (int i = 1; i < recorded.size(); i++) {
      TraceStep step = recorded.get(i);
      boolean last = i == recorded.size() - 1;
      List<int[]> next = new ArrayList<>();
      List<Broken> broken = new ArrayList<>();
      stepper.successors(current, step.transition().id(), sink(next, broken));
      int[] chosen = pick(model, next, model.state(step.state()));
      boolean stepViolation = last && (cx.property().kind() == Property.Kind.ASSERTION
          || cx.property().kind() == Property.Kind.RUNTIME);
      if (stepViolation && !broken.isEmpty()) {
        // The first branch that breaks a property ends a transition, and a permutation
        // reorders the branches of a choose over a scalarset: from this state of the orbit
        // the same transition may break another property first, and that is what the run
        // of the model shows (see SymmetryCrossCheckTest).
        Broken b = broken.get(0);
        chosen = b.at();
        property = model.properties().stream().filter(p -> p.id() == b.property())
            .findFirst().orElseThrow();
      }
      if (chosen == null) {
        throw new IllegalStateException("step " + i + " has no successor in the recorded orbit");
      }
      out.add(new TraceStep(step.transition(), model.view(chosen)));
      current = chosen;
    }
    // permutations act on values, never on processes: the closing step is the same step
    return new Counterexample(property, ImmutableList.copyOf(out), cx.loop(), cx.failure(),
        cx.closing());
  }

  private static int[] pick(TransitionSystem model, List<int[]> candidates, int[] recorded) {
    int[] target = model.canonical(recorded);
    for (int[] c : candidates) {
      if (Arrays.equals(model.canonical(c), target)) return c;
    }
    return null;
  }

  private static SuccessorSink sink(List<int[]> successors, List<Broken> violations) {
    return new SuccessorSink() {
      @Override
      public void successor(int[] next, int transition) {
        successors.add(next);
      }

      @Override
      public void violation(int property, int[] at, int transition) {
        violations.add(new Broken(property, at));
      }
    };
  }
}
