package poolcheck.selfcheck;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Frame;
import poolcheck.system.SuccessorSink;
import poolcheck.result.Verdict;

/**
 * The plainest exhaustive search there is: depth-first, states as java.util lists in a HashSet,
 * never stopping early. It shares only the compiled stepper with the explorer, so it checks the
 * explorer's store, queue and stopping rules, as hppc tests its sets against java.util.HashSet.
 */
final class ReferenceSearch {
  private ReferenceSearch() {}

  static SearchMode.Outcome run(CompiledModel m) {
    Frame frame = m.newFrame(m.allChecked());
    Set<State> seen = new HashSet<>();
    Deque<int[]> todo = new ArrayDeque<>();
    boolean[] violated = {false};
    int[] emitted = {0};
    SuccessorSink sink = new SuccessorSink() {
      @Override
      public void successor(int[] next, int transition) {
        emitted[0]++;
        if (seen.add(new State(next))) todo.push(next);
      }

      @Override
      public void violation(int property, int[] at, int transition) {
        emitted[0]++;
        violated[0] = true;
      }
    };
    m.initialStates(frame, sink);
    while (!todo.isEmpty()) {
      int[] s = todo.pop();
      if (m.violatedInvariant(s, frame) >= 0) violated[0] = true;
      emitted[0] = 0;
      m.successors(s, frame, sink);
      if (emitted[0] == 0 && !m.isFinal(s, frame)) violated[0] = true;
    }
    return new SearchMode.Outcome(violated[0] ? Verdict.VIOLATED : Verdict.VERIFIED, seen.size());
  }

  private record State(int[] slots) {
    @Override
    public boolean equals(Object o) {
      return o instanceof State s && Arrays.equals(slots, s.slots);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(slots);
    }
  }
}
