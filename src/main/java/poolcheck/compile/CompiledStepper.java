package poolcheck.compile;

import poolcheck.system.Counts;
import poolcheck.system.Stepper;
import poolcheck.system.SuccessorSink;

/** The compiled model's stepper: the model's tables and one thread's {@link Frame}. */
final class CompiledStepper implements Stepper {
  private final CompiledModel model;
  private final Frame frame;

  CompiledStepper(CompiledModel model, Frame frame) {
    this.model = model;
    this.frame = frame;
  }

  @Override
  public void initialStates(SuccessorSink sink) {
    model.initialStates(frame, sink);
  }

  @Override
  public void successors(int[] s, SuccessorSink sink) {
    model.successors(s, frame, sink);
  }

  @Override
  public void successors(int[] s, int transition, SuccessorSink sink) {
    model.successors(s, transition, frame, sink);
  }

  @Override
  public int violatedInvariant(int[] s) {
    return model.violatedInvariant(s, frame);
  }

  @Override
  public boolean isFinal(int[] s) {
    return model.isFinal(s, frame);
  }

  @Override
  public Counts counts() {
    return frame.counts();
  }

  @Override
  public boolean livenessPremise(int k, int[] s) {
    return model.livenessPremise(k, s, frame);
  }

  @Override
  public boolean livenessGoal(int k, int[] s) {
    return model.livenessGoal(k, s, frame);
  }
}
