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

  void emit(int[] s) {
    sink.successor(s, transition);
  }
}
