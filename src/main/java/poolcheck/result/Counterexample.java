package poolcheck.result;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import poolcheck.system.Property;
import poolcheck.system.PropertySelection;
import poolcheck.system.Transition;
import poolcheck.system.TransitionSystem;

/**
 * A path from an initial state to a violation. The first step is the initial state. For a
 * safety property it is a shortest path and {@code loop} is -1; for an assertion or runtime
 * error the last state is the one at the moment the check failed, part-way through the step.
 * For a liveness property it is a lasso: after the last step the run continues from the state at
 * index {@code loop} for ever (loop == last index: the run stops there, no step enabled).
 * {@code failure} says in words what failed (the variable, value, range, expression and
 * position), or is null where the property's name says it all. {@code closing} is the step that
 * leads from a lasso's last state back to the state at {@code loop} (TLC's "back to state"), or
 * null: not a lasso, a lasso that stops in its last state, or a trace read from a file that did
 * not record it.
 */
public record Counterexample(Property property, ImmutableList<TraceStep> steps, int loop,
    String failure, Transition closing) {
  public Counterexample(Property property, ImmutableList<TraceStep> steps, int loop,
      String failure) {
    this(property, steps, loop, failure, null);
  }

  public Counterexample(Property property, ImmutableList<TraceStep> steps, int loop) {
    this(property, steps, loop, null, null);
  }

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

  public Optional<String> failureText() {
    return Optional.ofNullable(failure);
  }

  /**
   * The same trace with its failure in words, found by running the last step again in
   * {@code model}: every engine builds its traces its own way, and this is the one place that
   * explains their end.
   */
  public Counterexample explainedBy(TransitionSystem model, PropertySelection checked) {
    if (failure != null || isLasso() || steps.isEmpty()) return this;
    try {
      int[] at = model.state(steps.get(steps.size() - 1).state());
      int[] before = steps.size() < 2 ? null : model.state(steps.get(steps.size() - 2).state());
      var t = steps.get(steps.size() - 1).transition();
      return new Counterexample(property, steps, loop, model.failure(property.id(), before,
          t == null ? -1 : t.id(), at, checked).orElse(null), closing);
    } catch (IllegalArgumentException e) {
      return this; // a state the model cannot read back: nothing more to say
    }
  }

  /** As above when the search's checked properties are known only by name. */
  public Counterexample explainedBy(TransitionSystem model,
      java.util.Collection<String> checked) {
    return explainedBy(model, PropertySelection.of(model, checked, true).with(property.id()));
  }
}
