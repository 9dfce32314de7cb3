package poolcheck.compile;

/**
 * A model's steps and invariants as JVM bytecode: the class {@link StepClassWriter} writes at
 * load time extends this one. It does what the linked instructions do, in the same order with
 * the same violations, without a virtual call per statement and expression, so the JIT compiles
 * each step to straight-line code.
 */
abstract class GeneratedSteps {
  /**
   * Runs the step that is transition {@code transition} from {@code s}, which it leaves as it
   * is (see {@link Instr#runFrom}).
   */
  abstract void run(int transition, Frame f, int[] s);

  /** The value of invariant {@code k} (an index into the model's invariants) in {@code s}. */
  abstract int invariant(int k, Frame f, int[] s);
}
