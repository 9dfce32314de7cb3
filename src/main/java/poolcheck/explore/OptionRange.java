package poolcheck.explore;

import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The valid range of one search option, stated once. The bounds are in the engine's unit
 * (states, milliseconds, bytes); a user gives the value in the option's own unit (seconds,
 * megabytes), and {@link #check(long)}, {@link #millis(double)} and {@link #bytes(long)} check it
 * in that unit before converting it, so the message names the value as typed. {@link
 * SearchOptions} checks its fields against the same ranges, in the engine's unit.
 *
 * <p>A value out of range is refused naming the range, never a silent clamp, a limit "reached"
 * at once, an overflow or a hang.
 */
public final class OptionRange {
  /** Seconds accepted by a time limit and the intervals: about 31 years. */
  public static final long MAX_SECONDS = 1_000_000_000L;

  public static final OptionRange WORKERS = new OptionRange("workers", Unit.COUNT, 1,
      OptionRange::maxWorkers);
  public static final OptionRange MAX_STATES = count("maxStates", 1, Long.MAX_VALUE);
  public static final OptionRange MAX_DEPTH = count("maxDepth", 1, Integer.MAX_VALUE);
  /** Whole seconds for a user; the engine takes any positive number of milliseconds. */
  public static final OptionRange TIME_LIMIT = new OptionRange("timeLimit", Unit.SECONDS, 1,
      () -> MAX_SECONDS * 1000);
  /** 0 spills the whole frontier. */
  public static final OptionRange FRONTIER_MEMORY = new OptionRange("frontierMemory",
      Unit.MEGABYTES, 0, () -> Long.MAX_VALUE);
  /** 0 checkpoints at every level. */
  public static final OptionRange CHECKPOINT_INTERVAL = new OptionRange("checkpointInterval",
      Unit.SECONDS, 0, () -> MAX_SECONDS * 1000);
  /**
   * A user reports at most every millisecond; the engine also takes 0, "at every chance", which
   * tests use to see every report whatever the machine's speed.
   */
  public static final OptionRange PROGRESS_INTERVAL = new OptionRange("progressInterval",
      Unit.SECONDS, 0, 1, () -> MAX_SECONDS * 1000);

  /** Bytes of a bitstate array: from one long to the largest long[] Java allows. */
  public static final OptionRange BITSTATE = count("bitstate", 8,
      poolcheck.explore.store.BitstateSet.MAX_BITS / 8);
  /** Bits set per state in a bitstate array; SPIN's -k, default 3, also at most 32. */
  public static final OptionRange HASH_FUNCTIONS = count("hashFunctions", 1, 32);
  /** Searches in a swarm: each holds its own bit array, so a million is already absurd. */
  public static final OptionRange SWARM = count("swarm", 1, 1_000_000);

  /**
   * A size as typed, in bytes: digits with an optional K, M, G or T (powers of 1024), checked
   * against {@link #BITSTATE}.
   */
  public static long bitstateBytes(String text) {
    String t = text.strip().toUpperCase(Locale.ROOT);
    long scale = 1;
    int suffix = "KMGT".indexOf(t.isEmpty() ? '?' : t.charAt(t.length() - 1));
    if (suffix >= 0) {
      scale = 1L << (10 * (suffix + 1));
      t = t.substring(0, t.length() - 1);
    }
    long value;
    try {
      value = Long.parseLong(t);
    } catch (NumberFormatException e) {
      value = -1;
    }
    if (value < 0 || value > Long.MAX_VALUE / scale) {
      throw new InvalidSearchOption("bitstate", n -> n.apply("bitstate") + " " + text
          + ": expected a number of bytes, with K, M, G or T for powers of 1024 (e.g. 512M)");
    }
    long bytes = value * scale;
    if (bytes < BITSTATE.min || bytes > BITSTATE.max.getAsLong()) {
      throw new InvalidSearchOption("bitstate", n -> n.apply("bitstate") + " " + text
          + ": expected " + String.format(Locale.ROOT, "%,d to %,d bytes", BITSTATE.min,
              BITSTATE.max.getAsLong()));
    }
    return bytes;
  }

  /** The unit a user gives and how many of the engine's units it holds. */
  public enum Unit {
    COUNT(1, ""), SECONDS(1000, " ms"), MEGABYTES(1L << 20, " bytes");

    private final long scale;
    private final String engineSuffix;

    Unit(long scale, String engineSuffix) {
      this.scale = scale;
      this.engineSuffix = engineSuffix;
    }
  }

  private final String name;
  private final Unit unit;
  private final long min;
  /** The least a user may give, in the engine's unit: at least {@code min}. */
  private final long userLeast;
  private final LongSupplier max;

  private OptionRange(String name, Unit unit, long min, LongSupplier max) {
    this(name, unit, min, min, max);
  }

  private OptionRange(String name, Unit unit, long min, long userLeast, LongSupplier max) {
    this.name = name;
    this.unit = unit;
    this.min = min;
    this.userLeast = userLeast;
    this.max = max;
  }

  /** A count from {@code min} to {@code max}, named {@code name}. */
  public static OptionRange count(String name, long min, long max) {
    return new OptionRange(name, Unit.COUNT, min, () -> max);
  }

  /** The same range under another name (the ledger's budget is a time limit). */
  public OptionRange named(String other) {
    return new OptionRange(other, unit, min, userLeast, max);
  }

  public String name() {
    return name;
  }

  /**
   * The most workers accepted: 4 per core or 256, whichever is larger. More threads than that
   * only share the same cores; each also holds buffers, so 100,000 of them exhaust the machine.
   */
  public static int maxWorkers() {
    return Math.max(256, 4 * Runtime.getRuntime().availableProcessors());
  }

  /** The least whole value a user can give, rounded up to the user's unit. */
  private long userMin() {
    return Math.floorDiv(userLeast + unit.scale - 1, unit.scale);
  }

  private long userMax() {
    return max.getAsLong() / unit.scale;
  }

  /** Checks a whole value in the user's unit (a count, seconds, megabytes); returns it. */
  public long check(long value) {
    if (value < userMin() || value > userMax()) {
      throw new InvalidSearchOption(name, n -> n.apply(name) + " " + value + ": expected "
          + String.format(Locale.ROOT, "%,d to %,d", userMin(), userMax()));
    }
    return value;
  }

  /** Checks a number of seconds (NaN and infinities refused); returns it. */
  public double check(double seconds) {
    double least = (double) userLeast / unit.scale;
    double most = (double) max.getAsLong() / unit.scale;
    if (!(seconds >= least && seconds <= most)) { // also catches NaN
      throw new InvalidSearchOption(name, n -> n.apply(name) + " " + seconds
          + ": expected a number of seconds from "
          + String.format(Locale.ROOT, "%s to %,d", least, (long) most));
    }
    return seconds;
  }

  /** Whole seconds, checked, in milliseconds. */
  public long millis(long seconds) {
    return check(seconds) * unit.scale;
  }

  /** Seconds, checked, in milliseconds (at least the least a user may give). */
  public long millis(double seconds) {
    return Math.max(userLeast, (long) (check(seconds) * unit.scale));
  }

  /** Megabytes, checked, in bytes. */
  public long bytes(long megabytes) {
    return check(megabytes) * unit.scale;
  }

  /** Checks a value in the engine's unit (milliseconds, bytes): what SearchOptions holds. */
  long checkEngine(long value) {
    if (value < min || value > max.getAsLong()) {
      throw new InvalidSearchOption(name, n -> n.apply(name) + " " + value + unit.engineSuffix
          + ": expected " + String.format(Locale.ROOT, "%,d to %,d", min, max.getAsLong())
          + unit.engineSuffix);
    }
    return value;
  }

  /** As {@link #checkEngine(long)}, also accepting {@code none}: the field's "no limit". */
  long checkEngine(long value, long none) {
    return value == none ? value : checkEngine(value);
  }
}
