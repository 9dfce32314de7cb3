package poolcheck.explore;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import poolcheck.explore.store.TraceLog;
import poolcheck.result.Counterexample;
import poolcheck.result.TraceStep;
import poolcheck.system.PropertySelection;
import poolcheck.system.Stepper;
import poolcheck.system.SuccessorSink;
import poolcheck.system.TransitionSystem;

/**
 * Gets a counterexample's states back from the {@link TraceLog}: re-executes the model from the
 * initial states, picking at each step the successor with the logged ordinal. The model is
 * deterministic given the state, so the same ordinal is the same successor.
 */
public final class TraceRebuild {
  private TraceRebuild() {}

  /**
   * The trace to state {@code anchor} (none if negative), followed, for an assertion or runtime
   * error, by the state {@code at} where it broke part-way through {@code transition}.
   */
  static Counterexample counterexample(TransitionSystem model, PropertySelection checked,
      TraceLog log,
      int property, long anchor, int transition, int[] at) {
    List<Integer> ordinals = new ArrayList<>();
    if (anchor >= 0) {
      for (long id = anchor; id >= 0; id = log.parent(id)) ordinals.add(log.ordinal(id));
    }
    return fromOrdinals(model, checked, ordinals, property, transition, at);
  }

  /**
   * The same from the ordinals of the states on the path, the last state's first: for a search
   * whose log is spread over several owners (a cluster), which collects them itself.
   */
  public static Counterexample fromOrdinals(TransitionSystem model, PropertySelection checked,
      List<Integer> ordinals, int property, int transition, int[] at) {
    List<TraceStep> steps = new ArrayList<>();
    if (!ordinals.isEmpty()) {
      Stepper stepper = model.stepper(checked);
      Pick pick = new Pick(ordinals.get(ordinals.size() - 1));
      stepper.initialStates(pick);
      steps.add(new TraceStep(null, model.view(pick.state)));
      for (int i = ordinals.size() - 2; i >= 0; i--) {
        int[] from = pick.state;
        pick = new Pick(ordinals.get(i));
        stepper.successors(from, pick);
        steps.add(new TraceStep(model.transitions().get(pick.transition),
            model.view(pick.state)));
      }
    }
    if (at != null) {
      steps.add(new TraceStep(transition < 0 ? null : model.transitions().get(transition),
          model.view(at)));
    }
    return new Counterexample(model.properties().get(property), ImmutableList.copyOf(steps));
  }
  /** Catches the emission with the given ordinal; violations count as emissions too. */
  private static final class Pick implements SuccessorSink {
    final int wanted;
    int seen;
    int[] state;
    int transition;

    Pick(int wanted) {
      this.wanted = wanted;
    }

    @Override
    public void successor(int[] next, int t) {
      if (seen++ == wanted) {
        state = next;
        transition = t;
      }
    }

    @Override
    public void violation(int property, int[] at, int t) {
      seen++;
    }
  }
}
