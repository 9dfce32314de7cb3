package poolcheck.compile;

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

  Frame(int envSize, boolean[] checked) {
    this.env = new int[envSize];
    this.checked = checked;
  }

  private Canonicalising canonicalising;

  void emit(int[] s) {
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
    SuccessorSink target;

    Canonicalising(Symmetry symmetry) {
      this.symmetry = symmetry;
    }

    @Override
    public void successor(int[] next, int transition) {
      target.successor(symmetry.canonical(next), transition);
    }

    @Override
    public void violation(int property, int[] at, int transition) {
      target.violation(property, at, transition);
    }
  }
}
