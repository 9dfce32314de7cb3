package poolcheck.simulate;

import java.util.ArrayList;
import java.util.List;
import poolcheck.system.SuccessorSink;

/**
 * What the transitions of one state produce, in the order the model emits them: successors and
 * violations interleaved. An outcome's index among its transition's outcomes is what a
 * {@link Schedule.Choice} records.
 */
final class Outcomes implements SuccessorSink {
  /** A successor ({@code property} -1) or a violation of {@code property} at {@code state}. */
  record Outcome(int transition, int index, int[] state, int property) {
    boolean isViolation() {
      return property >= 0;
    }
  }

  final List<Outcome> all = new ArrayList<>();
  private int lastTransition = Integer.MIN_VALUE;
  private int index;

  void clear() {
    all.clear();
    lastTransition = Integer.MIN_VALUE;
  }

  @Override
  public void successor(int[] next, int transition) {
    add(transition, next, -1);
  }

  @Override
  public void violation(int property, int[] at, int transition) {
    add(transition, at, property);
  }

  private void add(int transition, int[] state, int property) {
    // The model emits one transition's outcomes together, so a change of id starts a new count.
    if (transition != lastTransition) {
      lastTransition = transition;
      index = 0;
    }
    all.add(new Outcome(transition, index++, state, property));
  }
}
