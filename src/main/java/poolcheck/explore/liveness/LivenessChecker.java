package poolcheck.explore.liveness;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import poolcheck.explore.store.StateStore;
import poolcheck.result.Counterexample;
import poolcheck.system.Transition;
import poolcheck.result.TraceStep;
import poolcheck.system.Liveness;
import poolcheck.system.PropertySelection;
import poolcheck.system.Stepper;
import poolcheck.system.SuccessorSink;
import poolcheck.system.TransitionSystem;

/**
 * Checks leads-to properties (p ~> q, eventually q, always eventually q) under per-process weak
 * and strong fairness, TLA+ style: a behaviour may stutter in any state, a process counts as
 * taken only by a step that changes the state, and enabled only if such a step exists.
 *
 * <p>A violation is a fair cycle (an SCC of the graph restricted to states where q fails, or one
 * state stuttered in for ever) reachable from a state where p holds and q fails. Weak fairness is
 * decided per SCC; strong fairness by the Emerson-Lei refinement: drop the states where an
 * unserved strongly fair process is enabled and look at the SCCs of what is left. The whole
 * graph is held in memory in primitive arrays: states in a {@link StateStore} (numbered in BFS
 * order, so lassos are the same whatever the store), edges in CSR form, about 150 bytes of heap
 * per state at four edges a state (9.2 million states fit in 2 GB).
 */
public final class LivenessChecker {
  private final TransitionSystem model;
  private final Liveness liveness;
  private final Stepper stepper;
  /** Whether the caller's model reduces symmetry, so that the quotient may be tried first. */
  private final boolean reduces;
  /** This graph is the quotient: one canonical state per orbit. */
  private final boolean quotient;
  /** Quotient only: edges whose step changes the state (a self-loop may still move). */
  private java.util.BitSet moves;
  /** Every state, numbered in BFS order, with its BFS parent and the transition into it. */
  private StateStore states;
  private int initialCount;
  /** States of the quotient graph, once checked. */
  private int quotientDistinct;
  /** Edges in CSR form: edges of state s are [edgeStart[s], edgeStart[s + 1]). */
  private int[] edgeStart = new int[1024];
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
  // walk()'s breadth-first search inside a component: visited stamp, predecessor, transition.
  private int[] walkSeen;
  private int[] walkFrom;
  private int[] walkVia;
  private int walkStamp;
  /** The process instance of each transition. */
  private final int[] instanceOf;
  /** enabled[s]: bit i set when instance i has a state-changing step in s. */
  private long[] enabled = new long[1024];
  /** Unpacking buffers for the per-state predicates. */
  private long[] packedBuffer;
  private int[] stateBuffer;
  private java.util.function.BooleanSupplier stop = () -> false;
  private int polls;

  /** Thrown by {@link #check} when the stop condition held: a signal or the time limit. */
  public static final class Stopped extends RuntimeException {
    Stopped() {
      super("liveness check stopped", null, false, false);
    }
  }

  public LivenessChecker(TransitionSystem model, PropertySelection checked) {
    this(model, checked, false);
  }

  private LivenessChecker(TransitionSystem model, PropertySelection checked, boolean quotient) {
    if (model.instances() > 64) {
      throw new IllegalArgumentException("liveness checking supports at most 64 process "
          + "instances; the model has " + model.instances());
    }
    // Successors come unreduced: the quotient graph canonicalises them itself, so that it can
    // tell a step that permutes the state (a move of the process) from a stutter.
    this.model = model.withSymmetry(false);
    this.reduces = model.reducesSymmetry();
    this.quotient = quotient;
    this.liveness = this.model.liveness();
    this.stepper = this.model.stepper(checked);
    this.instanceOf = new int[this.model.transitions().size()];
    for (int t = 0; t < instanceOf.length; t++) {
      instanceOf[t] = this.model.transitions().get(t).instanceIndex();
    }
  }

  /** Asked every thousand states or edges; once it says true, {@link #check} throws Stopped. */
  public LivenessChecker stopWhen(java.util.function.BooleanSupplier stop) {
    this.stop = stop;
    return this;
  }

  private void poll() {
    if ((++polls & 0x3FF) == 0 && stop.getAsBoolean()) throw new Stopped();
  }

  /**
   * The first violated liveness property among those checked, in declaration order.
   *
   * <p>Under symmetry reduction the quotient graph (one state per orbit) is checked first. The
   * properties and the fairness of process instances are invariant under the permutations (the
   * scalarset rules; permutations act on values, never on processes), so a fair violating lasso
   * of the model maps to one of the quotient: when the quotient has none, every property holds.
   * Only a violation found there needs the model's own graph, which decides it and gives the
   * lasso, the same one as without the quotient.
   */
  public java.util.Optional<Counterexample> check(PropertySelection checked) {
    if (reduces && !quotient && !quotientViolates(checked)) return java.util.Optional.empty();
    buildGraph();
    for (int k = 0; k < liveness.count(); k++) {
      if (!checked.checks(liveness.property(k).id())) continue;
      Counterexample cx = check(k);
      if (cx != null) return java.util.Optional.of(cx);
    }
    return java.util.Optional.empty();
  }

  /**
   * Each checked property as {@link #check} decides it for that property alone, over one graph:
   * its lasso by property id, null where it holds (the graph does not depend on which leads-to
   * properties are checked).
   */
  public Counterexample[] checkEach(PropertySelection checked) {
    Counterexample[] out = new Counterexample[model.properties().size()];
    if (reduces && !quotient && !quotientViolates(checked)) return out;
    buildGraph();
    for (int k = 0; k < liveness.count(); k++) {
      int id = liveness.property(k).id();
      if (checked.checks(id)) out[id] = check(k);
    }
    return out;
  }

  private boolean quotientViolates(PropertySelection checked) {
    LivenessChecker orbits = new LivenessChecker(model, checked, true).stopWhen(stop);
    boolean violates = orbits.violatesAny(checked);
    quotientDistinct = orbits.distinct();
    return violates;
  }

  /** Quotient check: whether some checked property may be violated. */
  private boolean violatesAny(PropertySelection checked) {
    buildGraph();
    for (int k = 0; k < liveness.count(); k++) {
      if (checked.checks(liveness.property(k).id()) && fairCycle(k) != null) return true;
    }
    return false;
  }

  /** What the check counted: the premises of leads-to properties, among others. */
  public poolcheck.system.Counts counts() {
    return stepper.counts();
  }

  /** States of the graph checked last: the model's, or the quotient's when that decided. */
  public int distinct() {
    return states != null ? states.size() : quotientDistinct;
  }

  private void buildGraph() {
    var layout = model.layout();
    states = new StateStore(layout.words());
    packedBuffer = new long[layout.words()];
    stateBuffer = new int[layout.slots()];
    long[] packed = new long[layout.words()];
    stepper.initialStates(new SuccessorSink() {
      @Override
      public void successor(int[] next, int transition) {
        layout.pack(quotient ? model.canonical(next) : next, packed, 0);
        states.intern(packed, -1, -1);
      }

      @Override
      public void violation(int property, int[] at, int transition) { }
    });
    initialCount = states.size();
    int[] current = new int[layout.slots()];
    if (quotient) moves = new java.util.BitSet();
    long[] en = {0};
    int[] source = {0};
    SuccessorSink sink = new SuccessorSink() {
      @Override
      public void successor(int[] next, int transition) {
        layout.pack(quotient ? model.canonical(next) : next, packed, 0);
        int target = states.intern(packed, source[0], transition);
        boolean moved = quotient ? !Arrays.equals(next, current) : target != source[0];
        if (edges == edgeTarget.length) {
          edgeTarget = Arrays.copyOf(edgeTarget, grown(edges));
          edgeTransition = Arrays.copyOf(edgeTransition, edgeTarget.length);
        }
        if (quotient && moved) moves.set(edges);
        edgeTarget[edges] = target;
        edgeTransition[edges] = transition;
        edges++;
        if (moved) en[0] |= 1L << instanceOf[transition];
      }

      @Override
      public void violation(int property, int[] at, int transition) { }
    };
    for (int s = 0; s < states.size(); s++) {
      poll();
      if (s + 1 >= edgeStart.length) {
        edgeStart = Arrays.copyOf(edgeStart, grown(edgeStart.length));
        enabled = Arrays.copyOf(enabled, edgeStart.length);
      }
      edgeStart[s] = edges;
      source[0] = s;
      en[0] = 0;
      states.copyOut(s, packed);
      layout.unpack(packed, 0, current);
      stepper.successors(current, sink);
      enabled[s] = en[0];
    }
    edgeStart[states.size()] = edges;
  }

  /** A larger capacity for an array of {@code length}: doubling, capped below 2^31. */
  private static int grown(int length) {
    if (length >= Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("the state graph has too many edges for liveness checking");
    }
    return (int) Math.min(2L * length, Integer.MAX_VALUE - 8);
  }

  private int[] unpack(int s) {
    states.copyOut(s, packedBuffer);
    model.layout().unpack(packedBuffer, 0, stateBuffer);
    return stateBuffer;
  }

  private int[] unpackCopy(int s) {
    return unpack(s).clone();
  }

  /** A fair cycle: its entry, its states, and R's BFS parents leading to it. */
  private record FairCycle(int entry, int[] states, int[] rParent) {}

  private Counterexample check(int k) {
    FairCycle found = fairCycle(k);
    if (found == null) return null;
    int n = states.size();
    int entry = found.entry();
    int[] rParent = found.rParent();
    boolean[] inC = new boolean[n];
    for (int s : found.states()) inC[s] = true;
    List<Integer> prefix = new ArrayList<>();
    for (int s = entry; s != -1; s = rParent[s]) prefix.add(s);
    java.util.Collections.reverse(prefix);
    // {state, transition into it}: BFS parents up to the premise state, then R's edges.
    List<int[]> stem = new ArrayList<>();
    for (int s = prefix.get(0); s != -1; s = states.parent(s)) {
      stem.add(new int[] {s, states.transition(s)});
    }
    java.util.Collections.reverse(stem);
    for (int j = 1; j < prefix.size(); j++) {
      stem.add(new int[] {prefix.get(j), edgeBetween(prefix.get(j - 1), prefix.get(j))});
    }
    return lasso(k, stem, cycle(entry, inC));
  }

  /** The fair cycle violating property k entered first in R's BFS order; null if none. */
  private FairCycle fairCycle(int k) {
    int n = states.size();
    // R: states where q fails, reachable through such states from a p-and-not-q state. order
    // is R in BFS order and doubles as the queue. Both predicates are read from one unpacking
    // of each state: unpacking was a fifth of a check whose property is violated.
    boolean[] bad = new boolean[n];
    int[] rParent = new int[n];
    Arrays.fill(rParent, -2);
    int[] order = new int[n];
    int tail = 0;
    boolean eventually = liveness.fromInitialStates(k);
    for (int s = 0; s < n; s++) {
      poll();
      int[] state = unpack(s);
      bad[s] = !stepper.livenessGoal(k, state);
      boolean premise = eventually ? s < initialCount : stepper.livenessPremise(k, state);
      if (premise && bad[s]) {
        rParent[s] = -1;
        order[tail++] = s;
      }
    }
    for (int head = 0; head < tail; head++) {
      poll();
      int s = order[head];
      for (int e = edgeStart[s]; e < edgeStart[s + 1]; e++) {
        int t = edgeTarget[e];
        if (bad[t] && rParent[t] == -2) {
          rParent[t] = s;
          order[tail++] = t;
        }
      }
    }
    bad = null;
    int[] rank = new int[n];
    for (int j = 0; j < tail; j++) rank[order[j]] = j;
    // Of all fair components, the one entered first in R's BFS order, for a short lasso.
    int[] fair = null;
    int entry = -1;
    for (int[] component : fairComponents(Arrays.copyOf(order, tail))) {
      for (int s : component) {
        if (entry < 0 || rank[s] < rank[entry]) {
          entry = s;
          fair = component;
        }
      }
    }
    return fair == null ? null : new FairCycle(entry, fair, rParent);
  }

  /** The fair SCCs among {@code allowed} (after strong-fairness refinement). */
  private List<int[]> fairComponents(int[] allowed) {
    List<int[]> out = new ArrayList<>();
    int[] members = new int[allowed.length];
    int[] bounds = components(allowed, members);
    allowed = null;
    for (int c = 0; c + 1 < bounds.length; c++) refine(members, bounds[c], bounds[c + 1], out);
    return out;
  }

  /** Adds to {@code out} the fair parts of the SCC {@code members[from, to)}. */
  private void refine(int[] members, int from, int to, List<int[]> out) {
    int mark = ++stamp;
    for (int j = from; j < to; j++) inSet[members[j]] = mark;
    long taken = 0;
    long somewhere = 0;
    long everywhere = -1L;
    for (int j = from; j < to; j++) {
      int s = members[j];
      somewhere |= enabled[s];
      everywhere &= enabled[s];
      for (int e = edgeStart[s]; e < edgeStart[s + 1]; e++) {
        int t = edgeTarget[e];
        if (inSet[t] == mark && (quotient ? moves.get(e) : t != s)) {
          taken |= 1L << instanceOf[edgeTransition[e]];
        }
      }
    }
    long strongUnserved = 0;
    for (int i = 0; i < model.instances(); i++) {
      long bit = 1L << i;
      int f = liveness.fairness(i);
      if (f == 1 && (everywhere & bit) != 0 && (taken & bit) == 0) return;
      if (f == 2 && (somewhere & bit) != 0 && (taken & bit) == 0) strongUnserved |= bit;
    }
    if (strongUnserved == 0) {
      out.add(Arrays.copyOfRange(members, from, to));
      return;
    }
    int[] rest = new int[to - from];
    int kept = 0;
    for (int j = from; j < to; j++) {
      if ((enabled[members[j]] & strongUnserved) == 0) rest[kept++] = members[j];
    }
    if (kept > 0) out.addAll(fairComponents(Arrays.copyOf(rest, kept)));
  }

  /**
   * Tarjan's SCCs of the subgraph on {@code allowed}, iteratively (no deep recursion), written
   * into {@code members} one component after the other; returns the bounds: component c is
   * members[bounds[c], bounds[c + 1]). The scratch arrays span the whole graph and are reset
   * only on {@code allowed}, so the strong fairness refinement, which calls this on ever
   * smaller sets, costs what the sets cost.
   */
  private int[] components(int[] allowed, int[] members) {
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
    int[] bounds = new int[allowed.length + 1];
    int found = 0;
    int m = 0;
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
            int t;
            do {
              t = stack[--sp];
              onStack[t] = false;
              members[m++] = t;
            } while (t != s);
            bounds[++found] = m;
          }
          depth--;
          if (depth >= 0) {
            int p = callState[depth];
            low[p] = Math.min(low[p], low[s]);
          }
        }
      }
    }
    return Arrays.copyOf(bounds, found + 1);
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
      int f = liveness.fairness(i);
      if (f == 0 || (enabled[at] & (1L << i)) == 0 && f == 1) continue;
      int instance = i;
      boolean servedByEdge = false;
      // look for an edge of instance i inside C; walk to its source and take it
      List<int[]> walk = walk(at, inC, s -> {
        for (int e = edgeStart[s]; e < edgeStart[s + 1]; e++) {
          if (inC[edgeTarget[e]] && edgeTarget[e] != s
              && instanceOf[edgeTransition[e]] == instance) {
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
              && instanceOf[edgeTransition[e]] == instance) {
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
    int n = states.size();
    if (walkSeen == null) {
      walkSeen = new int[n];
      walkFrom = new int[n];
      walkVia = new int[n];
    }
    int mark = ++walkStamp;
    // Tarjan's stack is idle once the components are known: it holds the queue.
    int[] queue = stack;
    int head = 0;
    int tail = 0;
    queue[tail++] = from;
    walkSeen[from] = mark;
    while (head < tail) {
      int s = queue[head++];
      for (int e = edgeStart[s]; e < edgeStart[s + 1]; e++) {
        int t = edgeTarget[e];
        if (!inC[t] || walkSeen[t] == mark) continue;
        walkSeen[t] = mark;
        walkFrom[t] = s;
        walkVia[t] = edgeTransition[e];
        if (goal.test(t)) {
          List<int[]> path = new ArrayList<>();
          for (int x = t; x != from; x = walkFrom[x]) path.add(new int[] {x, walkVia[x]});
          java.util.Collections.reverse(path);
          return path;
        }
        queue[tail++] = t;
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
          model.view(unpackCopy(s[0]))));
    }
    int loop = stem.size() - 1;
    // the cycle's last element returns to the entry: the lasso's loop points back there.
    for (int j = 0; j < cycle.size() - 1; j++) {
      int[] step = cycle.get(j);
      steps.add(new TraceStep(model.transitions().get(step[1]), model.view(unpackCopy(step[0]))));
    }
    // a cycle that stays in its entry state (stuttering) has no step back
    Transition closing = cycle.isEmpty() ? null
        : model.transitions().get(cycle.get(cycle.size() - 1)[1]);
    return new Counterexample(liveness.property(k), steps.build(), loop, null, closing);
  }
}
