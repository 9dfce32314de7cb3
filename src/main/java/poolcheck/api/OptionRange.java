package poolcheck.api;

import java.util.Locale;

/**
 * The valid range of each numeric option, checked before any work starts: a value outside it is
 * refused naming the range, never a silent clamp, a limit "reached" at once, an overflow or a
 * hang.
 */
final class OptionRange {
  /** Seconds accepted by a time limit and the intervals: about 31 years. */
  static final long MAX_SECONDS = 1_000_000_000L;

  private OptionRange() {}

  /**
   * The most workers accepted: 4 per core or 256, whichever is larger. More threads than that
   * only share the same cores; each also holds buffers, so 100,000 of them exhaust the machine.
   */
  static int maxWorkers() {
    return Math.max(256, 4 * Runtime.getRuntime().availableProcessors());
  }

  static void check(String option, long value, long min, long max) {
    if (value < min || value > max) {
      throw new InvalidOptionException(option, n -> n.apply(option) + " " + value
          + ": expected " + String.format(Locale.ROOT, "%,d to %,d", min, max));
    }
  }

  static void check(String option, double value, double min, double max) {
    if (!(value >= min && value <= max)) { // also catches NaN
      throw new InvalidOptionException(option, n -> n.apply(option) + " " + value
          + ": expected a number of seconds from "
          + String.format(Locale.ROOT, "%s to %,d", min, (long) max));
    }
  }
}
