package poolcheck.system;

/**
 * Coverage counters of one worker: per transition how often it was enabled (produced a successor
 * or a violation from a state) and taken (successors it produced), per {@link Site} how often it
 * was evaluated and how often it held. Plain arrays bumped in the hot loop, merged at the end.
 */
public final class Counts {
  final long[] taken;
  final long[] enabled;
  final long[] evaluated;
  final long[] held;

  public Counts(int transitions, int sites) {
    this(new long[transitions], new long[transitions], new long[sites], new long[sites]);
  }

  private Counts(long[] taken, long[] enabled, long[] evaluated, long[] held) {
    this.taken = taken;
    this.enabled = enabled;
    this.evaluated = evaluated;
    this.held = held;
  }

  /**
   * Counts over a stepper's own arrays, live: the stepper bumps the arrays in its hot loop
   * (one load closer than through this object) and hands these out as its counts.
   */
  public static Counts over(long[] taken, long[] enabled, long[] evaluated, long[] held) {
    if (taken.length != enabled.length || evaluated.length != held.length) {
      throw new IllegalArgumentException("per transition and per site arrays must pair up");
    }
    return new Counts(taken, enabled, evaluated, held);
  }

  public int transitions() {
    return taken.length;
  }

  public int sites() {
    return evaluated.length;
  }

  public long taken(int transition) {
    return taken[transition];
  }

  public long enabled(int transition) {
    return enabled[transition];
  }

  public long evaluated(int site) {
    return evaluated[site];
  }

  public long held(int site) {
    return held[site];
  }

  /** Adds another worker's counts to these. */
  public void add(Counts o) {
    for (int i = 0; i < taken.length; i++) {
      taken[i] += o.taken[i];
      enabled[i] += o.enabled[i];
    }
    addSites(o, null, null);
  }

  /** Adds another run's site counts, only of sites of {@code kind} (all when null). */
  public void addSites(Counts o, Site.Kind kind, java.util.List<Site> sites) {
    for (int i = 0; i < evaluated.length; i++) {
      if (kind != null && sites.get(i).kind() != kind) continue;
      evaluated[i] += o.evaluated[i];
      held[i] += o.held[i];
    }
  }

  /** Counts a step as taken n more times (simulation counts the steps its runs chose). */
  public void addTaken(int transition, long n) {
    taken[transition] += n;
  }

  /** Forgets the taken counts (simulation counts its own). */
  public void clearTaken() {
    java.util.Arrays.fill(taken, 0);
  }

  public Counts copy() {
    Counts c = new Counts(taken.length, evaluated.length);
    c.add(this);
    return c;
  }
}
