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
  }
}
