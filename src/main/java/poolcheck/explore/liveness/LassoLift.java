package poolcheck.explore.liveness;

import com.google.common.collect.ImmutableList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import poolcheck.result.Counterexample;
import poolcheck.result.TraceStep;
import poolcheck.system.Liveness;
import poolcheck.system.Stepper;
import poolcheck.system.SuccessorSink;
import poolcheck.system.TransitionSystem;

/**
 * Turns a lasso of the quotient graph (one canonical state per orbit) into a lasso of the model,
 * without the model's own graph. Each quotient edge is a step of some instance from a canonical
 * state c to the orbit of a successor; from any concrete state x = pi(c) the same instance has a
 * step to the pi-image of that successor, which is in the same orbit and changes x exactly when
 * the quotient step changed c (permutations act on scalarset values, never on processes, and the
 * steps commute with them). So the stem lifts step by step to a concrete state s in the entry's
 * orbit, and one turn of the cycle leads from s to some pi(s); turn j ends in pi^j(s), which is s
 * again after at most the order of pi turns. The concrete lasso has the quotient's process labels
 * and, state by state, its enabled instances and the properties' premise and goal (all invariant
 * under pi), so it is fair and violating exactly when the quotient's is; {@link FairLassoCheck}
 * confirms it all the same.
 *
 * <p>Which concrete successor a step takes, when several fit, is the first in the stepper's
 * order: for the stem any fits. For the cycle every fitting successor is followed, breadth-first
 * over (concrete state, position on the cycle), so the closed walk back to s is the one of
 * fewest turns. Its states are in one orbit per position: at most the group's order times the
 * cycle's length of them.
 */
final class LassoLift {
  /** The lifted lasso, or null and why the lift failed (a fingerprint collision, or a bug). */
  record Outcome(Counterexample lasso, String failure) {}

  /** A state of the walk around the cycle: where on the cycle, and the concrete state. */
  private record Place(int position, List<Integer> state) {}

  /** A concrete step: the state after it and the transition taken. */
  private record Step(int[] state, int transition) {}

  /** Each quotient step of the lasso: its instance, its target orbit, whether it moves. */
  private record Orbit(int instance, int[] canonical, boolean moves) {}

  /** Far above any group's order times a cycle's length: a walk that long is lost. */
  private static final int MOST_PLACES = 1 << 22;

  private final TransitionSystem model;
  private final Stepper stepper;
  private final LivenessGraph quotient;

  LassoLift(TransitionSystem model, Stepper stepper, LivenessGraph quotient) {
    this.model = model;
    this.stepper = stepper;
    this.quotient = quotient;
  }

  /**
   * The concrete lasso for the quotient lasso of property k: {@code stem} and {@code cycle} as
   * {@link LivenessChecker} builds them, {state, edge into it} pairs (the stem's first edge -1).
   */
  Outcome lift(Liveness liveness, int k, List<int[]> stem, List<int[]> cycle) {
    List<Orbit> orbits = new ArrayList<>();
    int[] start = new int[model.layout().slots()];
    model.layout().unpack(quotient.initials.get(stem.get(0)[0]), 0, start);
    int[] canonical = start;
    int at = stem.get(0)[0];
    for (int[] step : concat(stem.subList(1, stem.size()), cycle)) {
      int e = step[1];
      int[] next = successorNumber(canonical, e - quotient.start(at));
      if (next == null) return failed("quotient state " + at + " has no edge " + e);
      canonical = model.canonical(next);
      orbits.add(new Orbit(quotient.instance(e), canonical, quotient.moves(at, e)));
      at = step[0];
    }
    int[] first = firstInitialIn(start);
    if (first == null) return failed("no initial state in the orbit of the lasso's first state");
    List<Step> path = new ArrayList<>();
    path.add(new Step(first, -1));
    int[] current = first;
    for (int j = 0; j < stem.size() - 1; j++) {
      List<Step> fits = fitting(current, orbits.get(j));
      if (fits.isEmpty()) return failed("stem step " + (j + 1) + " has no concrete successor");
      path.add(fits.get(0));
      current = fits.get(0).state();
    }
    int loop = path.size() - 1;
    List<Step> turns = closedWalk(current, orbits.subList(stem.size() - 1, orbits.size()));
    if (turns == null) return failed("the cycle's lift does not return to its first state");
    path.addAll(turns);
    String wrong = FairLassoCheck.violation(model, stepper, liveness, k, states(path),
        transitions(path), loop);
    if (wrong != null) return failed("the lifted lasso " + wrong);
    return new Outcome(counterexample(liveness, k, path, loop), null);
  }

  private static Outcome failed(String why) {
    return new Outcome(null, why);
  }

  private static List<int[]> concat(List<int[]> a, List<int[]> b) {
    List<int[]> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /**
   * The shortest walk from s that follows the cycle's steps round and round and is back in s at
   * the end of a turn: its steps, the last one back to s; empty for a cycle of no step (the
   * quotient stutters at its entry, and so does s).
   */
  private List<Step> closedWalk(int[] s, List<Orbit> cycle) {
    if (cycle.isEmpty()) return List.of();
    int length = cycle.size();
    Place start = new Place(0, boxed(s));
    Map<Place, Place> parent = new HashMap<>();
    Map<Place, Integer> via = new HashMap<>();
    ArrayDeque<Place> queue = new ArrayDeque<>();
    queue.add(start);
    parent.put(start, null);
    while (!queue.isEmpty() && parent.size() < MOST_PLACES) {
      Place p = queue.poll();
      int[] x = unboxed(p.state());
      for (Step step : fitting(x, cycle.get(p.position()))) {
        Place q = new Place((p.position() + 1) % length, boxed(step.state()));
        if (q.equals(start)) {
          List<Step> walk = new ArrayList<>();
          walk.add(step);
          for (Place r = p; !r.equals(start); r = parent.get(r)) {
            walk.add(new Step(unboxed(r.state()), via.get(r)));
          }
          java.util.Collections.reverse(walk);
          return walk;
        }
        if (parent.containsKey(q)) continue;
        parent.put(q, p);
        via.put(q, step.transition());
        queue.add(q);
      }
    }
    return null;
  }

  /** The successors of x by o's instance in o's orbit that move exactly when o's step moved. */
  private List<Step> fitting(int[] x, Orbit o) {
    List<Step> out = new ArrayList<>();
    stepper.successors(x, new SuccessorSink() {
      @Override
      public void successor(int[] next, int transition) {
        if (model.transitions().get(transition).instanceIndex() == o.instance()
            && Arrays.equals(next, x) != o.moves()
            && Arrays.equals(model.canonical(next), o.canonical())) {
          out.add(new Step(next.clone(), transition));
        }
      }

      @Override
      public void violation(int property, int[] at, int transition) { }
    });
    return out;
  }

  /** Successor number n of s in the stepper's order: what edge start(s) + n of s stands for. */
  private int[] successorNumber(int[] s, int n) {
    int[] ordinal = {0};
    int[][] found = {null};
    stepper.successors(s, new SuccessorSink() {
      @Override
      public void successor(int[] next, int transition) {
        if (ordinal[0]++ == n) found[0] = next.clone();
      }

      @Override
      public void violation(int property, int[] at, int transition) { }
    });
    return found[0];
  }

  private int[] firstInitialIn(int[] canonical) {
    List<int[]> found = new ArrayList<>();
    stepper.initialStates(new SuccessorSink() {
      @Override
      public void successor(int[] next, int transition) {
        if (found.isEmpty() && Arrays.equals(model.canonical(next), canonical)) {
          found.add(next.clone());
        }
      }

      @Override
      public void violation(int property, int[] at, int transition) { }
    });
    return found.isEmpty() ? null : found.get(0);
  }

  private Counterexample counterexample(Liveness liveness, int k, List<Step> path, int loop) {
    ImmutableList.Builder<TraceStep> steps = ImmutableList.builder();
    // the last step returns to the loop state: the lasso's closing step, not a state of its own
    boolean closes = path.size() - 1 > loop;
    int last = closes ? path.size() - 2 : path.size() - 1;
    for (int j = 0; j <= last; j++) {
      Step s = path.get(j);
      steps.add(new TraceStep(s.transition() < 0 ? null
          : model.transitions().get(s.transition()), model.view(s.state())));
    }
    return new Counterexample(liveness.property(k), steps.build(), loop, null,
        closes ? model.transitions().get(path.get(path.size() - 1).transition()) : null);
  }

  private static List<int[]> states(List<Step> path) {
    return path.stream().map(Step::state).toList();
  }

  private static int[] transitions(List<Step> path) {
    return path.stream().mapToInt(Step::transition).toArray();
  }

  private static List<Integer> boxed(int[] s) {
    return Arrays.stream(s).boxed().toList();
  }

  private static int[] unboxed(List<Integer> s) {
    return s.stream().mapToInt(Integer::intValue).toArray();
  }
}
