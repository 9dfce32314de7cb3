package poolcheck.explore;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import poolcheck.result.StateGraph;
import poolcheck.system.PropertySelection;
import poolcheck.system.Stepper;
import poolcheck.system.SuccessorSink;
import poolcheck.system.TransitionSystem;

/**
 * Records the reachable state graph breadth-first, apart from the search so that a check that
 * does not ask for it pays nothing. States are boxed in a hash map: this is for small models,
 * and it stops as soon as the graph has more than {@code limit} states.
 */
public final class GraphRecorder {
  /** The graph has more states than the limit allowed. */
  public static final class TooLarge extends Exception {
    private static final long serialVersionUID = 1L;

    public TooLarge(long limit) {
      super("more than " + limit + " states");
    }
  }

  private GraphRecorder() {}

  public static StateGraph record(TransitionSystem model, long limit) throws TooLarge {
    Stepper stepper = model.stepper(PropertySelection.all(model));
    boolean reduced = model.reducesSymmetry();
    Map<List<Integer>, Integer> index = new HashMap<>();
    List<int[]> states = new ArrayList<>();
    List<StateGraph.Edge> edges = new ArrayList<>();
    int[] from = {-1};
    SuccessorSink sink = new SuccessorSink() {
      @Override
      public void successor(int[] next, int transition) {
        int[] s = reduced ? model.canonical(next) : next.clone();
        List<Integer> key = java.util.Arrays.stream(s).boxed().toList();
        Integer at = index.get(key);
        if (at == null) {
          at = states.size();
          index.put(key, at);
          states.add(s);
        }
        if (from[0] >= 0) {
          edges.add(new StateGraph.Edge(from[0], at, model.transitions().get(transition)));
        }
      }

      @Override
      public void violation(int property, int[] at, int transition) { }
    };
    stepper.initialStates(sink);
    int initial = states.size();
    for (int i = 0; i < states.size(); i++) {
      if (states.size() > limit) throw new TooLarge(limit);
      from[0] = i;
      stepper.successors(states.get(i), sink);
    }
    if (states.size() > limit) throw new TooLarge(limit);
    return new StateGraph(model.name(), reduced, initial,
        states.stream().map(model::view).collect(ImmutableList.toImmutableList()),
        ImmutableList.copyOf(edges));
  }
}
