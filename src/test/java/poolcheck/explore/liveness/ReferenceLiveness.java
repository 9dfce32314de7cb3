package poolcheck.explore.liveness;

import com.google.common.collect.ImmutableList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import poolcheck.result.Counterexample;
import poolcheck.result.TraceStep;
import poolcheck.system.Liveness;
import poolcheck.system.PropertySelection;
import poolcheck.system.Stepper;
import poolcheck.system.SuccessorSink;
import poolcheck.system.TransitionSystem;

/**
 * The liveness check written the plain way, to hold {@link LivenessChecker} to: always the
 * unreduced graph (no quotient), states keyed by their text in a HashMap, edges in boxed lists,
 * SCCs by Kosaraju. Which lasso it builds is the checker's documented choice: BFS numbering,
 * the fair component entered first in the BFS of the premise's bad region, then a cycle serving
 * each fair instance in instance order by shortest walks. Small graphs only.
 */
final class ReferenceLiveness {
  private final TransitionSystem model;
  private final Liveness liveness;
  private final Stepper stepper;
  private final List<int[]> states = new ArrayList<>();
  private final Map<String, Integer> index = new HashMap<>();
  private final List<Integer> parent = new ArrayList<>();
  private final List<Integer> via = new ArrayList<>();
  /** Per state, its edges as {target, transition}, in the order the stepper emits them. */
  private final List<List<int[]>> out = new ArrayList<>();
  private final List<Long> enabled = new ArrayList<>();
  private int initialCount;

  ReferenceLiveness(TransitionSystem system, PropertySelection checked) {
    this.model = system.withSymmetry(false);
    this.liveness = model.liveness();
    this.stepper = model.stepper(checked);
    build();
  }

  int distinct() {
    return states.size();
  }

  /** Property k's lasso, or null when it holds. */
  Counterexample check(int k) {
    int n = states.size();
    boolean[] bad = new boolean[n];
    List<Integer> order = new ArrayList<>();
    int[] rParent = new int[n];
    Arrays.fill(rParent, -2);
    for (int s = 0; s < n; s++) {
      bad[s] = !stepper.livenessGoal(k, states.get(s));
      boolean premise = liveness.fromInitialStates(k) ? s < initialCount
          : stepper.livenessPremise(k, states.get(s));
      if (premise && bad[s]) {
        rParent[s] = -1;
        order.add(s);
      }
    }
    for (int head = 0; head < order.size(); head++) {
      int s = order.get(head);
      for (int[] e : out.get(s)) {
        if (bad[e[0]] && rParent[e[0]] == -2) {
          rParent[e[0]] = s;
          order.add(e[0]);
        }
      }
    }
    int[] rank = new int[n];
    for (int j = 0; j < order.size(); j++) rank[order.get(j)] = j;
    int entry = -1;
    List<Integer> fair = null;
    for (List<Integer> c : fairComponents(order)) {
      for (int s : c) {
        if (entry < 0 || rank[s] < rank[entry]) {
          entry = s;
          fair = c;
        }
      }
    }
    if (fair == null) return null;
    boolean[] inC = new boolean[n];
    for (int s : fair) inC[s] = true;
    List<int[]> stem = new ArrayList<>();
    List<Integer> prefix = new ArrayList<>();
    for (int s = entry; s != -1; s = rParent[s]) prefix.add(s);
    Collections.reverse(prefix);
    for (int s = prefix.get(0); s != -1; s = parent.get(s)) stem.add(new int[] {s, via.get(s)});
    Collections.reverse(stem);
    for (int j = 1; j < prefix.size(); j++) {
      int from = prefix.get(j - 1);
      int to = prefix.get(j);
      int[] edge = out.get(from).stream().filter(e -> e[0] == to).findFirst().orElseThrow();
      stem.add(new int[] {to, edge[1]});
    }
    List<int[]> cycle = cycle(entry, inC);
    ImmutableList.Builder<TraceStep> steps = ImmutableList.builder();
    for (int[] s : stem) {
      steps.add(new TraceStep(s[1] < 0 ? null : model.transitions().get(s[1]),
          model.view(states.get(s[0]).clone())));
    }
    for (int[] s : cycle.subList(0, Math.max(0, cycle.size() - 1))) {
      steps.add(new TraceStep(model.transitions().get(s[1]), model.view(states.get(s[0]).clone())));
    }
    return new Counterexample(liveness.property(k), steps.build(), stem.size() - 1);
  }

  private void build() {
    SuccessorSink initial = new SuccessorSink() {
      @Override
      public void successor(int[] next, int transition) {
        intern(next, -1, -1);
      }

      @Override
      public void violation(int property, int[] at, int transition) { }
    };
    stepper.initialStates(initial);
    initialCount = states.size();
    for (int s = 0; s < states.size(); s++) {
      int source = s;
      List<int[]> edges = new ArrayList<>();
      long[] en = {0};
      stepper.successors(states.get(s).clone(), new SuccessorSink() {
        @Override
        public void successor(int[] next, int transition) {
          int target = intern(next, source, transition);
          edges.add(new int[] {target, transition});
          if (target != source) en[0] |= 1L << instanceOf(transition);
        }

        @Override
        public void violation(int property, int[] at, int transition) { }
      });
      out.add(edges);
      enabled.add(en[0]);
    }
  }

  private int intern(int[] state, int from, int transition) {
    String key = Arrays.toString(state);
    Integer known = index.get(key);
    if (known != null) return known;
    states.add(state.clone());
    parent.add(from);
    via.add(transition);
    index.put(key, states.size() - 1);
    return states.size() - 1;
  }

  private int instanceOf(int transition) {
    return model.transitions().get(transition).instanceIndex();
  }

  /** The fair SCCs of the subgraph on {@code allowed}, strong fairness by Emerson-Lei. */
  private List<List<Integer>> fairComponents(List<Integer> allowed) {
    List<List<Integer>> fair = new ArrayList<>();
    for (List<Integer> c : components(allowed)) {
      java.util.Set<Integer> members = new java.util.HashSet<>(c);
      long taken = 0;
      long somewhere = 0;
      long everywhere = -1L;
      for (int s : c) {
        somewhere |= enabled.get(s);
        everywhere &= enabled.get(s);
        for (int[] e : out.get(s)) {
          if (e[0] != s && members.contains(e[0])) taken |= 1L << instanceOf(e[1]);
        }
      }
      boolean weakUnserved = false;
      long strongUnserved = 0;
      for (int i = 0; i < model.instances(); i++) {
        long bit = 1L << i;
        boolean starved = (taken & bit) == 0;
        if (liveness.fairness(i) == 1 && (everywhere & bit) != 0 && starved) weakUnserved = true;
        if (liveness.fairness(i) == 2 && (somewhere & bit) != 0 && starved) strongUnserved |= bit;
      }
      if (weakUnserved) continue;
      if (strongUnserved == 0) {
        fair.add(c);
        continue;
      }
      long unserved = strongUnserved;
      List<Integer> rest = c.stream().filter(s -> (enabled.get(s) & unserved) == 0).toList();
      if (!rest.isEmpty()) fair.addAll(fairComponents(rest));
    }
    return fair;
  }

  /** Kosaraju: finishing order forwards, then components backwards in reverse finishing order. */
  private List<List<Integer>> components(List<Integer> allowed) {
    Map<Integer, List<Integer>> back = new HashMap<>();
    for (int s : allowed) back.put(s, new ArrayList<>());
    for (int s : allowed) {
      for (int[] e : out.get(s)) if (back.containsKey(e[0])) back.get(e[0]).add(s);
    }
    List<Integer> finished = new ArrayList<>();
    Map<Integer, Boolean> seen = new HashMap<>();
    for (int root : allowed) {
      if (seen.containsKey(root)) continue;
      seen.put(root, true);
      ArrayDeque<int[]> stack = new ArrayDeque<>();
      stack.push(new int[] {root, 0});
      while (!stack.isEmpty()) {
        int[] top = stack.peek();
        List<int[]> edges = out.get(top[0]);
        if (top[1] < edges.size()) {
          int t = edges.get(top[1]++)[0];
          if (back.containsKey(t) && !seen.containsKey(t)) {
            seen.put(t, true);
            stack.push(new int[] {t, 0});
          }
        } else {
          finished.add(stack.pop()[0]);
        }
      }
    }
    List<List<Integer>> result = new ArrayList<>();
    Map<Integer, Boolean> assigned = new HashMap<>();
    for (int j = finished.size() - 1; j >= 0; j--) {
      int root = finished.get(j);
      if (assigned.containsKey(root)) continue;
      List<Integer> c = new ArrayList<>(List.of(root));
      assigned.put(root, true);
      for (int head = 0; head < c.size(); head++) {
        for (int p : back.get(c.get(head))) {
          if (!assigned.containsKey(p)) {
            assigned.put(p, true);
            c.add(p);
          }
        }
      }
      result.add(c);
    }
    return result;
  }

  private List<int[]> cycle(int entry, boolean[] inC) {
    List<int[]> path = new ArrayList<>();
    int at = entry;
    for (int i = 0; i < model.instances(); i++) {
      int f = liveness.fairness(i);
      long bit = 1L << i;
      if (f == 0 || f == 1 && (enabled.get(at) & bit) == 0) continue;
      int instance = i;
      IntPredicate hasMove = s -> out.get(s).stream()
          .anyMatch(e -> inC[e[0]] && e[0] != s && instanceOf(e[1]) == instance);
      List<int[]> walk = walk(at, inC, hasMove);
      if (walk != null) {
        path.addAll(walk);
        int s = walk.isEmpty() ? at : walk.get(walk.size() - 1)[0];
        int[] move = out.get(s).stream()
            .filter(e -> inC[e[0]] && e[0] != s && instanceOf(e[1]) == instance)
            .findFirst().orElseThrow();
        path.add(move.clone());
        at = move[0];
      } else {
        List<int[]> toDisabled = walk(at, inC, s -> (enabled.get(s) & bit) == 0);
        if (toDisabled != null && !toDisabled.isEmpty()) {
          path.addAll(toDisabled);
          at = toDisabled.get(toDisabled.size() - 1)[0];
        }
      }
    }
    if (at != entry) {
      int target = entry;
      path.addAll(walk(at, inC, s -> s == target));
    }
    return path;
  }

  /** Shortest walk inside C to a state meeting goal, as {state, transition} pairs. */
  private List<int[]> walk(int from, boolean[] inC, IntPredicate goal) {
    if (goal.test(from)) return new ArrayList<>();
    Map<Integer, int[]> reachedBy = new HashMap<>();
    reachedBy.put(from, null);
    ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(from));
    while (!queue.isEmpty()) {
      int s = queue.poll();
      for (int[] e : out.get(s)) {
        if (!inC[e[0]] || reachedBy.containsKey(e[0])) continue;
        reachedBy.put(e[0], new int[] {s, e[1]});
        if (goal.test(e[0])) {
          List<int[]> path = new ArrayList<>();
          for (int x = e[0]; x != from; x = reachedBy.get(x)[0]) {
            path.add(new int[] {x, reachedBy.get(x)[1]});
          }
          Collections.reverse(path);
          return path;
        }
        queue.add(e[0]);
      }
    }
    return null;
  }
}
