package poolcheck.explore;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import poolcheck.result.CheckResult;
import poolcheck.result.Counterexample;
import poolcheck.result.Statistics;
import poolcheck.result.TraceStep;
import poolcheck.result.Verdict;
import poolcheck.system.PropertySelection;
import poolcheck.system.Stepper;
import poolcheck.system.SuccessorSink;
import poolcheck.system.TransitionSystem;

/**
 * The test oracle: the plainest breadth-first search, one thread, states as int[] in a
 * java.util.HashMap, parents and transitions in lists, no limits, no packing, no fingerprints,
 * none of the engine's stores. Every mode of {@link Explorer} must store as many states, generate
 * as many successors, reach the same depth and find a violation of the same length as this.
 *
 * <p>Its rules are the engine's: a violation ends the search once its level is expanded, the
 * first of the shortest in breadth-first order is reported, a violation among the initial states
 * stops before any expansion, and a state with nothing enabled that is not final deadlocks.
 */
public final class SequentialBfs {
  private SequentialBfs() {}

  private record Key(int[] state) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(state, k.state);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(state);
    }
  }

  /** A violation: of {@code property} at stored state {@code index}, or mid-step at {@code at}. */
  private record Found(int property, int index, int parent, int transition, int[] at,
      int length) {}

  public static CheckResult run(TransitionSystem system, PropertySelection checked) {
    long start = System.currentTimeMillis();
    Stepper stepper = system.stepper(checked);
    Map<Key, Integer> seen = new HashMap<>();
    List<int[]> states = new ArrayList<>();
    List<Integer> parents = new ArrayList<>();
    List<Integer> via = new ArrayList<>();
    List<Integer> depths = new ArrayList<>();
    int deadlock = system.property("deadlock").orElseThrow().id();
    Found[] found = {null};
    long[] generated = {0};
    int[] emitted = {0};
    int[] from = {-1};

    SuccessorSink sink = new SuccessorSink() {
      @Override
      public void successor(int[] next, int transition) {
        emitted[0]++;
        generated[0]++;
        if (seen.putIfAbsent(new Key(next.clone()), states.size()) != null) return;
        int depth = from[0] < 0 ? 0 : depths.get(from[0]) + 1;
        states.add(next.clone());
        parents.add(from[0]);
        via.add(transition);
        depths.add(depth);
        int bad = stepper.violatedInvariant(next);
        if (bad >= 0) offer(new Found(bad, states.size() - 1, -1, -1, null, depth));
      }

      @Override
      public void violation(int property, int[] at, int transition) {
        emitted[0]++;
        offer(new Found(property, -1, from[0], transition, at.clone(),
            from[0] < 0 ? 0 : depths.get(from[0]) + 1));
      }

      private void offer(Found f) {
        if (found[0] == null || f.length() < found[0].length()) found[0] = f;
      }
    };

    stepper.initialStates(sink);
    int levelEnd = found[0] != null ? 0 : states.size();
    for (int head = 0; head < levelEnd; head++) {
      from[0] = head;
      emitted[0] = 0;
      int[] s = states.get(head);
      stepper.successors(s, sink);
      if (emitted[0] == 0 && checked.checks(deadlock) && !stepper.isFinal(s)) {
        Found f = new Found(deadlock, head, -1, -1, null, depths.get(head));
        if (found[0] == null || f.length() < found[0].length()) found[0] = f;
      }
      // the end of a level: go on to the next unless a violation was found in this one
      if (head == levelEnd - 1 && found[0] == null) levelEnd = states.size();
    }
    Found f = found[0];
    int depth = f != null ? f.length() : states.isEmpty() ? 0 : depths.get(depths.size() - 1);
    Statistics stats = new Statistics(generated[0], states.size(), depth,
        System.currentTimeMillis() - start, 1, 0);
    Optional<Counterexample> trace = Optional.ofNullable(f).map(v -> {
      List<TraceStep> steps = new ArrayList<>();
      if (v.at() != null) {
        steps.add(new TraceStep(v.transition() < 0 ? null
            : system.transitions().get(v.transition()), system.view(v.at())));
      }
      for (int i = v.at() != null ? v.parent() : v.index(); i >= 0; i = parents.get(i)) {
        int t = via.get(i);
        steps.add(new TraceStep(t < 0 ? null : system.transitions().get(t),
            system.view(states.get(i))));
      }
      Counterexample cx = new Counterexample(system.properties().get(v.property()),
          ImmutableList.copyOf(steps).reverse());
      if (system.reducesSymmetry()) cx = Concretizer.concretize(system, cx, checked);
      return cx.explainedBy(system, checked);
    });
    return new CheckResult(system.name(), system.constants(), checked.names(),
        f == null ? Verdict.VERIFIED : Verdict.VIOLATED, stats, trace, null);
  }
}
