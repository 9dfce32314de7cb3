package poolcheck.api;

import java.util.List;
import java.util.Optional;

/**
 * A run from an initial state to the violation of {@code property} (of {@code kind}:
 * invariant, assert, deadlock, leads-to, ...). For a liveness property it is a lasso: after the
 * last step the run continues from the state at index {@code loop} for ever; otherwise
 * {@code loop} is -1. {@code failure} says in words what failed, where the name does not.
 */
public record Counterexample(String property, String kind, List<TraceStep> steps, int loop,
    Optional<String> failure) {
  public Counterexample {
    steps = List.copyOf(steps);
  }

  /** Number of steps taken, the initial state not counted. */
  public int length() {
    return steps.size() - 1;
  }

  public boolean isLasso() {
    return loop >= 0;
  }
}
