package poolcheck.result;

import com.google.common.collect.ImmutableList;
import poolcheck.compile.Property;

/**
 * A path from an initial state to a violation. The first step is the initial state. For a
 * safety property it is a shortest path and {@code loop} is -1; for an assertion or runtime
 * error the last state is the one at the moment the check failed, part-way through the step.
 * For a liveness property it is a lasso: after the last step the run continues from the state at
 * index {@code loop} for ever (loop == last index: the run stops there, no step enabled).
 */
public record Counterexample(Property property, ImmutableList<TraceStep> steps, int loop) {
  public Counterexample(Property property, ImmutableList<TraceStep> steps) {
    this(property, steps, -1);
  }

  /** Number of transitions, the initial state not counted. */
  public int length() {
    return steps.size() - 1;
  }

  public boolean isLasso() {
    return loop >= 0;
  }
}
