package poolcheck.check;

/**
 * Abandons the declaration, step or property being checked once its error is in
 * {@link Reports}; caught where checking can go on with the next one. Carries nothing: the
 * diagnostic is already recorded (or deliberately not, see {@link Reports#error}).
 */
final class CheckError extends RuntimeException {
  public CheckError() {
    super(null, null, false, false);
  }
}
