package poolcheck.compile;

import java.util.concurrent.Callable;

/**
 * A model's steps as bytecode, written on first use: a model loaded only to be run as linked
 * instructions ({@code --no-bytecode}, {@code -Dpoolcheck.bytecode=off}), listed or exported
 * never writes or defines the class. Shared by the copies of a model that differ in symmetry
 * only, so each model writes its class once at most.
 */
final class StepBytecode {
  /** Never generates: the linked instructions run the steps. */
  static final StepBytecode NONE = new StepBytecode(null);

  private final Callable<GeneratedSteps> generate;
  private GeneratedSteps steps;
  private boolean done;

  StepBytecode(Callable<GeneratedSteps> generate) {
    this.generate = generate;
    this.done = generate == null;
  }

  /** The generated class (written now if it was not yet), or null: run the linked instructions. */
  synchronized GeneratedSteps get() {
    if (!done) {
      try {
        steps = generate.call();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      } finally {
        done = true;
      }
    }
    return steps;
  }

  /** Whether the class has been written and defined (for the test that it is not when off). */
  synchronized boolean generated() {
    return steps != null;
  }
}
