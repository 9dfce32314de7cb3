package poolcheck.compile;

/**
 * Abandons the declaration, step or property being checked once its error is in
 * {@link Reports}; caught where checking can go on with the next one. Carries nothing: the
 * diagnostic is already recorded (or deliberately not, see {@link Reports#error}).
 */
final class CompileError extends RuntimeException {
  CompileError() {
    super(null, null, false, false);
  }
}
