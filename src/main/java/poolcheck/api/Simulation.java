package poolcheck.api;

import poolcheck.explore.OptionRange;

/**
 * A configured simulation: runs, depth and seed. Without {@link #seed(long)} the seed is the
 * system property {@code poolcheck.seed} if set, else new each time; a failure names it, so it
 * can be pinned to reproduce the failure.
 */
public final class Simulation {
  private final ModelSource source;
  private final PropertySelection selection;
  private final int runs;
  private final int depth;
  private final long seed;
  private final boolean shrink;

  Simulation(ModelSource source, PropertySelection selection, int runs, int depth, long seed,
      boolean shrink) {
    EngineOptions.checked(() -> OptionRange.count("runs", 1, Integer.MAX_VALUE).check(runs));
    EngineOptions.checked(() -> OptionRange.count("depth", 0, Integer.MAX_VALUE).check(depth));
    this.source = source;
    this.selection = selection;
    this.runs = runs;
    this.depth = depth;
    this.seed = seed;
    this.shrink = shrink;
  }

  static long defaultSeed() {
    String pinned = System.getProperty("poolcheck.seed");
    if (pinned == null) return System.nanoTime();
    try {
      return Long.parseLong(pinned.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("-Dpoolcheck.seed=" + pinned + ": expected an integer");
    }
  }

  public Simulation seed(long s) {
    return new Simulation(source, selection, runs, depth, s, shrink);
  }

  public long seed() {
    return seed;
  }

  /** Reports the failing run as found instead of shrinking its trace. */
  public Simulation noShrink() {
    return new Simulation(source, selection, runs, depth, seed, false);
  }

  /** Loads the model and readies the runs without starting them. */
  public SimulationRun prepare() {
    return new SimulationRun(source, selection, runs, depth, seed, shrink);
  }

  public ModelCheckResult run() {
    return prepare().run();
  }

  /** Runs, and fails with the shrunk trace and the seed if any checked property breaks. */
  public ModelCheckResult assertHolds() {
    return run().assertHolds();
  }

  /** Runs, and fails unless some run breaks {@code property}. */
  public ModelCheckResult assertViolates(String property) {
    return run().assertViolates(property);
  }
}
