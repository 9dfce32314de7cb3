package poolcheck.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import poolcheck.system.Property;
import poolcheck.system.Stepper;
import poolcheck.system.SuccessorSink;
import poolcheck.system.TransitionSystem;

/**
 * Confirms that a replayed lasso breaks a liveness property: the cycle closes, the awaited
 * condition fails on every state from a premise state on, and the cycle is fair to every process
 * under fairness (each either takes a state-changing step on the cycle or, weakly fair, is
 * disabled somewhere on it; strongly fair, disabled all along it).
 */
final class LassoCheck {
  private LassoCheck() {}

  static Replay.Outcome check(TransitionSystem model, Stepper frame, JsonTrace.Recorded trace,
      Property property) {
    int last = trace.steps().size() - 1;
    int loop = trace.loop();
    if (loop < 0 || loop > last) {
      return Replay.Outcome.failure(last, "a liveness trace needs a loop index (0 .. " + last
          + ")");
    }
    int k = indexOf(model, property);
    List<int[]> states = new ArrayList<>();
    for (JsonTrace.Step s : trace.steps()) states.add(model.state(s.state()));
    for (int i = loop; i <= last; i++) {
      if (frame.livenessGoal(k, states.get(i))) {
        return Replay.Outcome.failure(i, "the awaited condition of " + property.name()
            + " holds in state " + i + ", inside the cycle");
      }
    }
    boolean premise = false;
    for (int i = loop; i >= 0 && !premise; i--) {
      if (frame.livenessGoal(k, states.get(i))) break;
      premise = model.liveness().fromInitialStates(k) ? i == 0
          : frame.livenessPremise(k, states.get(i));
    }
    if (!premise) {
      return Replay.Outcome.failure(loop, "no state before the cycle satisfies the premise of "
          + property.name() + " without its condition holding afterwards");
    }
    long taken = 0;
    long somewhere = 0;
    long everywhere = -1L;
    // the cycle's steps: loop+1 .. last, plus the closing step last -> loop (none: stuttering)
    for (int i = loop; i <= last; i++) {
      long en = model.enabledInstances(frame, states.get(i));
      somewhere |= en;
      everywhere &= en;
    }
    for (int i = loop + 1; i <= last; i++) {
      taken |= 1L << instanceOf(model, trace.steps().get(i));
    }
    // the instances that may be credited with the closing step: the recorded one, or, in a
    // trace that does not record it, whichever makes the cycle fair
    long credit = 0;
    if (loop < last) {
      long closing = closingInstances(model, frame, states.get(last), states.get(loop));
      if (closing == 0) {
        return Replay.Outcome.failure(last, "no step leads from the last state back to state "
            + loop + ": the cycle does not close");
      }
      credit = closing;
      JsonTrace.Step recorded = trace.details().closing();
      if (recorded != null) {
        int by = model.transitions().stream().filter(t -> t.instance().equals(
            recorded.process()) && t.label().equals(recorded.label())).findFirst()
            .map(t -> t.instanceIndex()).orElse(-1);
        if (by < 0 || (closing & 1L << by) == 0) {
          return Replay.Outcome.failure(last, "the closing step " + recorded.process() + "."
              + recorded.label() + " does not lead from the last state back to state " + loop);
        }
        credit = 1L << by;
      }
    }
    int unfair = unfairTo(model, taken, credit, somewhere, everywhere);
    if (unfair >= 0) {
      return Replay.Outcome.failure(last, "the cycle is not fair to process instance "
          + model.transitions().stream().filter(t -> t.instanceIndex() == unfair)
              .findFirst().map(t -> t.instance()).orElse("#" + unfair));
    }
    return new Replay.Outcome(true, last, property.name() + " fails on a fair cycle back to "
        + "state " + loop);
  }

  /**
   * The instance the cycle is unfair to, -1 if none, with the closing step credited to one of
   * {@code credit} (none when 0, a stutter): fair if any choice makes it so.
   */
  private static int unfairTo(TransitionSystem model, long taken, long credit, long somewhere,
      long everywhere) {
    int unfair = model.liveness().unfairTo(model.instances(), taken, somewhere, everywhere);
    for (long c = credit; c != 0; c &= c - 1) {
      unfair = model.liveness().unfairTo(model.instances(), taken | Long.lowestOneBit(c),
          somewhere, everywhere);
      if (unfair < 0) return -1;
    }
    return unfair;
  }

  private static int indexOf(TransitionSystem model, Property p) {
    for (int k = 0; k < model.liveness().count(); k++) {
      if (model.liveness().property(k).id() == p.id()) return k;
    }
    throw new IllegalArgumentException(p.name() + " is not a liveness property");
  }

  private static int instanceOf(TransitionSystem model, JsonTrace.Step step) {
    return model.transitions().stream()
        .filter(t -> t.instance().equals(step.process()) && t.label().equals(step.label()))
        .findFirst().orElseThrow().instanceIndex();
  }

  private static long closingInstances(TransitionSystem model, Stepper frame, int[] from,
      int[] to) {
    long[] bits = {0};
    frame.successors(from, new SuccessorSink() {
      @Override
      public void successor(int[] next, int transition) {
        if (Arrays.equals(next, to)) {
          bits[0] |= 1L << model.transitions().get(transition).instanceIndex();
        }
      }

      @Override
      public void violation(int property, int[] at, int transition) { }
    });
    return bits[0];
  }
}
