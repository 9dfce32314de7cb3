package poolcheck.result;

import com.google.common.collect.ImmutableList;
import poolcheck.system.StateView;
import poolcheck.system.Transition;

/**
 * The whole reachable state graph of a small model (check --dump-graph): node i is
 * {@code states.get(i)}, the initial states first; an edge per successor a step generates,
 * duplicates and self-loops included. {@code reduced}: one state per symmetry orbit, as the
 * search counts them.
 */
public record StateGraph(String model, boolean reduced, int initial,
    ImmutableList<StateView> states, ImmutableList<Edge> edges) {
  public record Edge(int from, int to, Transition transition) {}
}
