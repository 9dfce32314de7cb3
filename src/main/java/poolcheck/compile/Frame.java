package poolcheck.compile;

import poolcheck.system.Counts;
import poolcheck.system.SuccessorSink;

/**
 * Per-worker scratch space for running steps: bound variables, the popped value in flight, and
 * where successors go. One per thread; never shared.
 */
public final class Frame {
  final int[] env;
  int register;
  SuccessorSink sink;
  int transition;
  final boolean[] checked;
  /** Coverage counters, bumped as steps and checks run; see {@link Counts}. */
  final Counts counts;
  // The counters' arrays, one load closer for the hot loop.
  final long[] taken;
  final long[] enabled;
  final long[] evaluated;
  final long[] held;
  /** Where the model's bytecode comes from; asked when a step or invariant first runs. */
  StepBytecode stepBytecode = StepBytecode.NONE;
  private GeneratedSteps bytecode;
  private boolean resolved;
  /** Successors emitted so far: the explorer's loop turns differences into per-step counts. */
  int emitted;

  /** A frame for constant expressions: nothing to count. */
  Frame(int envSize, boolean[] checked) {
    this(envSize, checked, 0, 0);
  }

  Frame(int envSize, boolean[] checked, int transitions, int sites) {
    this.env = new int[envSize];
    this.checked = checked;
    this.taken = new long[transitions];
    this.enabled = new long[transitions];
    this.evaluated = new long[sites];
    this.held = new long[sites];
    this.counts = Counts.over(taken, enabled, evaluated, held);
  }

  /** What this frame's runs have counted so far (live, not a copy). */
  public Counts counts() {
    return counts;
  }

  /**
   * The model's steps as bytecode, or null: its linked instructions run them. Resolved on first
   * use, not when the frame is made: loading a model runs init with a frame and needs no class.
   */
  GeneratedSteps bytecode() {
    if (!resolved) {
      bytecode = stepBytecode.get();
      resolved = true;
    }
    return bytecode;
  }

  private Canonicalising canonicalising;
  /** Whether the sink keeps no successor arrays: see {@link SuccessorSink#keepsSuccessors}. */
  boolean lending;
  /** The arrays {@link #copyOf} lends, one per depth of nested branches, and the depth. */
  private int[][] lent = new int[4][];
  private int depth;
  /** The bound variables {@link #saveEnv} kept, one per depth of nested either and choose. */
  private int[][] savedEnv = new int[4][];
  private int envDepth;

  /**
   * Called before a transition runs: a violation thrown from within a branch skipped its
   * {@link #giveBack} and {@link #dropSavedEnv}.
   */
  void lendTo(SuccessorSink target) {
    lending = !target.keepsSuccessors();
    depth = 0;
    envDepth = 0;
  }

  /**
   * A copy of the bound variables, kept by an either or a choose of the generated code to give
   * each branch the variables it started with; this depth's array, free again at
   * {@link #dropSavedEnv}. (A new copy per either was a small allocation per process a state.)
   */
  int[] saveEnv() {
    int d = envDepth++;
    if (d == savedEnv.length) savedEnv = java.util.Arrays.copyOf(savedEnv, 2 * d);
    int[] copy = savedEnv[d];
    if (copy == null) savedEnv[d] = copy = new int[env.length];
    System.arraycopy(env, 0, copy, 0, env.length);
    return copy;
  }

  /** The either or choose that called {@link #saveEnv} has run its last branch. */
  void dropSavedEnv() {
    envDepth--;
  }

  /**
   * The copy of {@code s} a branch of the generated code runs on: a new array, or, when the sink
   * keeps none, this depth's array, free again once the branch's method has returned (its
   * successor was emitted and packed by then, or the branch was disabled).
   */
  int[] copyOf(int[] s) {
    if (!lending) return s.clone();
    int d = depth++;
    if (d == lent.length) lent = java.util.Arrays.copyOf(lent, 2 * d);
    int[] copy = lent[d];
    if (copy == null || copy.length != s.length) lent[d] = copy = new int[s.length];
    System.arraycopy(s, 0, copy, 0, s.length);
    return copy;
  }

  /** The branch that {@link #copyOf} lent to has returned. */
  void giveBack() {
    if (lending) depth--;
  }

  void emit(int[] s) {
    emitted++;
    sink.successor(s, transition);
  }

  /** A sink that hands on canonical forms; one per frame, so nothing is allocated per state. */
  SuccessorSink canonicalising(SuccessorSink target, Symmetry symmetry) {
    if (canonicalising == null) canonicalising = new Canonicalising(symmetry);
    canonicalising.target = target;
    return canonicalising;
  }

  private static final class Canonicalising implements SuccessorSink {
    private final Symmetry symmetry;
    private final int[] slots;
    SuccessorSink target;

    Canonicalising(Symmetry symmetry) {
      this.symmetry = symmetry;
      this.slots = new int[symmetry.scratch];
    }

    @Override
    public void successor(int[] next, int transition) {
      // the array is the receiver's: no copy when it is canonical already
      target.successor(symmetry.least(next, slots), transition);
    }

    @Override
    public void violation(int property, int[] at, int transition) {
      target.violation(property, at, transition);
    }

    @Override
    public boolean keepsSuccessors() {
      // least returns the array itself when it is canonical
      return target.keepsSuccessors();
    }
  }
}
