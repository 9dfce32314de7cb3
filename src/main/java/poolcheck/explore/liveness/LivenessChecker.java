package poolcheck.explore.liveness;

import com.google.common.collect.ImmutableList;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntPredicate;
import poolcheck.explore.store.Disk;
import poolcheck.result.Counterexample;
import poolcheck.result.TraceStep;
import poolcheck.system.Liveness;
import poolcheck.system.PropertySelection;
import poolcheck.system.Stepper;
import poolcheck.system.SuccessorSink;
import poolcheck.system.Transition;
import poolcheck.system.TransitionSystem;

/**
 * Checks leads-to properties (p ~> q, eventually q, always eventually q) under per-process weak
 * and strong fairness, TLA+ style: a behaviour may stutter in any state, a process counts as
 * taken only by a step that changes the state, and enabled only if such a step exists.
 *
 * <p>A violation is a fair cycle (an SCC of the graph restricted to states where q fails, or one
 * state stuttered in for ever) reachable from a state where p holds and q fails. Weak fairness is
 * decided per SCC; strong fairness by the Emerson-Lei refinement: drop the states where an
 * unserved strongly fair process is enabled and look at the SCCs of what is left. The graph is a
 * {@link LivenessGraph}: state numbers in BFS order, CSR edges with the instance taking each, the
 * properties' premise and goal as bits; the states themselves are kept only while the graph is
 * built (packed, or as fingerprints unless {@link #exact}), and a lasso's states are rebuilt by
 * stepping along its edges, so it is the same lasso either way.
 *
 * <p>Under symmetry reduction the graph is the quotient's, one canonical state per orbit, and it
 * alone decides: a step there that permutes its state is a move, not a stutter (so enabledness
 * and fairness are the model's), and a lasso found there is lifted to a lasso of the model
 * ({@link #check(PropertySelection)}, {@link LassoLift}) instead of being decided on the model's
 * graph, which at the ledger's largest rows is up to 48 times the quotient and does not fit.
 */
public final class LivenessChecker {
  private final TransitionSystem model;
  private final Liveness liveness;
  private final Stepper stepper;
  /** Whether the caller's model reduces symmetry, so that the quotient may be tried first. */
  private final boolean reduces;
  /** This graph is the quotient: one canonical state per orbit. */
  private final boolean quotient;
  private final PropertySelection selection;
  private boolean exact;
  private int threads = 1;
  /** Where the graph keeps its edges and its queue of states to expand. */
  private GraphFiles files = GraphFiles.HEAP;
  private LivenessGraph graph;
  private Components components;
  /** States of the quotient graph, once checked. */
  private int quotientDistinct;
  private double quotientCollisions;
  /** The stepper that built the quotient graph, and counted while it did. */
  private Stepper quotientStepper;
  /** Why each lift that failed its concrete check failed, so that the model's graph decided. */
  private final List<String> liftFailures = new ArrayList<>();
  /**
   * Marks a set of states: the component being refined, or the states a walk has seen. A plain
   * bit array: BitSet.clear rescans for the highest word in use, which made clearing a large
   * component's marks quadratic.
   */
  private long[] marked;
  private java.util.function.BooleanSupplier stop = () -> false;
  private int polls;
  private Progress progress = Progress.NONE;
  private long progressMillis = Long.MAX_VALUE;
  /** When the run this check belongs to began (the progress reports' clock), and last spoke. */
  private long began = System.currentTimeMillis();
  private long lastReport = began;
  /** What the check is doing, as the next progress report says it. */
  private String phase = "graph";
  private long done;
  private long total;

  /**
   * Receives how far the check got: in phase {@code graph}, states expanded of states numbered
   * so far (breadth-first, so the two meet when the graph is built); then {@code property NAME},
   * the property being decided, {@code done} of {@code total} checked. {@code millis} counts from
   * the {@code began} given to {@link #progress}.
   */
  public interface Progress {
    Progress NONE = (phase, done, total, millis) -> { };

    void report(String phase, long done, long total, long millis);
  }

  /**
   * Thrown by {@link #check} when the graph outgrows what its int numbers and Java's arrays can
   * index: the safety search's verdict stands, the liveness properties are not decided.
   */
  public static final class TooLarge extends RuntimeException {
    TooLarge(String what) {
      super("the state graph is too large for the liveness check: " + what, null, false, false);
    }
  }

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
    this.selection = checked;
    this.liveness = this.model.liveness();
    this.stepper = this.model.stepper(checked);
  }

  /** Asked every thousand states or edges; once it says true, {@link #check} throws Stopped. */
  public LivenessChecker stopWhen(java.util.function.BooleanSupplier stop) {
    this.stop = stop;
    return this;
  }

  /**
   * Whether the graph is built over the packed states themselves (the search's {@code --exact})
   * rather than their 64-bit fingerprints; either way the graph keeps neither once built.
   */
  public LivenessChecker exact(boolean exact) {
    this.exact = exact;
    return this;
  }

  /**
   * Keeps the graph's edges in a file in {@code dir}, read back mapped (5 bytes an edge off the
   * heap, see {@link Edges#onDisk}), and its queue of states to expand there beyond
   * {@code queueMemory} bytes, opening the files through {@code disk}: the search's
   * {@code --spill-dir} and {@code --frontier-memory}, which put its trace log and frontier on
   * disk for the same reason. A null {@code dir} keeps both on the heap.
   */
  public LivenessChecker spill(Path dir, long queueMemory, Disk disk) {
    return spill(new GraphFiles(dir, queueMemory, disk, GraphFiles.EDGE_CHUNK_SHIFT));
  }

  /** The same with any {@link GraphFiles}: tests cross edge chunks on small graphs. */
  LivenessChecker spill(GraphFiles files) {
    this.files = files;
    return this;
  }

  /**
   * Threads that step the states while the graph is built (the search's workers): most of a
   * check's time at a hundred million states. The graph, so every verdict and lasso, is the same
   * for any number.
   */
  public LivenessChecker threads(int n) {
    if (n < 1) throw new IllegalArgumentException("threads must be at least 1, not " + n);
    this.threads = n;
    return this;
  }

  /**
   * Reports to {@code p} at most every {@code intervalMillis}, timed from {@code began}: a graph
   * of a hundred million states takes minutes to build and decide, with no other sign of life.
   */
  public LivenessChecker progress(Progress p, long intervalMillis, long began) {
    this.progress = p;
    this.progressMillis = intervalMillis;
    this.began = began;
    this.lastReport = System.currentTimeMillis();
    return this;
  }

  private void poll() {
    if ((++polls & 0x3FF) != 0) return;
    if (stop.getAsBoolean()) throw new Stopped();
    long now = System.currentTimeMillis();
    if (now - lastReport >= progressMillis) {
      lastReport = now;
      progress.report(phase, done, total, now - began);
    }
  }

  private void expanding(int state, int numbered) {
    done = state;
    total = numbered;
    poll();
  }

  /**
   * The first violated liveness property among those checked, in declaration order.
   *
   * <p>Under symmetry reduction only the quotient graph (one state per orbit) is built. The
   * properties' premise and goal and the enabledness of each process instance are invariant
   * under the permutations (the scalarset rules; permutations act on values, never on
   * processes), and a step of instance i from s to t gives a step of i from pi(s) to pi(t). So a
   * fair violating lasso of the model maps to one of the quotient, and one of the quotient lifts
   * to one of the model ({@link LassoLift}): the quotient decides every property, and its lasso,
   * replayed on the model with the cycle repeated until the concrete state recurs, is the
   * counterexample. The stem is a shortest path to the entry's orbit, as in the model's graph;
   * the cycle may take several turns of the quotient's. The model's own graph is built only if
   * a lift fails its concrete check ({@link #liftFailures}), which the argument rules out.
   */
  public java.util.Optional<Counterexample> check(PropertySelection checked) {
    LivenessChecker orbits = reduces && !quotient ? quotient(checked) : null;
    if (orbits == null) buildGraph(checked);
    int count = checkedCount(checked);
    int index = 0;
    for (int k = 0; k < liveness.count(); k++) {
      if (!checked.checks(liveness.property(k).id())) continue;
      deciding(orbits, k, index++, count);
      Counterexample cx = orbits == null ? check(k) : decide(orbits, k);
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
    LivenessChecker orbits = reduces && !quotient ? quotient(checked) : null;
    if (orbits == null) buildGraph(checked);
    int count = checkedCount(checked);
    int index = 0;
    for (int k = 0; k < liveness.count(); k++) {
      int id = liveness.property(k).id();
      if (!checked.checks(id)) continue;
      deciding(orbits, k, index++, count);
      out[id] = orbits == null ? check(k) : decide(orbits, k);
    }
    return out;
  }

  private int checkedCount(PropertySelection checked) {
    int n = 0;
    for (int k = 0; k < liveness.count(); k++) {
      if (checked.checks(liveness.property(k).id())) n++;
    }
    return n;
  }

  /** Names property k in the progress reports of this check and of the quotient's. */
  private void deciding(LivenessChecker orbits, int k, int index, int count) {
    for (LivenessChecker c : orbits == null ? List.of(this) : List.of(this, orbits)) {
      c.phase = "property " + liveness.property(k).name();
      c.done = index;
      c.total = count;
    }
  }

  /**
   * How many violations the quotient found whose lift failed its concrete check, so that the
   * model's own graph decided them: 0 unless a fingerprint collision merged two orbits (or the
   * lifting argument is wrong somewhere; the tests hold it to 0).
   */
  public int liftFallbacks() {
    return liftFailures.size();
  }

  /**
   * One line per fallback ({@link #liftFallbacks}): the property and why its lift failed. The
   * verdict stands (the model's graph decided it); the caller says so to the user, since it
   * means a collision or a flaw in the lifting argument.
   */
  public List<String> liftFailures() {
    return List.copyOf(liftFailures);
  }

  /** The quotient graph, built and kept for lifting its lassos. */
  private LivenessChecker quotient(PropertySelection checked) {
    LivenessChecker orbits = new LivenessChecker(model, checked, true).exact(exact)
        .threads(threads).spill(files).stopWhen(stop).progress(progress, progressMillis, began);
    orbits.buildGraph(checked);
    quotientDistinct = orbits.distinct();
    quotientStepper = orbits.stepper;
    quotientCollisions = orbits.collisionProbability();
    return orbits;
  }

  /** Property k by the quotient: its lifted lasso, null when it holds. */
  private Counterexample decide(LivenessChecker orbits, int k) {
    EdgeLasso found = orbits.lassoEdges(k);
    if (found == null) return null;
    LassoLift.Outcome lifted = new LassoLift(model, model.stepper(selection), orbits.graph)
        .lift(liveness, k, found.stem(), found.cycle());
    if (lifted.lasso() != null) return lifted.lasso();
    liftFailures.add(liveness.property(k).name() + ": " + lifted.failure()
        + "; decided on the unreduced graph instead");
    if (graph == null) buildGraph(selection);
    return check(k);
  }

  /**
   * What the check counted: the premises of leads-to properties, among others, over the graph
   * that decided (the quotient's states under symmetry; a premise is invariant under the
   * permutations, so it never holds there exactly when it never holds in the model).
   */
  public poolcheck.system.Counts counts() {
    return graph == null && quotientStepper != null ? quotientStepper.counts() : stepper.counts();
  }

  /** States of the graph that decided: the model's, or the quotient's under symmetry. */
  public int distinct() {
    return graph != null ? graph.size() : quotientDistinct;
  }

  /**
   * The chance that two states of a graph this check built shared a fingerprint, so that one was
   * taken for the other (the birthday bound, as the safety search reports it); 0 when exact.
   */
  public double collisionProbability() {
    double own = graph != null ? graph.collisionProbability() : 0;
    return Math.min(1, own + quotientCollisions);
  }

  private void buildGraph(PropertySelection checked) {
    phase = "graph";
    graph = LivenessGraph.build(model, stepper, liveness, checked, quotient, exact, threads,
        files, this::expanding);
    components = new Components(graph, this::poll);
    marked = new long[(graph.size() >>> 6) + 1];
  }

  /** A fair cycle: its entry, its states, and R's BFS parents leading to it. */
  private record FairCycle(int entry, BitSet states, int[] rParent) {}

  /** A lasso of this graph, {state, edge into it} pairs: an initial state (edge -1), the cycle. */
  private record EdgeLasso(List<int[]> stem, List<int[]> cycle) {}

  private Counterexample check(int k) {
    EdgeLasso found = lassoEdges(k);
    return found == null ? null : lasso(k, found.stem(), found.cycle());
  }

  /** Property k's lasso in this graph, null when it holds. */
  private EdgeLasso lassoEdges(int k) {
    FairCycle found = fairCycle(k);
    if (found == null) return null;
    int entry = found.entry();
    int[] rParent = found.rParent();
    List<Integer> prefix = new ArrayList<>();
    for (int s = entry; s != -1; s = rParent[s]) prefix.add(s);
    java.util.Collections.reverse(prefix);
    // {state, edge into it}: BFS parents up to the premise state, then R's edges.
    int[] parentEdge = components.borrow(1);
    graph.bfsParentEdges(parentEdge);
    List<int[]> stem = new ArrayList<>();
    for (int s = prefix.get(0); s != -1; ) {
      int e = parentEdge[s];
      stem.add(new int[] {s, e});
      s = e < 0 ? -1 : graph.source(e);
    }
    java.util.Collections.reverse(stem);
    for (int j = 1; j < prefix.size(); j++) {
      stem.add(new int[] {prefix.get(j), graph.edgeBetween(prefix.get(j - 1), prefix.get(j))});
    }
    return new EdgeLasso(stem, cycle(entry, found.states()));
  }

  /** The fair cycle violating property k entered first in R's BFS order; null if none. */
  private FairCycle fairCycle(int k) {
    int n = graph.size();
    // R: states where q fails, reachable through such states from a p-and-not-q state, as
    // bits; the search's queue is the components' call stack, idle until they are asked for.
    // No array of R's states (R is most of the graph for an "eventually" property): its
    // components come from the bits, and the first fair one in R's BFS order from searching
    // again, as do R's BFS parents up to it.
    long[] inR = new long[(n >>> 6) + 1];
    rBreadthFirst(k, inR, null, s -> false);
    int count = 0;
    for (long w : inR) count += Long.bitCount(w);
    BitSet fair = new BitSet(n);
    int[] members = new int[count];
    components.find(inR, members);
    refineEach(members, count, fair);
    members = null;
    Arrays.fill(inR, 0);
    int entry = rBreadthFirst(k, inR, null, fair::get);
    if (entry < 0) return null;
    BitSet states = componentOf(entry, fair);
    fair = null;
    int[] rParent = new int[n];
    Arrays.fill(rParent, -2);
    Arrays.fill(inR, 0);
    rBreadthFirst(k, inR, rParent, s -> s == entry);
    return new FairCycle(entry, states, rParent);
  }

  /**
   * Breadth-first through R (see {@link #fairCycle}) in state-number order of its premise
   * states, setting a state's bit in {@code seen} when it is found and, with {@code rParent},
   * its parent (-1 for a premise state); stops at the first state found that {@code stop}
   * accepts and returns it, or -1 when R is exhausted.
   */
  private int rBreadthFirst(int k, long[] seen, int[] rParent, IntPredicate stop) {
    int n = graph.size();
    int[] queue = components.borrow(0);
    int tail = 0;
    for (int s = 0; s < n; s++) {
      if (!graph.goal(k, s) && graph.premise(k, s)) {
        seen[s >>> 6] |= 1L << s;
        if (rParent != null) rParent[s] = -1;
        if (stop.test(s)) return s;
        queue[tail++] = s;
      }
    }
    for (int head = 0; head < tail; head++) {
      poll();
      int s = queue[head];
      for (int e = graph.start(s); e < graph.end(s); e++) {
        int t = graph.target(e);
        if (!graph.goal(k, t) && (seen[t >>> 6] & (1L << t)) == 0) {
          seen[t >>> 6] |= 1L << t;
          if (rParent != null) rParent[t] = s;
          if (stop.test(t)) return t;
          queue[tail++] = t;
        }
      }
    }
    return -1;
  }

  /**
   * The fair component holding {@code entry}: its SCC among the fair states, since two fair
   * components never share a cycle (they are SCCs of one subgraph, or of subgraphs of different
   * SCCs, at the refinement step that parted them).
   */
  private BitSet componentOf(int entry, BitSet fair) {
    BitSet seen = new BitSet(graph.size());
    int[] queue = new int[fair.cardinality()];
    int tail = 0;
    queue[tail++] = entry;
    seen.set(entry);
    for (int head = 0; head < tail; head++) {
      int s = queue[head];
      for (int e = graph.start(s); e < graph.end(s); e++) {
        int t = graph.target(e);
        if (fair.get(t) && !seen.get(t)) {
          seen.set(t);
          queue[tail++] = t;
        }
      }
    }
    int[] members = new int[tail];
    components.find(queue, tail, members);
    BitSet c = new BitSet(graph.size());
    int id = components.component(entry);
    for (int j = 0; j < tail; j++) {
      if (components.component(members[j]) == id) c.set(members[j]);
    }
    return c;
  }

  /** Marks in {@code fair} the fair SCCs among {@code set[0, count)} (strong fairness refined). */
  private void fairComponents(int[] set, int count, BitSet fair) {
    int[] members = new int[count];
    components.find(set, count, members);
    refineEach(members, count, fair);
  }

  /** Refines each component of {@code members[0, count)}, as {@link Components#find} wrote it. */
  private void refineEach(int[] members, int count, BitSet fair) {
    for (int from = 0; from < count; ) {
      int id = components.component(members[from]);
      int to = from + 1;
      while (to < count && components.component(members[to]) == id) to++;
      refine(members, from, to, fair);
      from = to;
    }
  }

  /** Marks in {@code fair} the fair parts of the SCC {@code members[from, to)}. */
  private void refine(int[] members, int from, int to, BitSet fair) {
    for (int j = from; j < to; j++) mark(members[j], true);
    long taken = 0;
    long somewhere = 0;
    long everywhere = -1L;
    for (int j = from; j < to; j++) {
      int s = members[j];
      long enabled = 0;
      for (int e = graph.start(s); e < graph.end(s); e++) {
        if (!graph.moves(s, e)) continue;
        enabled |= 1L << graph.instance(e);
        if (isMarked(graph.target(e))) taken |= 1L << graph.instance(e);
      }
      somewhere |= enabled;
      everywhere &= enabled;
    }
    for (int j = from; j < to; j++) mark(members[j], false);
    long strongUnserved = 0;
    for (int i = 0; i < model.instances(); i++) {
      long bit = 1L << i;
      int f = liveness.fairness(i);
      if (f == 1 && (everywhere & bit) != 0 && (taken & bit) == 0) return;
      if (f == 2 && (somewhere & bit) != 0 && (taken & bit) == 0) strongUnserved |= bit;
    }
    if (strongUnserved == 0) {
      for (int j = from; j < to; j++) fair.set(members[j]);
      return;
    }
    int[] rest = new int[to - from];
    int kept = 0;
    for (int j = from; j < to; j++) {
      if ((graph.enabled(members[j]) & strongUnserved) == 0) rest[kept++] = members[j];
    }
    if (kept > 0) fairComponents(rest, kept, fair);
  }

  /**
   * A cycle from entry back to entry inside C serving every fair instance: an edge of it when C
   * has one, otherwise a state where it is disabled. Each element is {state, edge into it}. Empty
   * when stuttering at entry is fair.
   */
  private List<int[]> cycle(int entry, BitSet inC) {
    List<int[]> path = new ArrayList<>();
    int at = entry;
    for (int i = 0; i < model.instances(); i++) {
      int f = liveness.fairness(i);
      if (f == 0 || (graph.enabled(at) & (1L << i)) == 0 && f == 1) continue;
      int instance = i;
      boolean servedByEdge = false;
      // look for an edge of instance i inside C; walk to its source and take it
      List<int[]> walk = walk(at, inC, s -> instanceEdge(s, instance, inC) >= 0);
      if (walk != null) {
        path.addAll(walk);
        int s = walk.isEmpty() ? at : walk.get(walk.size() - 1)[0];
        int e = instanceEdge(s, instance, inC);
        path.add(new int[] {graph.target(e), e});
        at = graph.target(e);
        servedByEdge = true;
      }
      if (!servedByEdge) {
        List<int[]> toDisabled = walk(at, inC, s -> (graph.enabled(s) & (1L << instance)) == 0);
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

  /**
   * The first edge of s by instance i that changes the state and stays in C; -1 if none. In the
   * quotient that may be a self-loop that permutes the state: a move, as refine counts it.
   */
  private int instanceEdge(int s, int instance, BitSet inC) {
    for (int e = graph.start(s); e < graph.end(s); e++) {
      int t = graph.target(e);
      if (inC.get(t) && graph.moves(s, e) && graph.instance(e) == instance) return e;
    }
    return -1;
  }

  /** Shortest walk inside C from {@code from} to a state satisfying goal; null if none. */
  private List<int[]> walk(int from, BitSet inC, java.util.function.IntPredicate goal) {
    if (goal.test(from)) return new ArrayList<>();
    // the search's arrays are idle once the components are known
    int[] queue = components.borrow(0);
    int[] walkFrom = components.borrow(2);
    int[] walkVia = components.borrow(1);
    int head = 0;
    int tail = 0;
    queue[tail++] = from;
    mark(from, true);
    List<int[]> path = null;
    while (head < tail && path == null) {
      int s = queue[head++];
      for (int e = graph.start(s); e < graph.end(s); e++) {
        int t = graph.target(e);
        if (!inC.get(t) || isMarked(t)) continue;
        mark(t, true);
        walkFrom[t] = s;
        walkVia[t] = e;
        queue[tail++] = t;
        if (goal.test(t)) {
          path = new ArrayList<>();
          for (int x = t; x != from; x = walkFrom[x]) path.add(new int[] {x, walkVia[x]});
          java.util.Collections.reverse(path);
          break;
        }
      }
    }
    for (int j = 0; j < tail; j++) mark(queue[j], false);
    return path;
  }

  private void mark(int s, boolean on) {
    if (on) {
      marked[s >>> 6] |= 1L << s;
    } else {
      marked[s >>> 6] &= ~(1L << s);
    }
  }

  private boolean isMarked(int s) {
    return (marked[s >>> 6] & (1L << s)) != 0;
  }

  /**
   * The lasso as a trace: its states rebuilt by stepping from the initial state along the edges
   * (edge e of state s is s's successor number e - start(s)), with the transitions taken.
   */
  private Counterexample lasso(int k, List<int[]> stem, List<int[]> cycle) {
    Stepper replay = model.stepper(selection);
    var layout = model.layout();
    int[] state = new int[layout.slots()];
    layout.unpack(graph.initials.get(stem.get(0)[0]), 0, state);
    ImmutableList.Builder<TraceStep> steps = ImmutableList.builder();
    steps.add(new TraceStep(null, model.view(state.clone())));
    int at = stem.get(0)[0];
    Transition[] via = new Transition[1];
    for (int j = 1; j < stem.size(); j++) {
      state = step(replay, at, state, stem.get(j)[1], via);
      at = stem.get(j)[0];
      steps.add(new TraceStep(via[0], model.view(state.clone())));
    }
    int loop = stem.size() - 1;
    // the cycle's last element returns to the entry: the lasso's loop points back there.
    Transition closing = null;
    for (int j = 0; j < cycle.size(); j++) {
      state = step(replay, at, state, cycle.get(j)[1], via);
      at = cycle.get(j)[0];
      if (j < cycle.size() - 1) {
        steps.add(new TraceStep(via[0], model.view(state.clone())));
      } else {
        closing = via[0];
      }
    }
    // a cycle that stays in its entry state (stuttering) has no step back
    return new Counterexample(liveness.property(k), steps.build(), loop, null, closing);
  }

  /** The successor of {@code state} (state number s) along edge e, and in via its transition. */
  private int[] step(Stepper replay, int s, int[] state, int e, Transition[] via) {
    int wanted = e - graph.start(s);
    int[] ordinal = {0};
    int[][] next = {null};
    replay.successors(state, new SuccessorSink() {
      @Override
      public void successor(int[] successor, int transition) {
        if (ordinal[0]++ == wanted) {
          next[0] = successor.clone();
          via[0] = model.transitions().get(transition);
        }
      }

      @Override
      public void violation(int property, int[] at, int transition) { }
    });
    if (next[0] == null) throw new IllegalStateException("state " + s + " has no edge " + e);
    return next[0];
  }
}
