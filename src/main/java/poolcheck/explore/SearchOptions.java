package poolcheck.explore;

import com.google.common.collect.ImmutableSet;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Objects;

/**
 * How to search, as one validated value: what the CLI's flags, the API's builder and the proofs
 * ledger build and hand to {@link Explorer}. A value out of range or a combination that cannot
 * run is refused here, with an {@link InvalidSearchOption}; the API turns that into its own
 * error, which the CLI prints with its flag names (exit 2).
 *
 * <p>{@link #defaults()} is the engine of {@code poolcheck check}, of {@code ModelCheck} and,
 * with the two overrides it names, of the ledger: the level search over all cores with 64-bit
 * fingerprints. {@link #reproducible()} (one worker, exact states) gives the same trace on every
 * run: tests and the ledger use it.
 *
 * @param workers threads expanding states, 1 to {@link OptionRange#maxWorkers()}
 * @param store what the visited set remembers
 * @param maxStates stop once this many distinct states are stored (checked between
 *     expansions), at least 1
 * @param maxDepth explore at most this many steps deep, at least 1
 * @param timeLimitMillis stop after this long, at least 1 (Long.MAX_VALUE: no limit)
 * @param properties the properties to check by name (null: all); runtime errors always
 * @param deadlock whether a state with nothing enabled that is not final is a violation
 * @param symmetry false switches symmetry reduction off; true leaves the system as given
 * @param spillDir where the trace log and the frontier beyond {@code frontierMemory} bytes go
 *     (null: all in the heap)
 * @param checkpointDir where checkpoints are written (null: none); fingerprints only
 * @param checkpointMillis the least time between two checkpoints (0: every level;
 *     Long.MAX_VALUE: never)
 * @param resume the directory of the checkpoint to continue from (null: start afresh)
 * @param modelDigest the digest of the model's text, recorded in checkpoints (may be null)
 * @param progressMillis the least time between two progress reports (0: at every chance)
 * @param bitstate the bit array of a bitstate search (store BITSTATE), else null
 */
public record SearchOptions(int workers, Store store, long maxStates, int maxDepth,
    long timeLimitMillis, ImmutableSet<String> properties, boolean deadlock, boolean symmetry,
    Path spillDir, long frontierMemory, Path checkpointDir, long checkpointMillis, Path resume,
    String modelDigest, long progressMillis, Bitstate bitstate) {

  /** What the visited set remembers of a state. */
  public enum Store {
    /** 64-bit fingerprints: 8 bytes a state, a reported chance of a collision. */
    FINGERPRINTS,
    /** The packed states themselves: no collision possible, more memory. */
    EXACT,
    /**
     * Holzmann's bitstate hashing: k bits a state in a fixed array; states may be skipped, so
     * the search finds violations but proves nothing (docs/swarm.md).
     */
    BITSTATE
  }

  /**
   * The bit array of a bitstate search: {@code bits} bits, {@code hashFunctions} bits a state,
   * hash positions perturbed by {@code seed} (0: the plain search).
   */
  public record Bitstate(long bits, int hashFunctions, long seed) {
    public Bitstate {
      OptionRange.BITSTATE.checkEngine(bits / 8);
      OptionRange.HASH_FUNCTIONS.checkEngine(hashFunctions);
    }
  }

  /**
   * Every range is an {@link OptionRange}, the one statement of it that the API and the command
   * line check users' values against too; a value out of range or a combination that cannot run
   * is an {@link InvalidSearchOption}.
   */
  public SearchOptions {
    Objects.requireNonNull(store, "store");
    OptionRange.WORKERS.checkEngine(workers);
    OptionRange.MAX_STATES.checkEngine(maxStates);
    OptionRange.MAX_DEPTH.checkEngine(maxDepth);
    OptionRange.TIME_LIMIT.checkEngine(timeLimitMillis, Long.MAX_VALUE);
    OptionRange.FRONTIER_MEMORY.checkEngine(frontierMemory);
    OptionRange.CHECKPOINT_INTERVAL.checkEngine(checkpointMillis, Long.MAX_VALUE);
    OptionRange.PROGRESS_INTERVAL.checkEngine(progressMillis);
    if ((store == Store.BITSTATE) != (bitstate != null)) {
      throw new InvalidSearchOption("bitstate", n -> n.apply("bitstate")
          + ": a bit array goes with the bitstate store and only with it");
    }
    if (store == Store.BITSTATE && (checkpointDir != null || resume != null)) {
      throw new InvalidSearchOption(checkpointDir != null ? "checkpoint" : "resume",
          n -> n.apply("checkpoint") + " and " + n.apply("resume")
              + " need fingerprint mode, not " + n.apply("bitstate")
              + " (a bit array cannot say which states it holds)");
    }
    if (store == Store.EXACT && (checkpointDir != null || resume != null)) {
      throw new InvalidSearchOption(checkpointDir != null ? "checkpoint" : "resume",
          n -> n.apply("checkpoint") + " and " + n.apply("resume")
              + " need fingerprint mode, not " + n.apply("exact"));
    }
  }

  /** The engine everyone starts from: all cores, fingerprints, no limits, every property. */
  public static SearchOptions defaults() {
    return new SearchOptions(Runtime.getRuntime().availableProcessors(), Store.FINGERPRINTS,
        Long.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE, null, true, true, null, 512L << 20,
        null, Long.MAX_VALUE, null, null, 1000, null);
  }

  /**
   * One worker over exact states: the same states in the same order on every run, so the same
   * trace (with more workers, which of several equally short traces is found may vary).
   */
  public static SearchOptions reproducible() {
    return defaults().withWorkers(1).withStore(Store.EXACT);
  }

  public SearchOptions withWorkers(int n) {
    return new SearchOptions(n, store, maxStates, maxDepth, timeLimitMillis, properties,
        deadlock, symmetry, spillDir, frontierMemory, checkpointDir, checkpointMillis, resume,
        modelDigest, progressMillis, bitstate);
  }

  public SearchOptions withStore(Store s) {
    return new SearchOptions(workers, s, maxStates, maxDepth, timeLimitMillis, properties,
        deadlock, symmetry, spillDir, frontierMemory, checkpointDir, checkpointMillis, resume,
        modelDigest, progressMillis, s == Store.BITSTATE ? bitstate : null);
  }

  /** A bitstate search over {@code b}'s bit array. */
  public SearchOptions withBitstate(Bitstate b) {
    return new SearchOptions(workers, Store.BITSTATE, maxStates, maxDepth, timeLimitMillis,
        properties, deadlock, symmetry, spillDir, frontierMemory, checkpointDir,
        checkpointMillis, resume, modelDigest, progressMillis, b);
  }

  public SearchOptions withMaxStates(long n) {
    return new SearchOptions(workers, store, n, maxDepth, timeLimitMillis, properties,
        deadlock, symmetry, spillDir, frontierMemory, checkpointDir, checkpointMillis, resume,
        modelDigest, progressMillis, bitstate);
  }

  public SearchOptions withMaxDepth(int n) {
    return new SearchOptions(workers, store, maxStates, n, timeLimitMillis, properties,
        deadlock, symmetry, spillDir, frontierMemory, checkpointDir, checkpointMillis, resume,
        modelDigest, progressMillis, bitstate);
  }

  public SearchOptions withTimeLimitMillis(long millis) {
    return new SearchOptions(workers, store, maxStates, maxDepth, millis, properties,
        deadlock, symmetry, spillDir, frontierMemory, checkpointDir, checkpointMillis, resume,
        modelDigest, progressMillis, bitstate);
  }

  /** Checks only the named properties (null: all); runtime errors are always checked. */
  public SearchOptions withProperties(Collection<String> names) {
    return new SearchOptions(workers, store, maxStates, maxDepth, timeLimitMillis,
        names == null ? null : ImmutableSet.copyOf(names), deadlock, symmetry, spillDir,
        frontierMemory, checkpointDir, checkpointMillis, resume, modelDigest, progressMillis, bitstate);
  }

  public SearchOptions withDeadlock(boolean check) {
    return new SearchOptions(workers, store, maxStates, maxDepth, timeLimitMillis, properties,
        check, symmetry, spillDir, frontierMemory, checkpointDir, checkpointMillis, resume,
        modelDigest, progressMillis, bitstate);
  }

  public SearchOptions withSymmetry(boolean on) {
    return new SearchOptions(workers, store, maxStates, maxDepth, timeLimitMillis, properties,
        deadlock, on, spillDir, frontierMemory, checkpointDir, checkpointMillis, resume,
        modelDigest, progressMillis, bitstate);
  }

  /** Keeps the trace log, and frontier blocks beyond {@code memoryBytes}, in files in dir. */
  public SearchOptions withSpill(Path dir, long memoryBytes) {
    return new SearchOptions(workers, store, maxStates, maxDepth, timeLimitMillis, properties,
        deadlock, symmetry, dir, memoryBytes, checkpointDir, checkpointMillis, resume,
        modelDigest, progressMillis, bitstate);
  }

  public SearchOptions withCheckpoint(Path dir, long intervalMillis) {
    return new SearchOptions(workers, store, maxStates, maxDepth, timeLimitMillis, properties,
        deadlock, symmetry, spillDir, frontierMemory, dir, intervalMillis, resume, modelDigest,
        progressMillis, bitstate);
  }

  public SearchOptions withResume(Path dir) {
    return new SearchOptions(workers, store, maxStates, maxDepth, timeLimitMillis, properties,
        deadlock, symmetry, spillDir, frontierMemory, checkpointDir, checkpointMillis, dir,
        modelDigest, progressMillis, bitstate);
  }

  public SearchOptions withModelDigest(String digest) {
    return new SearchOptions(workers, store, maxStates, maxDepth, timeLimitMillis, properties,
        deadlock, symmetry, spillDir, frontierMemory, checkpointDir, checkpointMillis, resume,
        digest, progressMillis, bitstate);
  }

  public SearchOptions withProgressMillis(long millis) {
    return new SearchOptions(workers, store, maxStates, maxDepth, timeLimitMillis, properties,
        deadlock, symmetry, spillDir, frontierMemory, checkpointDir, checkpointMillis, resume,
        modelDigest, millis, bitstate);
  }
}
