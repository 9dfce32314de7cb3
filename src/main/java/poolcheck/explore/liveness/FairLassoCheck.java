package poolcheck.explore.liveness;

import java.util.Arrays;
import java.util.List;
import poolcheck.system.Liveness;
import poolcheck.system.Stepper;
import poolcheck.system.SuccessorSink;
import poolcheck.system.TransitionSystem;

/**
 * Confirms on the model's own states that a lasso is a fair run breaking leads-to property k:
 * the checker's last word on a lasso it did not read off the model's graph ({@link LassoLift}).
 * The replay of a trace file does the same independently of the explorer (trace.LassoCheck);
 * this one works on the states the lift made, before any trace exists.
 */
final class FairLassoCheck {
  private FairLassoCheck() {}

  /**
   * Null when the lasso is a fair violation, else what is wrong. {@code states.get(0)} is an
   * initial state, {@code transitions[j]} leads from state j - 1 to state j; the cycle is the
   * states from {@code loop} on, and its last step returns to state {@code loop} (no step after
   * {@code loop}: the run stutters there for ever).
   */
  static String violation(TransitionSystem model, Stepper stepper, Liveness liveness, int k,
      List<int[]> states, int[] transitions, int loop) {
    int last = states.size() - 1;
    if (!isInitial(stepper, states.get(0))) return "does not start in an initial state";
    for (int j = 1; j <= last; j++) {
      if (!leadsTo(stepper, states.get(j - 1), transitions[j], states.get(j))) {
        return "has step " + j + " that is no step of the model";
      }
    }
    if (last > loop && !Arrays.equals(states.get(last), states.get(loop))) {
      return "does not return to state " + loop;
    }
    int end = last > loop ? last - 1 : last;
    for (int j = loop; j <= end; j++) {
      if (stepper.livenessGoal(k, states.get(j))) return "reaches the goal in state " + j;
    }
    boolean premise = false;
    for (int j = loop; j >= 0 && !premise; j--) {
      if (stepper.livenessGoal(k, states.get(j))) break;
      premise = liveness.fromInitialStates(k) ? j == 0 : stepper.livenessPremise(k, states.get(j));
    }
    if (!premise) return "has no premise state whose goal never holds after it";
    long taken = 0;
    long somewhere = 0;
    long everywhere = -1L;
    for (int j = loop; j <= end; j++) {
      long en = model.enabledInstances(stepper, states.get(j));
      somewhere |= en;
      everywhere &= en;
      if (j < last && !Arrays.equals(states.get(j), states.get(j + 1))) {
        taken |= 1L << model.transitions().get(transitions[j + 1]).instanceIndex();
      }
    }
    int unfair = liveness.unfairTo(model.instances(), taken, somewhere, everywhere);
    return unfair < 0 ? null : "is not fair to process instance " + unfair;
  }

  private static boolean isInitial(Stepper stepper, int[] s) {
    return emits(sink -> stepper.initialStates(sink), s);
  }

  private static boolean leadsTo(Stepper stepper, int[] from, int transition, int[] to) {
    return emits(sink -> stepper.successors(from, transition, sink), to);
  }

  /** Whether {@code run} hands its sink the state {@code wanted}. */
  private static boolean emits(java.util.function.Consumer<SuccessorSink> run, int[] wanted) {
    boolean[] found = {false};
    run.accept(new SuccessorSink() {
      @Override
      public void successor(int[] next, int transition) {
        found[0] |= Arrays.equals(next, wanted);
      }

      @Override
      public void violation(int property, int[] at, int transition) { }
    });
    return found[0];
  }
}
