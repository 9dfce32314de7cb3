package poolcheck.system;

import poolcheck.language.Position;

/**
 * One labelled step of one process instance: what a trace names. {@code function} is the kernel
 * function the step stands for, or null; {@code atomicReason} the reason an {@code atomic} step
 * gives (the hardware atomic it stands for), or null.
 */
public record Transition(int id, String instance, int instanceIndex, String label, String function,
    Position position, String atomicReason) {
  public Transition(int id, String instance, int instanceIndex, String label, String function,
      Position position) {
    this(id, instance, instanceIndex, label, function, position, null);
  }
}
