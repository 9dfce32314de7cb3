package poolcheck.explore;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import poolcheck.result.Counterexample;
import poolcheck.result.TraceStep;
import poolcheck.system.Property;
import poolcheck.system.PropertySelection;
import poolcheck.system.Stepper;
import poolcheck.system.SuccessorSink;
import poolcheck.system.TransitionSystem;

/**
 * Among the shortest counterexamples to one property, one with the fewest context switches
 * (consecutive steps by different process instances): the most readable interleaving.
 *
 * <p>A prefix of a shortest counterexample is a shortest path to the state it ends in, so only
 * edges from BFS level k to level k + 1 can lie on one. Levels are expanded in order and each
 * state keeps, per instance that ran last, the fewest switches of a shortest path to it (a
 * dynamic programme over (state, last instance), which is Dijkstra's algorithm on this layered
 * graph with 0/1 edge costs). Ties go to the path found first, so the answer is deterministic.
 *
 * <p>Holds every state up to the violation's depth in a HashMap of boxed states: meant for the
 * readable trace of a model already checked, not for the largest state spaces.
 */
public final class FewestSwitches {
  private static final int NONE = Integer.MAX_VALUE;

  private final TransitionSystem model;
  private final PropertySelection checked;

  /** {@code checked}: the property names the search that found the violation checked. */
  public FewestSwitches(TransitionSystem model, Set<String> checked) {
    this.model = model;
    this.checked = PropertySelection.of(model, checked, true);
  }

  /** Context switches in a trace: steps whose instance differs from the step before. */
  public static int switches(Counterexample cx) {
    int n = 0;
    for (int i = 2; i < cx.steps().size(); i++) {
      if (cx.steps().get(i).transition().instanceIndex()
          != cx.steps().get(i - 1).transition().instanceIndex()) {
        n++;
      }
    }
    return n;
  }

  /** A state of the layered search with, per last instance (slot 0: none), its best path. */
  private static final class Node {
    final int[] state;
    final int level;
    final int[] cost;
    final Node[] parent;
    final int[] parentLast;
    final int[] via;

    Node(int[] state, int level, int slots) {
      this.state = state;
      this.level = level;
      this.cost = new int[slots];
      Arrays.fill(cost, NONE);
      this.parent = new Node[slots];
      this.parentLast = new int[slots];
      this.via = new int[slots];
    }
  }

  private record Key(int[] state) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(state, k.state);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(state);
    }
  }

  /** The best end found so far: a node and last instance, plus a mid-step state if any. */
  private static final class Best {
    int cost = NONE;
    Node node;
    int last;
    int transition = -1;
    int[] midStep;

    void offer(int c, Node n, int l, int t, int[] mid) {
      if (c < cost) {
        cost = c;
        node = n;
        last = l;
        transition = t;
        midStep = mid;
      }
    }
  }

  /**
   * A counterexample to {@code shortest}'s property of the same length with the fewest context
   * switches; {@code shortest} itself when it is already as good (or has no steps to reorder).
   */
  public Counterexample find(Counterexample shortest) {
    int target = shortest.length();
    if (target < 2) return shortest;
    Property property = shortest.property();
    PropertySelection onlyTarget = PropertySelection.of(model, Set.of(property.name()), true);
    Stepper frame = model.stepper(checked);
    Stepper invariantFrame = model.stepper(onlyTarget);
    int slots = model.instances() + 1;
    Map<Key, Node> seen = new HashMap<>();
    List<Node> level = new ArrayList<>();
    Collector c = new Collector();
    frame.initialStates(c);
    for (int[] s : c.successors) {
      Node n = seen.computeIfAbsent(new Key(s), k -> new Node(s, 0, slots));
      if (n.cost[0] == NONE) {
        n.cost[0] = 0;
        level.add(n);
      }
    }
    Best best = new Best();
    for (int depth = 0; depth < target; depth++) {
      List<Node> nextLevel = new ArrayList<>();
      for (Node u : level) {
        c.clear();
        frame.successors(u.state, c);
        for (int k = 0; k < c.successors.size(); k++) {
          int[] w = c.successors.get(k);
          int t = c.transitions.get(k);
          int instance = model.transitions().get(t).instanceIndex() + 1;
          Node v = seen.get(new Key(w));
          if (v == null) {
            v = new Node(w, depth + 1, slots);
            seen.put(new Key(w), v);
            nextLevel.add(v);
          }
          if (v.level != depth + 1) continue;
          for (int last = 0; last < slots; last++) {
            if (u.cost[last] == NONE) continue;
            int cost = u.cost[last] + (last != 0 && last != instance ? 1 : 0);
            if (cost < v.cost[instance]) {
              v.cost[instance] = cost;
              v.parent[instance] = u;
              v.parentLast[instance] = last;
              v.via[instance] = t;
            }
          }
        }
        if (depth == target - 1) {
          for (Collector.Broken b : c.violations) {
            if (b.property() != property.id()) continue;
            int instance = model.transitions().get(b.transition()).instanceIndex() + 1;
            for (int last = 0; last < slots; last++) {
              if (u.cost[last] == NONE) continue;
              best.offer(u.cost[last] + (last != 0 && last != instance ? 1 : 0), u, last,
                  b.transition(), b.state());
            }
          }
        }
      }
      level = nextLevel;
    }
    if (best.node == null) {
      for (Node v : level) {
        if (!violates(v, property, frame, invariantFrame)) continue;
        for (int last = 0; last < slots; last++) {
          if (v.cost[last] != NONE) best.offer(v.cost[last], v, last, -1, null);
        }
      }
    }
    if (best.node == null) {
      throw new IllegalStateException("no counterexample of length " + target + " to "
          + property.name() + ": the search does not match the explorer's");
    }
    return trace(property, best);
  }

  private boolean violates(Node v, Property p, Stepper frame, Stepper invariantFrame) {
    if (p.kind() == Property.Kind.DEADLOCK) {
      Collector c = new Collector();
      frame.successors(v.state, c);
      return c.successors.isEmpty() && c.violations.isEmpty() && !frame.isFinal(v.state);
    }
    return invariantFrame.violatedInvariant(v.state) == p.id();
  }

  private Counterexample trace(Property property, Best best) {
    List<TraceStep> steps = new ArrayList<>();
    if (best.midStep != null) {
      steps.add(new TraceStep(model.transitions().get(best.transition),
          model.view(best.midStep)));
    }
    Node n = best.node;
    int last = best.last;
    while (n != null) {
      steps.add(new TraceStep(last == 0 ? null : model.transitions().get(n.via[last]),
          model.view(n.state)));
      Node parent = n.parent[last];
      last = n.parentLast[last];
      n = parent;
    }
    return new Counterexample(property, ImmutableList.copyOf(steps).reverse());
  }

  private static final class Collector implements SuccessorSink {
    record Broken(int property, int[] state, int transition) {}

    final List<int[]> successors = new ArrayList<>();
    final List<Integer> transitions = new ArrayList<>();
    final List<Broken> violations = new ArrayList<>();

    void clear() {
      successors.clear();
      transitions.clear();
      violations.clear();
    }

    @Override
    public void successor(int[] next, int transition) {
      successors.add(next);
      transitions.add(transition);
    }

    @Override
    public void violation(int property, int[] at, int transition) {
      violations.add(new Broken(property, at, transition));
    }
  }
}
