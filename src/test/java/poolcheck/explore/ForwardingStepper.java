package poolcheck.explore;

import poolcheck.system.Counts;
import poolcheck.system.Stepper;
import poolcheck.system.SuccessorSink;

/** A stepper that is another one except where a test overrides it (a step that fails). */
public interface ForwardingStepper extends Stepper {
  Stepper delegate();

  @Override
  default void initialStates(SuccessorSink sink) {
    delegate().initialStates(sink);
  }

  @Override
  default void successors(int[] s, SuccessorSink sink) {
    delegate().successors(s, sink);
  }

  @Override
  default void successors(int[] s, int transition, SuccessorSink sink) {
    delegate().successors(s, transition, sink);
  }

  @Override
  default int violatedInvariant(int[] s) {
    return delegate().violatedInvariant(s);
  }

  @Override
  default boolean isFinal(int[] s) {
    return delegate().isFinal(s);
  }

  @Override
  default Counts counts() {
    return delegate().counts();
  }

  @Override
  default boolean livenessPremise(int k, int[] s) {
    return delegate().livenessPremise(k, s);
  }

  @Override
  default boolean livenessGoal(int k, int[] s) {
    return delegate().livenessGoal(k, s);
  }
}
