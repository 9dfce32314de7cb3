package poolcheck.explore.liveness;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import poolcheck.system.Liveness;
import poolcheck.system.PropertySelection;
import poolcheck.system.Stepper;
import poolcheck.system.SuccessorSink;
import poolcheck.system.TransitionSystem;

/**
 * The reachable state graph as the fair-cycle search needs it, and no more: states are numbers
 * (BFS discovery order, so lassos are the same whatever stored them), edges in CSR form with the
 * process instance that takes each (one byte; at most 64 instances), and per state one bit for
 * each checked leads-to property's goal and premise, evaluated once while the graph is built.
 * The states themselves are not kept: edge e of state s is s's successor number e - start(s) in
 * the stepper's order, so a lasso is rebuilt by stepping along its edges from an initial state
 * (kept packed, there are few). Nor are BFS parents: the parent of a non-initial state is the
 * first state with an edge to it, the edge the first such of that state ({@link #bfsParentEdges}).
 *
 * <p>5 bytes per edge, on the heap or in a file ({@link GraphFiles}), and 4 bytes per state (plus a
 * quarter byte per property), against about 150 bytes a state when the states, parents,
 * transitions and enabled masks were kept.
 */
final class LivenessGraph {
  /** The initial states, packed, numbered 0 .. initialCount - 1 in this order. */
  final List<long[]> initials = new ArrayList<>();
  /** Quotient only: edges whose step changes the state (a self-loop may still move). */
  final BitSet moves;
  private final boolean quotient;
  private int size;
  /** Edges of state s are [edgeStart[s], edgeStart[s + 1]); one array once built. */
  private int[] edgeStart;
  /**
   * While the graph is built: edgeStart in chunks of 2^16, never copied as they grow (an array
   * grown by half again holds 2.5 times its data while it is copied, beside the numbering).
   */
  private int[][] startChunks = new int[16][];
  private final Edges edges;
  /** goal[k] and premise[k]: one bit per state, for the checked properties k (else null). */
  private final long[][] goal;
  private final long[][] premise;
  private final double collisionProbability;
  /** While built: the sum of the table slots read ahead, so that the reads are not dropped. */
  private long touchSink;

  private LivenessGraph(boolean quotient, int properties, Edges edges) {
    this.quotient = quotient;
    this.moves = quotient ? new BitSet() : null;
    this.edges = edges;
    this.goal = new long[properties][];
    this.premise = new long[properties][];
    this.collisionProbability = 0;
  }

  private LivenessGraph(LivenessGraph built, double collisionProbability) {
    this.quotient = built.quotient;
    this.moves = built.moves;
    this.initials.addAll(built.initials);
    this.size = built.size;
    this.edges = built.edges;
    this.edgeStart = new int[size + 1];
    for (int c = 0; c << START_SHIFT < size + 1; c++) {
      int from = c << START_SHIFT;
      System.arraycopy(built.startChunks[c], 0, edgeStart, from,
          Math.min(1 << START_SHIFT, size + 1 - from));
    }
    this.startChunks = null;
    this.goal = built.goal;
    this.premise = built.premise;
    this.collisionProbability = collisionProbability;
  }

  /** A graph with these successor lists and no properties: for tests of what walks it. */
  static LivenessGraph ofEdges(int[][] successors) {
    LivenessGraph g = new LivenessGraph(false, 0, Edges.onHeap());
    g.size = successors.length;
    for (int s = 0; s < g.size; s++) {
      g.startsAt(s, g.edges.size());
      for (int t : successors[s]) g.edges.add(t, 0);
    }
    g.startsAt(g.size, g.edges.size());
    return new LivenessGraph(g, 0);
  }

  /** Told before each state is expanded, with how many are numbered: may stop the build. */
  interface Watch {
    void expanding(int state, int numbered);
  }

  /**
   * Builds the graph of {@code model} (unreduced successors; {@code quotient}: each state
   * replaced by its canonical one), evaluating the goal and premise of the properties checked.
   * {@code threads} threads step the states (their own steppers, whose counts are added to
   * {@code stepper}'s at the end); the successors are numbered on this one, in the order a single
   * thread would, so the graph does not depend on {@code threads}. The edges and the queue of
   * states to expand are where {@code files} says.
   */
  static LivenessGraph build(TransitionSystem model, Stepper stepper, Liveness liveness,
      PropertySelection checked, boolean quotient, boolean exact, int threads, GraphFiles files,
      Watch watch) {
    Edges edges = files.edges();
    // in an array, so that the numbering can be dropped before the edge starts are flattened
    StateNumbering[] numbering = {null};
    try {
      numbering[0] = files.numbering(exact, model.layout().words());
      LivenessGraph g = buildInto(new LivenessGraph(quotient, liveness.count(), edges), model,
          stepper, liveness, checked, threads, numbering, watch);
      edges.finish();
      return g;
    } catch (RuntimeException | Error e) {
      edges.abandon();
      if (numbering[0] != null) numbering[0].close();
      throw e;
    }
  }

  private static LivenessGraph buildInto(LivenessGraph g, TransitionSystem model,
      Stepper stepper, Liveness liveness, PropertySelection checked, int threads,
      StateNumbering[] numbering, Watch watch) {
    boolean quotient = g.quotient;
    var layout = model.layout();
    int words = layout.words();
    long[] packed = new long[words];
    stepper.initialStates(new SuccessorSink() {
      @Override
      public void successor(int[] next, int transition) {
        layout.pack(quotient ? model.canonical(next) : next, packed, 0);
        int before = numbering[0].size();
        if (numbering[0].intern(packed) == before) g.initials.add(packed.clone());
      }

      @Override
      public void violation(int property, int[] at, int transition) { }
    });
    boolean[] goals = new boolean[liveness.count()];
    boolean[] premises = new boolean[liveness.count()];
    for (int k = 0; k < liveness.count(); k++) {
      if (!checked.checks(liveness.property(k).id())) continue;
      goals[k] = true;
      g.goal[k] = new long[16];
      premises[k] = !liveness.fromInitialStates(k);
      if (premises[k]) g.premise[k] = new long[16];
    }
    // One thread steps and numbers in turn. More: `threads` helpers step batches while this
    // thread numbers the batches before them, in the order taken (twice as many batches as
    // helpers, so that a helper has the next one while this thread numbers).
    Expansion[] shares = new Expansion[threads <= 1 ? 1 : 2 * threads];
    for (int i = 0; i < shares.length; i++) {
      shares[i] = new Expansion(model, i == 0 ? stepper : model.stepper(checked), goals,
          premises, quotient);
    }
    ExecutorService helpers = threads <= 1 ? null : Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "liveness-graph");
      t.setDaemon(true);
      return t;
    });
    try {
      StateNumbering states = numbering[0];
      ArrayDeque<Expansion> idle = new ArrayDeque<>(Arrays.asList(shares));
      ArrayDeque<Future<Expansion>> stepping = new ArrayDeque<>();
      int taken = 0;
      int s = 0;
      while (true) {
        // hand out the states numbered and not yet taken, in batches, in number order
        while (!idle.isEmpty() && taken < states.size()) {
          Expansion share = idle.poll();
          share.reset(Math.min(states.size() - taken, BATCH));
          for (int j = 0; j < share.count; j++) {
            states.next(packed);
            System.arraycopy(packed, 0, share.input, j * words, words);
          }
          taken += share.count;
          // a small batch (a narrow graph: few states numbered ahead) is stepped here, since
          // handing it over costs tens of microseconds, more than stepping it
          if (helpers == null || share.count < INLINE) {
            share.run();
            stepping.add(CompletableFuture.completedFuture(share));
          } else {
            stepping.add(helpers.submit(() -> {
              share.run();
              return share;
            }));
          }
        }
        if (stepping.isEmpty()) break;
        Expansion done = await(stepping.poll());
        s = number(g, states, done, s, watch);
        idle.add(done);
      }
      g.size = states.size();
      g.startsAt(g.size, g.edges.size());
      double collisions = states.collisionProbability();
      for (int i = 1; i < shares.length; i++) stepper.counts().add(shares[i].stepper().counts());
      states.close();
      states = null;
      numbering[0] = null;
      return new LivenessGraph(g, collisions);
    } finally {
      if (helpers != null) helpers.shutdownNow();
    }
  }

  /**
   * States a batch holds at most: enough that handing it over costs little against stepping it,
   * few enough that its successors stay in the caches until they are numbered.
   */
  private static final int BATCH = 1024;

  /** Batches smaller than this are stepped by the numbering thread itself. */
  private static final int INLINE = 64;

  /** Numbers {@code share}'s successors as edges of states {@code s}, s + 1, ...; the next s. */
  private static int number(LivenessGraph g, StateNumbering states, Expansion share, int s,
      Watch watch) {
    int words = states.words;
    int from = 0;
    // the next TOUCH_AHEAD successors' table slots are read before each is numbered: each is a
    // cache miss on a table larger than the caches, and the processor overlaps independent
    // misses instead of waiting for each in turn (as the safety search's drain does)
    int made = share.count == 0 ? 0 : share.ends[share.count - 1];
    int touched = 0;
    for (int i = 0; i < share.count; i++, s++) {
      watch.expanding(s, states.size());
      g.startsAt(s, g.edges.size());
      for (int k = 0; k < g.goal.length; k++) {
        if (g.goal[k] == null) continue;
        long b = share.bits[i * share.stride + (k >>> 5)];
        g.goal[k] = withBit(g.goal[k], s, (b & (1L << (2 * k))) != 0);
        if (g.premise[k] != null) {
          g.premise[k] = withBit(g.premise[k], s, (b & (1L << (2 * k + 1))) != 0);
        }
      }
      for (int e = from; e < share.ends[i]; e++) {
        if (touched <= e) {
          int end = Math.min(made, e + TOUCH_AHEAD);
          long sum = 0;
          for (int t = touched; t < end; t++) {
            if (!share.self[t]) sum += states.touch(share.prints[t]);
          }
          g.touchSink += sum;
          touched = end;
        }
        int target = share.self[e] ? s
            : states.intern(share.successors, e * words, share.prints[e]);
        if (g.quotient && share.moves[e]) g.moves.set(g.edges.size());
        g.edges.add(target, share.instances[e]);
      }
      from = share.ends[i];
    }
    return s;
  }

  /** Successors whose table slots are read ahead of numbering them. */
  private static final int TOUCH_AHEAD = 64;

  /** Waits for a helper's share; its failure is the build's. */
  private static Expansion await(Future<Expansion> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LivenessChecker.Stopped();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error err) throw err;
      throw new IllegalStateException(e.getCause());
    }
  }

  private static final int START_SHIFT = 16;

  /** While built: state s's edges start at {@code edge}. */
  private void startsAt(int s, int edge) {
    int c = s >>> START_SHIFT;
    if (c == startChunks.length) startChunks = Arrays.copyOf(startChunks, c * 2);
    if (startChunks[c] == null) startChunks[c] = new int[1 << START_SHIFT];
    startChunks[c][s & ((1 << START_SHIFT) - 1)] = edge;
  }

  private static long[] withBit(long[] bits, int s, boolean value) {
    if ((s >>> 6) >= bits.length) bits = Arrays.copyOf(bits, grown(bits.length));
    if (value) bits[s >>> 6] |= 1L << s;
    return bits;
  }

  /** A larger capacity for an array of {@code length}: half again, capped below 2^31. */
  static int grown(int length) {
    if (length >= Integer.MAX_VALUE - 8) {
      throw new LivenessChecker.TooLarge("more than 2,147,483,639 states");
    }
    return (int) Math.min(Math.max(16L, length + (long) (length >> 1)), Integer.MAX_VALUE - 8);
  }

  int size() {
    return size;
  }

  int initialCount() {
    return initials.size();
  }

  int start(int s) {
    return edgeStart[s];
  }

  int end(int s) {
    return edgeStart[s + 1];
  }

  int target(int e) {
    return edges.target(e);
  }

  int instance(int e) {
    return edges.instance(e);
  }

  /** Whether edge e, of state s, changes the state: only such a step takes a process. */
  boolean moves(int s, int e) {
    return quotient ? moves.get(e) : edges.target(e) != s;
  }

  /** Bit i set when instance i has a state-changing step in s. */
  long enabled(int s) {
    long en = 0;
    for (int e = edgeStart[s]; e < edgeStart[s + 1]; e++) {
      if (moves(s, e)) en |= 1L << edges.instance(e);
    }
    return en;
  }

  /** Whether the goal of checked property k holds in s. */
  boolean goal(int k, int s) {
    return (goal[k][s >>> 6] & (1L << s)) != 0;
  }

  /** Whether the premise of checked property k holds in s (the initial states for "eventually"). */
  boolean premise(int k, int s) {
    return premise[k] == null ? s < initials.size() : (premise[k][s >>> 6] & (1L << s)) != 0;
  }

  /** The first edge from {@code from} to {@code to}. */
  int edgeBetween(int from, int to) {
    for (int e = edgeStart[from]; e < edgeStart[from + 1]; e++) {
      if (edges.target(e) == to) return e;
    }
    throw new IllegalStateException("no edge " + from + " -> " + to);
  }

  /**
   * Into {@code out}: the edge by which the BFS reached each state, -1 for initial states. States
   * are numbered as found and expanded in number order, so a state was found by the first state
   * with an edge to it, through that state's first such edge.
   */
  void bfsParentEdges(int[] out) {
    Arrays.fill(out, 0, size, -1);
    for (int s = 0; s < size; s++) {
      for (int e = edgeStart[s]; e < edgeStart[s + 1]; e++) {
        int t = edges.target(e);
        if (t >= initials.size() && out[t] == -1) out[t] = e;
      }
    }
  }

  /** The state edge e leaves: the last state whose edges start at or before e. */
  int source(int e) {
    int lo = 0;
    int hi = size - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (edgeStart[mid] <= e) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  double collisionProbability() {
    return collisionProbability;
  }
}
