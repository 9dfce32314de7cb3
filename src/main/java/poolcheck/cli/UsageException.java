package poolcheck.cli;

/** A user's mistake that the flags alone cannot catch (a property that does not exist, ...). */
final class UsageException extends RuntimeException {
  UsageException(String message) {
    super(message);
  }
}
