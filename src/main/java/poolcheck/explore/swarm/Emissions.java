package poolcheck.explore.swarm;

import java.util.Arrays;
import poolcheck.system.SuccessorSink;

/**
 * What one state's transitions emit, in the model's order (an emission's index is the ordinal a
 * trace is rebuilt from), and the random order a search takes them in. One per depth of the
 * search's stack, reused: the arrays grow to the widest state seen and stay.
 */
final class Emissions implements SuccessorSink {
  int[][] states = new int[8][];
  int[] transitions = new int[8];
  /** -1 for a successor, else the property a violation broke. */
  int[] properties = new int[8];
  int[] order = new int[8];
  int count;
  /** How far the search has got through {@link #order}. */
  int cursor;

  void clear() {
    count = 0;
    cursor = 0;
  }

  @Override
  public void successor(int[] next, int transition) {
    add(next, transition, -1);
  }

  @Override
  public void violation(int property, int[] at, int transition) {
    add(at, transition, property);
  }

  private void add(int[] state, int transition, int property) {
    if (count == states.length) {
      int n = count * 2;
      states = Arrays.copyOf(states, n);
      transitions = Arrays.copyOf(transitions, n);
      properties = Arrays.copyOf(properties, n);
      order = Arrays.copyOf(order, n);
    }
    states[count] = state;
    transitions[count] = transition;
    properties[count] = property;
    count++;
  }

  /** Fisher-Yates: the order the emissions are taken in, uniformly at random. */
  void shuffle(java.util.SplittableRandom rng) {
    for (int i = 0; i < count; i++) order[i] = i;
    for (int i = count - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }
}
