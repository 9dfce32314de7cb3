package poolcheck.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A model check, from a test suite or a front end: an immutable description of the model (file
 * or text, configuration, constants), the properties checked and how the search runs, then
 * {@link #exhaustive()}, {@link #prepare()} (to stop it from another thread, or to see the model
 * before it runs) or {@link #simulate(int, int)}.
 *
 * <pre>{@code
 * ModelCheck.of(Path.of("models/page_pool.pool")).constant("PAGES", 3)
 *     .simulate(2_000, 500).seed(42).assertHolds();
 * }</pre>
 *
 * Bad model text throws {@link InvalidInputException} (an IllegalArgumentException) with the
 * file:line:column message; a bad option {@link InvalidOptionException}.
 */
public final class ModelCheck {
  private final ModelSource source;
  private final PropertySelection selection;
  private final CheckOptions options;
  private final SearchProgress progress;
  private final Consumer<String> warnings;

  private ModelCheck(ModelSource source, PropertySelection selection, CheckOptions options,
      SearchProgress progress, Consumer<String> warnings) {
    this.source = source;
    this.selection = selection;
    this.options = options;
    this.progress = progress;
    this.warnings = warnings;
  }

  public static ModelCheck of(Path file) {
    return new ModelCheck(ModelSource.file(file), PropertySelection.ALL, CheckOptions.DEFAULTS,
        null, w -> { });
  }

  public static ModelCheck of(String file) {
    return of(Path.of(file));
  }

  /** A model given as text (no includes); {@code name} is shown in positions. */
  public static ModelCheck ofText(String name, String text) {
    return new ModelCheck(ModelSource.text(name, text), PropertySelection.ALL,
        CheckOptions.DEFAULTS, null, w -> { });
  }

  /** At the model's configuration {@code name} ({@code config NAME { ... }}). */
  public ModelCheck config(String name) {
    return new ModelCheck(source.withConfig(name), selection, options, progress, warnings);
  }

  /** Overrides a constant, as {@code -D NAME=VALUE} does; wins over the configuration. */
  public ModelCheck constant(String constant, String value) {
    return new ModelCheck(source.withConstant(constant, value), selection, options, progress,
        warnings);
  }

  public ModelCheck constant(String constant, int value) {
    return constant(constant, Integer.toString(value));
  }

  public ModelCheck constant(String constant, boolean value) {
    return constant(constant, Boolean.toString(value));
  }

  /** Overrides several constants, in the map's order. */
  public ModelCheck constants(Map<String, String> values) {
    return new ModelCheck(source.withConstants(values), selection, options, progress, warnings);
  }

  /**
   * Checks only these properties (runtime errors are always checked). A name the model does not
   * have is refused when the model is loaded.
   */
  public ModelCheck properties(String... names) {
    return properties(List.of(names));
  }

  public ModelCheck properties(List<String> names) {
    return new ModelCheck(source, selection.only(names), options, progress, warnings);
  }

  /** Does not report deadlocks. */
  public ModelCheck noDeadlock() {
    return new ModelCheck(source, selection.withDeadlock(false), options, progress, warnings);
  }

  /** Every search option at once. */
  public ModelCheck options(CheckOptions o) {
    return new ModelCheck(source, selection, o, progress, warnings);
  }

  public CheckOptions options() {
    return options;
  }

  public ModelCheck workers(int n) {
    return options(options.withWorkers(n));
  }

  public ModelCheck store(StoreMode mode) {
    return options(options.withStore(mode));
  }

  public ModelCheck maxStates(long n) {
    return options(options.withMaxStates(n));
  }

  public ModelCheck maxDepth(int n) {
    return options(options.withMaxDepth(n));
  }

  public ModelCheck timeLimitSeconds(long seconds) {
    return options(options.withTimeLimitSeconds(seconds));
  }

  /** A bitstate search over {@code bytes} bytes of bits, {@code k} bits a state. */
  public ModelCheck bitstate(long bytes, int k) {
    return options(options.withBitstate(bytes, k));
  }

  /**
   * A swarm of {@code searches} randomised bitstate searches from {@code seed} (search i uses
   * seed + i): each over its own bit array ({@link #bitstate}, default 4 MiB), at most {@link
   * #maxDepth} deep (default 10,000); finds violations, proves nothing (docs/swarm.md).
   */
  public ModelCheck swarm(int searches, long seed) {
    return options(options.withSwarm(searches, seed));
  }

  /** false runs the linked instructions instead of steps compiled to JVM bytecode. */
  public ModelCheck bytecode(boolean on) {
    return options(options.withBytecode(on));
  }

  public ModelCheck symmetry(boolean on) {
    return options(options.withSymmetry(on));
  }

  /** Writes the frontier beyond {@code memoryMb} of heap to files in {@code dir}. */
  public ModelCheck spill(Path dir, long memoryMb) {
    return options(options.withSpill(dir, memoryMb));
  }

  /** Checkpoints into {@code dir} every {@code intervalSeconds} (fingerprint store only). */
  public ModelCheck checkpoint(Path dir, double intervalSeconds) {
    return options(options.withCheckpoint(dir, intervalSeconds));
  }

  /** Continues the run checkpointed in {@code dir} (same model, constants and options). */
  public ModelCheck resume(Path dir) {
    return options(options.withResume(dir));
  }

  /** Reports figures to {@code listener} every {@code intervalSeconds} while searching. */
  public ModelCheck progress(SearchProgress listener, double intervalSeconds) {
    return new ModelCheck(source, selection, options.withProgressIntervalSeconds(
        intervalSeconds), listener, warnings);
  }

  /**
   * Where the model's warnings go (about symmetry it cannot use), one line each; and what a
   * cluster run must tell whatever the progress lines (a checkpoint re-hashed for a resume).
   */
  public ModelCheck onWarning(Consumer<String> sink) {
    return new ModelCheck(source, selection, options, progress, sink);
  }

  /** Every reachable state, breadth-first, partitioned over a Pekko cluster (docs/cluster.md). */
  public ModelCheckResult onCluster(ClusterSetup setup) {
    // a cluster checkpoint is a manifest and node files, not checkpoint.bin: ClusterRun checks it
    options.withResume(null).checkBeforeRun();
    if (options.bitstateBytes() != null) {
      throw new InvalidOptionException("bitstate", n -> n.apply("bitstate")
          + " runs on one machine: a cluster partitions exact fingerprints");
    }
    if (options.swarm() != null) {
      throw new InvalidOptionException("swarm", n -> n.apply("swarm")
          + " runs on one machine: a cluster partitions exact fingerprints");
    }
    return ClusterRun.run(source, selection, options, setup, warnings);
  }

  /** What a cluster checkpoint of this check records and a resume must match. */
  public java.util.Map<String, String> clusterIdentity() {
    return ClusterRun.identity(source, selection, options);
  }

  /** Every reachable state, breadth-first: a proof when it holds. */
  public ModelCheckResult exhaustive() {
    return prepare().run();
  }

  /** As {@link #exhaustive()}, giving up (a failing assertHolds) beyond {@code maxStates}. */
  public ModelCheckResult exhaustive(long maxStates) {
    return maxStates(maxStates).exhaustive();
  }

  /**
   * Checks the options, loads the model and readies the search without starting it: the model
   * is known, and {@link CheckRun#stop()} can be called from another thread once it runs.
   */
  public CheckRun prepare() {
    options.checkBeforeRun();
    return new CheckRun(source, selection, options, progress, warnings);
  }

  /** {@code runs} random runs of at most {@code depth} steps; pin the seed with seed(). */
  public Simulation simulate(int runs, int depth) {
    return simulate(runs, depth, Simulation.defaultSeed());
  }

  /** As {@link #simulate(int, int)} from seed {@code seed}: run i uses seed + i. */
  public Simulation simulate(int runs, int depth, long seed) {
    return new Simulation(source, selection, runs, depth, seed, true);
  }
}
