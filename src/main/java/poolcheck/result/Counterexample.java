package poolcheck.result;

import com.google.common.collect.ImmutableList;
import poolcheck.compile.Property;

/**
 * The shortest path from an initial state to a violation. The first step is the initial state.
 * For an assertion or runtime error the last state is the one at the moment the check failed,
 * part-way through the step (the step's later assignments never happened).
 */
public record Counterexample(Property property, ImmutableList<TraceStep> steps) {
  /** Number of transitions, the initial state not counted. */
  public int length() {
    return steps.size() - 1;
  }
}
