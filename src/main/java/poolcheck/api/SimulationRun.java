package poolcheck.api;

import java.util.Set;
import poolcheck.simulate.Simulator;

/** Random runs ready on a loaded model; {@link #stop()} ends them early, from any thread. */
public final class SimulationRun {
  private final ModelSource.Loaded loaded;
  private final Simulator simulator;
  private final int runs;
  private final int depth;
  private final long seed;

  SimulationRun(ModelSource source, PropertySelection selection, int runs, int depth, long seed,
      boolean shrink) {
    this.loaded = source.load();
    this.simulator = new Simulator(loaded.compiled());
    Set<String> names = selection.resolve(loaded.compiled());
    if (names != null) simulator.properties(names);
    if (!selection.deadlock()) simulator.deadlock(false);
    if (!shrink) simulator.shrinkBudget(0);
    this.runs = runs;
    this.depth = depth;
    this.seed = seed;
  }

  public ModelInfo model() {
    return loaded.info();
  }

  public long seed() {
    return seed;
  }

  public void stop() {
    simulator.stop();
  }

  public ModelCheckResult run() {
    return ModelCheckResult.of(simulator.run(runs, depth, seed), simulator.coverage());
  }
}
