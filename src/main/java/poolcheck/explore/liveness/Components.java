package poolcheck.explore.liveness;

import java.util.Arrays;

/**
 * Strongly connected components of the subgraph on a set of states, by Pearce's space-efficient
 * variant of Tarjan ("A space-efficient algorithm for finding strongly connected components",
 * IPL 2016), iteratively: one int per state (rindex, Tarjan's index and lowlink in one), one bit
 * (root), and one int per state shared by the call stack (from the bottom) and the component
 * stack (from the top), since a state is on at most one of them; plus the edge each call has
 * reached. 12 bytes a state against Tarjan's 25 with its stamp array.
 *
 * <p>States outside the set are those whose rindex exceeds every index of the call: the value
 * {@link #OUTSIDE}, or a component number of an earlier call (numbers count down from it, so they
 * stay above the indices, which count up to at most the set's size). The arrays span the whole
 * graph and are reset only on the set, so the strong fairness refinement, which asks for the
 * components of ever smaller sets, costs what the sets cost.
 */
final class Components {
  private static final int OUTSIDE = Integer.MAX_VALUE;
  private final LivenessGraph graph;
  private final Runnable poll;
  private final int[] rindex;
  private final int[] stack;
  private final int[] callEdge;
  private final long[] root;
  /** Whether {@link #borrow} handed the arrays out since they were last reset. */
  private boolean lent;
  /** One call's counters, kept between the searches from its roots. */
  private int nextIndex;
  private int nextNumber;
  private int componentTop;
  private int written;

  Components(LivenessGraph graph, Runnable poll) {
    if (graph.size() >= 1 << 30) {
      throw new LivenessChecker.TooLarge("more than 1,073,741,824 states");
    }
    this.graph = graph;
    this.poll = poll;
    int n = graph.size();
    rindex = new int[n];
    stack = new int[n];
    callEdge = new int[n];
    root = new long[(n >>> 6) + 1];
    Arrays.fill(rindex, OUTSIDE);
  }

  /**
   * Writes the components of the subgraph on {@code set[0, count)} into {@code members}, one after
   * the other; {@link #component} then tells them apart (equal for the states of one component,
   * different for neighbours in {@code members}) until the next call on any of their states.
   */
  void find(int[] set, int count, int[] members) {
    reset();
    for (int j = 0; j < count; j++) rindex[set[j]] = 0;
    begin();
    for (int j = 0; j < count; j++) {
      if (rindex[set[j]] == 0) search(set[j], members);
    }
  }

  /**
   * The same for the set of states whose bit is set in {@code set}: no array of the set's
   * states beside the one of its members (4 bytes a state of R, the largest set asked for).
   */
  void find(long[] set, int[] members) {
    reset();
    for (int w = 0; w < set.length; w++) {
      for (long b = set[w]; b != 0; b &= b - 1) rindex[(w << 6) + Long.numberOfTrailingZeros(b)] = 0;
    }
    begin();
    for (int w = 0; w < set.length; w++) {
      for (long b = set[w]; b != 0; b &= b - 1) {
        int s = (w << 6) + Long.numberOfTrailingZeros(b);
        if (rindex[s] == 0) search(s, members);
      }
    }
  }

  private void reset() {
    if (lent) {
      Arrays.fill(rindex, OUTSIDE);
      lent = false;
    }
  }

  private void begin() {
    nextIndex = 1;
    nextNumber = OUTSIDE - 1;
    componentTop = stack.length;
    written = 0;
  }

  /** The depth-first search from {@code first}; its counters in locals, the hot loop's. */
  private void search(int first, int[] members) {
    int n = stack.length;
    int index = nextIndex;
    int number = nextNumber;
    int sp = componentTop;
    int m = written;
    int depth = 0;
    enter(first, 0, index++);
    while (depth >= 0) {
      poll.run();
      int v = stack[depth];
      int e = callEdge[depth];
      if (e < graph.end(v)) {
        callEdge[depth] = e + 1;
        int w = graph.target(e);
        if (rindex[w] == 0) {
          enter(w, ++depth, index++);
        } else if (rindex[w] < rindex[v]) {
          rindex[v] = rindex[w];
          root[v >>> 6] &= ~(1L << v);
        }
        continue;
      }
      if ((root[v >>> 6] & (1L << v)) != 0) {
        // v roots a component: it and the states above it on the component stack
        index--;
        while (sp < n && rindex[v] <= rindex[stack[sp]]) {
          int w = stack[sp++];
          rindex[w] = number;
          members[m++] = w;
          index--;
        }
        rindex[v] = number--;
        members[m++] = v;
      } else {
        stack[--sp] = v;
      }
      depth--;
      if (depth >= 0) {
        int p = stack[depth];
        if (rindex[v] < rindex[p]) {
          rindex[p] = rindex[v];
          root[p >>> 6] &= ~(1L << p);
        }
      }
    }
    nextIndex = index;
    nextNumber = number;
    componentTop = sp;
    written = m;
  }

  private void enter(int v, int depth, int index) {
    rindex[v] = index;
    root[v >>> 6] |= 1L << v;
    stack[depth] = v;
    callEdge[depth] = graph.start(v);
  }

  /** The component of a state of the last call's set. */
  int component(int s) {
    return rindex[s];
  }

  /**
   * Scratch space for after the search (the lasso's walks), 0: the stack, 1: the call edges,
   * 2: rindex; the next {@link #find} resets them.
   */
  int[] borrow(int which) {
    lent = true;
    return which == 0 ? stack : which == 1 ? callEdge : rindex;
  }
}
