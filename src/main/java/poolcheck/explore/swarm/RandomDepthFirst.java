package poolcheck.explore.swarm;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import poolcheck.explore.store.BitstateSet;
import poolcheck.explore.store.Fingerprint;
import poolcheck.system.PropertySelection;
import poolcheck.system.StateLayout;
import poolcheck.system.Stepper;
import poolcheck.system.TransitionSystem;

/**
 * One member of a swarm: a depth-first search over its own bit array, as SPIN's bitstate DFS,
 * that takes each state's successors in a random order of its own. Two members differ in the
 * hash positions their arrays give a state (different states collide, so different subtrees
 * are skipped) and in the order they go down the graph (a different state is met first at a
 * given depth bound, and the bound cuts different paths). Holzmann's swarm verification: many
 * small, diverse, incomplete searches find more than one large one in the same time.
 *
 * <p>The stack is an array of {@link Emissions}, one per depth, so the search allocates nothing
 * per state but the successors the model itself returns; a violation's trace is the stack.
 * Single-threaded and seeded: the same seed gives the same search.
 */
final class RandomDepthFirst {
  /** A violation: the emission ordinals from the initial state down, and what broke where. */
  record Found(List<Integer> ordinalsFromRoot, int property, int transition, int[] at) {
    /** The steps of its trace: the states on the path, less the initial one, plus a mid-step. */
    int length() {
      return Math.max(0, ordinalsFromRoot.size() - 1) + (at != null ? 1 : 0);
    }
  }

  private final StateLayout layout;
  private final Stepper stepper;
  private final BitstateSet bits;
  private final SplittableRandom rng;
  private final int depthBound;
  private final AtomicBoolean stop;
  private final long deadline;
  private final int deadlock;
  private final DistinctSketch sketch = new DistinctSketch();
  /** Told every state stored, for cross-checks against an exact search; null: nobody. */
  private final LongConsumer witness;
  private final long[] packed;
  /** stack[d + 1] holds the emissions of the state at depth d; stack[0] the initial states. */
  private Emissions[] stack = new Emissions[64];
  /** stack position p: the ordinal its state has among its parent's emissions. */
  private int[] ordinalAt = new int[64];
  // Plain fields read by the swarm's progress lines: a stale value is fine there.
  long stored;
  long generated;
  int deepest;
  /** States at the depth bound: stored, not expanded. */
  long truncated;
  boolean finished;
  Found found;

  RandomDepthFirst(TransitionSystem model, PropertySelection checked, BitstateSet bits,
      long seed, int depthBound, AtomicBoolean stop, long deadline, LongConsumer witness) {
    this.layout = model.layout();
    this.stepper = model.stepper(checked);
    this.bits = bits;
    this.rng = new SplittableRandom(seed);
    this.depthBound = depthBound;
    this.stop = stop;
    this.deadline = deadline;
    int id = model.property("deadlock").orElseThrow().id();
    this.deadlock = checked.checks(id) ? id : -1;
    this.witness = witness;
    this.packed = new long[layout.words()];
  }

  BitstateSet bits() {
    return bits;
  }

  DistinctSketch sketch() {
    return sketch;
  }

  /** Searches until done, a violation, the stop flag or the deadline. */
  void run() {
    long expansions = 0;
    Emissions root = frame(0);
    stepper.initialStates(root);
    root.shuffle(rng);
    int top = 0;
    while (top >= 0) {
      Emissions e = stack[top];
      if (e.cursor == e.count) {
        top--;
        continue;
      }
      int i = e.order[e.cursor++];
      if (e.properties[i] >= 0) {
        found = new Found(path(top), e.properties[i], e.transitions[i], e.states[i]);
        return;
      }
      int[] next = e.states[i];
      generated++;
      layout.pack(next, packed, 0);
      long fp = Fingerprint.of(packed, 0, packed.length);
      if (!bits.add(fp)) continue;
      stored++;
      sketch.add(fp);
      if (witness != null) witness.accept(fp);
      // the new state sits at stack position top + 1, at depth top
      ordinalAt = ensure(ordinalAt, top + 1);
      ordinalAt[top + 1] = i;
      if (top > deepest) deepest = top;
      int bad = stepper.violatedInvariant(next);
      if (bad >= 0) {
        found = new Found(path(top + 1), bad, -2, null);
        return;
      }
      if (top >= depthBound) {
        truncated++;
        continue;
      }
      if ((++expansions & 0x3FF) == 0 && (stop.get() || System.currentTimeMillis() > deadline)) {
        return;
      }
      Emissions children = frame(top + 1);
      stepper.successors(next, children);
      if (children.count == 0) {
        if (deadlock >= 0 && !stepper.isFinal(next)) {
          found = new Found(path(top + 1), deadlock, -2, null);
          return;
        }
        continue;
      }
      children.shuffle(rng);
      top++;
    }
    finished = true;
  }

  /** The emissions at stack position p, cleared. */
  private Emissions frame(int p) {
    if (p == stack.length) stack = java.util.Arrays.copyOf(stack, p * 2);
    if (stack[p] == null) stack[p] = new Emissions();
    stack[p].clear();
    return stack[p];
  }

  private static int[] ensure(int[] a, int index) {
    return index < a.length ? a : java.util.Arrays.copyOf(a, Math.max(index + 1, a.length * 2));
  }

  /** The ordinals of the states at stack positions 1..p, the initial state's first. */
  private List<Integer> path(int p) {
    List<Integer> out = new ArrayList<>(p);
    for (int q = 1; q <= p; q++) out.add(ordinalAt[q]);
    return out;
  }
}
