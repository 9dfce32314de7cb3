package poolcheck.explore;

import com.google.common.collect.ImmutableList;
import java.nio.LongBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Frame;
import poolcheck.compile.SuccessorSink;
import poolcheck.result.Counterexample;
import poolcheck.result.TraceStep;

/**
 * Checks leads-to properties (p ~> q, eventually q, always eventually q) under per-process weak
 * and strong fairness, TLA+ style: a behaviour may stutter in any state, a process counts as
 * taken only by a step that changes the state, and enabled only if such a step exists.
 *
 * <p>A violation is a fair cycle (an SCC of the graph restricted to states where q fails, or one
 * state stuttered in for ever) reachable from a state where p holds and q fails. Weak fairness is
 * decided per SCC; strong fairness by the Emerson-Lei refinement: drop the states where an
 * unserved strongly fair process is enabled and look at the SCCs of what is left. The whole
 * graph is held in memory, so this is for models of up to a few million states.
 */
public final class LivenessChecker {
  private final CompiledModel model;
  private final Frame frame;
  private final List<long[]> states = new ArrayList<>();
  private final Map<LongBuffer, Integer> index = new HashMap<>();
  private int[] parent = new int[1024];
  private int[] via = new int[1024];
  private int initialCount;
  /** Edges in CSR form: edges of state s are [edgeStart[s], edgeStart[s + 1]). */
  private int[] edgeStart;
  private int[] edgeTarget = new int[1024];
  private int[] edgeTransition = new int[1024];
  private int edges;
  // Tarjan's scratch space, and stamps marking the set being worked on (a new stamp per set
  // instead of clearing an array the size of the graph).
  private int[] low;
  private int[] num;
  private boolean[] onStack;
  private int[] stack;
  private int[] callState;
  private int[] callEdge;
  private int[] inAllowed;
  private int[] inSet;
  private int stamp;
  /** enabled[s]: bit i set when instance i has a state-changing step in s. */
  private long[] enabled;
  private java.util.function.BooleanSupplier stop = () -> false;
  private int polls;

  /** Thrown by {@link #check} when the stop condition held: a signal or the time limit. */
  public static final class Stopped extends RuntimeException {
    Stopped() {
      super("liveness check stopped", null, false, false);
    }
  }

  public LivenessChecker(CompiledModel model, boolean[] checked) {
    if (model.instances() > 64) {
      throw new IllegalArgumentException("liveness checking supports at most 64 process "
          + "instances; the model has " + model.instances());
    }
    // Cycles of the quotient graph need not be cycles of the model: check liveness unreduced.
    this.model = model.withSymmetry(false);
    this.frame = this.model.newFrame(checked);
  }

  /** Asked every thousand states or edges; once it says true, {@link #check} throws Stopped. */
  public LivenessChecker stopWhen(java.util.function.BooleanSupplier stop) {
    this.stop = stop;
    return this;
  }

  private void poll() {
    if ((++polls & 0x3FF) == 0 && stop.getAsBoolean()) throw new Stopped();
  }

  /** The first violated liveness property among those checked, in declaration order. */
  public java.util.Optional<Counterexample> check(boolean[] checked) {
    buildGraph();
    for (int k = 0; k < model.livenessCount(); k++) {
      if (!checked[model.livenessProperty(k).id()]) continue;
      Counterexample cx = check(k);
      if (cx != null) return java.util.Optional.of(cx);
    }
    return java.util.Optional.empty();
  }

  public int distinct() {
    return states.size();
  }

  private void buildGraph() {
    var layout = model.layout();
    model.initialStates(frame, new SuccessorSink() {
      @Override
      public void successor(int[] next, int transition) {
        add(layout.pack(next), -1, -1);
      }

      @Override
      public void violation(int property, int[] at, int transition) { }
    });
    initialCount = states.size();
    List<Integer> starts = new ArrayList<>();
    List<Long> enabledList = new ArrayList<>();
    for (int s = 0; s < states.size(); s++) {
      poll();
      int source = s;
      starts.add(edges);
      long[] en = {0};
      model.successors(layout.unpack(states.get(s)), frame, new SuccessorSink() {
        @Override
        public void successor(int[] next, int transition) {
          int target = add(layout.pack(next), source, transition);
          if (edges == edgeTarget.length) {
            edgeTarget = Arrays.copyOf(edgeTarget, edges * 2);
            edgeTransition = Arrays.copyOf(edgeTransition, edges * 2);
          }
          edgeTarget[edges] = target;
          edgeTransition[edges] = transition;
          edges++;
          if (target != source) {
            en[0] |= 1L << model.transitions().get(transition).instanceIndex();
          }
        }

        @Override
        public void violation(int property, int[] at, int transition) { }
      });
      enabledList.add(en[0]);
    }
    starts.add(edges);
    edgeStart = starts.stream().mapToInt(Integer::intValue).toArray();
    enabled = enabledList.stream().mapToLong(Long::longValue).toArray();
  }

  private int add(long[] packed, int from, int transition) {
    LongBuffer key = LongBuffer.wrap(packed);
    Integer known = index.get(key);
    if (known != null) return known;
    int i = states.size();
    states.add(packed);
    index.put(key, i);
    if (i == parent.length) {
      parent = Arrays.copyOf(parent, i * 2);
      via = Arrays.copyOf(via, i * 2);
    }
    parent[i] = from;
    via[i] = transition;
    return i;
  }

  private int[] unpack(int s) {
    return model.layout().unpack(states.get(s));
  }

  private Counterexample check(int k) {
    int n = states.size();
    boolean[] bad = new boolean[n];
    for (int s = 0; s < n; s++) {
      poll();
      bad[s] = !model.livenessGoal(k, unpack(s), frame);
    }
    // R: states where q fails, reachable through such states from a p-and-not-q state.
    int[] rParent = new int[n];
    Arrays.fill(rParent, -2);
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    boolean eventually = model.livenessFromInitialStates(k);
    for (int s = 0; s < n; s++) {
      boolean premise = eventually ? s < initialCount : model.livenessPremise(k, unpack(s), frame);
      if (premise && bad[s]) {
        rParent[s] = -1;
        queue.add(s);
      }
    }
    List<Integer> order = new ArrayList<>();
    while (!queue.isEmpty()) {
      poll();
      int s = queue.poll();
      order.add(s);
      for (int e = edgeStart[s]; e < edgeStart[s + 1]; e++) {
        int t = edgeTarget[e];
        if (bad[t] && rParent[t] == -2) {
          rParent[t] = s;
          queue.add(t);
        }
      }
    }
    int[] rank = new int[n];
    for (int j = 0; j < order.size(); j++) rank[order.get(j)] = j;
    // Of all fair components, the one entered first in R's BFS order, for a short lasso.
    int[] fair = null;
    int entry = -1;
    for (int[] component : fairComponents(order.stream().mapToInt(Integer::intValue).toArray())) {
      for (int s : component) {
        if (entry < 0 || rank[s] < rank[entry]) {
          entry = s;
          fair = component;
        }
      }
    }
    if (fair == null) return null;
    boolean[] inC = new boolean[n];
    for (int s : fair) inC[s] = true;
    List<Integer> prefix = new ArrayList<>();
    for (int s = entry; s != -1; s = rParent[s]) prefix.add(s);
    java.util.Collections.reverse(prefix);
    // {state, transition into it}: BFS parents up to the premise state, then R's edges.
    List<int[]> stem = new ArrayList<>();
    for (int s = prefix.get(0); s != -1; s = parent[s]) stem.add(new int[] {s, via[s]});
    java.util.Collections.reverse(stem);
    for (int j = 1; j < prefix.size(); j++) {
      stem.add(new int[] {prefix.get(j), edgeBetween(prefix.get(j - 1), prefix.get(j))});
    }
    return lasso(k, stem, cycle(entry, inC));
  }

  /** The fair SCCs among {@code allowed} (after strong-fairness refinement). */
  private List<int[]> fairComponents(int[] allowed) {
    List<int[]> out = new ArrayList<>();
    for (int[] component : components(allowed)) out.addAll(refine(component));
    return out;
  }

  private List<int[]> refine(int[] component) {
    int mark = ++stamp;
    for (int s : component) inSet[s] = mark;
    long taken = 0;
    long somewhere = 0;
    long everywhere = -1L;
    for (int s : component) {
      somewhere |= enabled[s];
      everywhere &= enabled[s];
      for (int e = edgeStart[s]; e < edgeStart[s + 1]; e++) {
        int t = edgeTarget[e];
        if (t != s && inSet[t] == mark) {
          taken |= 1L << model.transitions().get(edgeTransition[e]).instanceIndex();
        }
      }
    }
    long strongUnserved = 0;
    for (int i = 0; i < model.instances(); i++) {
      long bit = 1L << i;
      int f = model.fairness(i);
      if (f == 1 && (everywhere & bit) != 0 && (taken & bit) == 0) return List.of();
      if (f == 2 && (somewhere & bit) != 0 && (taken & bit) == 0) strongUnserved |= bit;
    }
    if (strongUnserved == 0) return List.of(component);
    final long unserved = strongUnserved;
    int[] rest = java.util.Arrays.stream(component).filter(s -> (enabled[s] & unserved) == 0)
        .toArray();
    return rest.length == 0 ? List.of() : fairComponents(rest);
  }

  /**
   * Tarjan's SCCs of the subgraph on {@code allowed}, iteratively (no deep recursion). The
   * scratch arrays span the whole graph and are reset only on {@code allowed}, so the strong
   * fairness refinement, which calls this on ever smaller sets, costs what the sets cost.
   */
  private List<int[]> components(int[] allowed) {
    int n = states.size();
    if (low == null || low.length < n) {
      low = new int[n];
      num = new int[n];
      onStack = new boolean[n];
      stack = new int[n];
      callState = new int[n];
      callEdge = new int[n];
      inAllowed = new int[n];
      inSet = new int[n];
    }
    int mark = ++stamp;
    for (int s : allowed) {
      inAllowed[s] = mark;
      num[s] = 0;
      onStack[s] = false;
    }
    int sp = 0;
    int counter = 0;
    List<int[]> out = new ArrayList<>();
    for (int root : allowed) {
      if (num[root] != 0) continue;
      int depth = 0;
      callState[0] = root;
      callEdge[0] = edgeStart[root];
      num[root] = low[root] = ++counter;
      stack[sp++] = root;
      onStack[root] = true;
      while (depth >= 0) {
        poll();
        int s = callState[depth];
        if (callEdge[depth] < edgeStart[s + 1]) {
          int t = edgeTarget[callEdge[depth]++];
          if (inAllowed[t] != mark) continue;
          if (num[t] == 0) {
            num[t] = low[t] = ++counter;
            stack[sp++] = t;
            onStack[t] = true;
            depth++;
            callState[depth] = t;
            callEdge[depth] = edgeStart[t];
          } else if (onStack[t]) {
            low[s] = Math.min(low[s], num[t]);
          }
        } else {
          if (low[s] == num[s]) {
            List<Integer> c = new ArrayList<>();
            int t;
            do {
              t = stack[--sp];
              onStack[t] = false;
              c.add(t);
            } while (t != s);
            out.add(c.stream().mapToInt(Integer::intValue).toArray());
          }
          depth--;
          if (depth >= 0) {
            int p = callState[depth];
            low[p] = Math.min(low[p], low[s]);
          }
        }
      }
    }
    return out;
  }

  /**
   * A cycle from entry back to entry inside C serving every fair instance: an edge of it when C
   * has one, otherwise a state where it is disabled. Each element is {state, transition}. Empty
   * when stuttering at entry is fair.
   */
  private List<int[]> cycle(int entry, boolean[] inC) {
    List<int[]> path = new ArrayList<>();
    int at = entry;
    for (int i = 0; i < model.instances(); i++) {
      int f = model.fairness(i);
      if (f == 0 || (enabled[at] & (1L << i)) == 0 && f == 1) continue;
      int instance = i;
      boolean servedByEdge = false;
      // look for an edge of instance i inside C; walk to its source and take it
      List<int[]> walk = walk(at, inC, s -> {
        for (int e = edgeStart[s]; e < edgeStart[s + 1]; e++) {
          if (inC[edgeTarget[e]] && edgeTarget[e] != s
              && model.transitions().get(edgeTransition[e]).instanceIndex() == instance) {
            return true;
          }
        }
        return false;
      });
      if (walk != null) {
        path.addAll(walk);
        int s = walk.isEmpty() ? at : walk.get(walk.size() - 1)[0];
        for (int e = edgeStart[s]; e < edgeStart[s + 1]; e++) {
          if (inC[edgeTarget[e]] && edgeTarget[e] != s
              && model.transitions().get(edgeTransition[e]).instanceIndex() == instance) {
            path.add(new int[] {edgeTarget[e], edgeTransition[e]});
            at = edgeTarget[e];
            servedByEdge = true;
            break;
          }
        }
      }
      if (!servedByEdge) {
        List<int[]> toDisabled = walk(at, inC, s -> (enabled[s] & (1L << instance)) == 0);
        if (toDisabled != null && !toDisabled.isEmpty()) {
          path.addAll(toDisabled);
          at = toDisabled.get(toDisabled.size() - 1)[0];
        }
      }
    }
    if (at != entry) {
      int target = entry;
      List<int[]> back = walk(at, inC, s -> s == target);
      path.addAll(back);
    }
    return path;
  }

  /** Shortest walk inside C from {@code from} to a state satisfying goal; null if none. */
  private List<int[]> walk(int from, boolean[] inC, java.util.function.IntPredicate goal) {
    if (goal.test(from)) return new ArrayList<>();
    Map<Integer, int[]> back = new HashMap<>();
    ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(from));
    back.put(from, null);
    while (!queue.isEmpty()) {
      int s = queue.poll();
      for (int e = edgeStart[s]; e < edgeStart[s + 1]; e++) {
        int t = edgeTarget[e];
        if (!inC[t] || back.containsKey(t)) continue;
        back.put(t, new int[] {s, edgeTransition[e]});
        if (goal.test(t)) {
          List<int[]> path = new ArrayList<>();
          for (int x = t; x != from; x = back.get(x)[0]) {
            path.add(new int[] {x, back.get(x)[1]});
          }
          java.util.Collections.reverse(path);
          return path;
        }
        queue.add(t);
      }
    }
    return null;
  }

  private int edgeBetween(int from, int to) {
    for (int e = edgeStart[from]; e < edgeStart[from + 1]; e++) {
      if (edgeTarget[e] == to) return edgeTransition[e];
    }
    throw new IllegalStateException("no edge " + from + " -> " + to);
  }

  private Counterexample lasso(int k, List<int[]> stem, List<int[]> cycle) {
    ImmutableList.Builder<TraceStep> steps = ImmutableList.builder();
    for (int[] s : stem) {
      steps.add(new TraceStep(s[1] < 0 ? null : model.transitions().get(s[1]),
          model.view(unpack(s[0]))));
    }
    int loop = stem.size() - 1;
    // the cycle's last element returns to the entry: the lasso's loop points back there.
    for (int j = 0; j < cycle.size() - 1; j++) {
      int[] step = cycle.get(j);
      steps.add(new TraceStep(model.transitions().get(step[1]), model.view(unpack(step[0]))));
    }
    return new Counterexample(model.livenessProperty(k), steps.build(), loop);
  }
}
