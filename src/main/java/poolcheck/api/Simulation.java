package poolcheck.api;

import poolcheck.compile.CompiledModel;
import poolcheck.simulate.Simulator;

/**
 * A configured simulation: runs, depth and seed. Without {@link #seed(long)} the seed is the
 * system property {@code poolcheck.seed} if set, else new each time; a failure names it, so it
 * can be pinned to reproduce the failure.
 */
public final class Simulation {
  private final ModelCheck check;
  private final int runs;
  private final int depth;
  private final long seed;

  Simulation(ModelCheck check, int runs, int depth, long seed) {
    if (runs < 1 || depth < 0) throw new IllegalArgumentException("runs >= 1 and depth >= 0");
    this.check = check;
    this.runs = runs;
    this.depth = depth;
    this.seed = seed;
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
    return new Simulation(check, runs, depth, s);
  }

  public long seed() {
    return seed;
  }

  public ModelCheckResult run() {
    CompiledModel m = check.compile();
    Simulator simulator = new Simulator(m);
    if (check.properties() != null) simulator.properties(check.properties());
    if (!check.deadlock()) simulator.deadlock(false);
    return ModelCheckResult.of(simulator.run(runs, depth, seed));
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
