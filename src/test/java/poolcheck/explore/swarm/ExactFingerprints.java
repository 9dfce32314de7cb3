package poolcheck.explore.swarm;

import java.util.ArrayDeque;
import java.util.List;
import poolcheck.explore.store.Fingerprint;
import poolcheck.explore.store.FingerprintSet;
import poolcheck.system.PropertySelection;
import poolcheck.system.Stepper;
import poolcheck.system.SuccessorSink;
import poolcheck.system.TransitionSystem;

/**
 * The oracle a swarm is held to: every reachable state's fingerprint, as the swarm's searches
 * compute it, from the plainest breadth-first search (no property stops it).
 */
public final class ExactFingerprints {
  private ExactFingerprints() {}

  public static FingerprintSet of(TransitionSystem m) {
    Stepper stepper = m.stepper(PropertySelection.of(m, List.of(), false));
    FingerprintSet seen = new FingerprintSet();
    ArrayDeque<int[]> queue = new ArrayDeque<>();
    SuccessorSink sink = new SuccessorSink() {
      @Override
      public void successor(int[] next, int transition) {
        if (seen.add(Fingerprint.of(m.layout().pack(next)))) queue.add(next);
      }

      @Override
      public void violation(int property, int[] at, int transition) {}
    };
    stepper.initialStates(sink);
    while (!queue.isEmpty()) stepper.successors(queue.poll(), sink);
    return seen;
  }
}
