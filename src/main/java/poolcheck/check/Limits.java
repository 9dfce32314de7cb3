package poolcheck.check;


/**
 * What one state and one step may cost, checked when a model is loaded so that a model too big
 * to explore is refused with a message instead of hanging, exhausting memory or overflowing the
 * stack mid-search. Each bound is a system property (docs/language.md, Limits), raised with e.g.
 * {@code POOLCHECK_JAVA_OPTS="-Xss64m -Dpoolcheck.max-state-slots=20000" ./poolcheck check ...}:
 * a step runs as a chain of nested calls, so a much longer step also needs a larger -Xss.
 */
public record Limits(long stateSlots, long stateBits, long stepLength, long successors,
    long evaluation, long symmetryImages) {
  /** The bounds in force: the defaults, or the system properties that raise them. */
  public static Limits current() {
    return new Limits(get("max-state-slots", 4_096), get("max-state-bits", 16_384),
        get("max-step-length", 4_096), get("max-successors", 65_536),
        get("max-evaluation", 1 << 24), get("max-symmetry-images", 100_000));
  }

  /** The system property that sets a bound, for messages. */
  public static String property(String name) {
    return "-Dpoolcheck." + name;
  }

  public static String raise(String name) {
    return "raise the bound with " + property(name) + "=N in POOLCHECK_JAVA_OPTS";
  }

  /** The bound, or IllegalArgumentException naming the property when it is not a count. */
  private static long get(String name, long fallback) {
    String v = System.getProperty("poolcheck." + name);
    if (v == null) return fallback;
    try {
      long n = Long.parseLong(v.trim());
      if (n > 0) return n;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(property(name) + "=" + v
        + ": expected a positive integer");
  }

  /** a * b, saturating at Long.MAX_VALUE (both non-negative). */
  public static long times(long a, long b) {
    if (a == 0 || b == 0) return 0;
    return a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
  }

  /** a + b, saturating. */
  public static long plus(long a, long b) {
    long s = a + b;
    return s < 0 ? Long.MAX_VALUE : s;
  }

  /** a ^ n, saturating. */
  public static long power(long a, long n) {
    long out = 1;
    for (long i = 0; i < n && out != Long.MAX_VALUE; i++) {
      if (a <= 1) return a == 0 ? 0 : 1;
      out = times(out, a);
    }
    return out;
  }

  /** The number of values of a scalar type, without the int overflow of {@code size()}. */
  public static long values(Type.Scalar t) {
    return (long) t.hi() - t.lo() + 1;
  }
}
