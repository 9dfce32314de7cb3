package poolcheck.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import poolcheck.explore.OptionRange;

/**
 * How an exhaustive search runs, as the API states it: the compact constructor refuses a value
 * out of range (the engine's ranges, checked in this record's units); the combinations that
 * cannot work and the directories named are checked when the search is prepared, before the
 * model is loaded (so options can be set in any order).
 * Null limits mean none; a null worker count leaves the engine's default (every core).
 *
 * @param maxStates stop after this many distinct states (from 1)
 * @param maxDepth explore at most this many steps deep (from 1)
 * @param timeLimitSeconds stop after this time (1 to 1,000,000,000)
 * @param workers threads exploring in parallel (1 to max(256, 4 x cores))
 * @param store full states or fingerprints
 * @param symmetry reduce by the symmetry of scalarsets
 * @param spillDir where the frontier beyond {@code frontierMemoryMb} goes, or null
 * @param frontierMemoryMb heap for the frontier before it spills
 * @param checkpoint a directory to checkpoint into every {@code checkpointIntervalSeconds}
 * @param checkpointIntervalSeconds seconds between checkpoints (0: every level)
 * @param resume a directory holding a checkpoint to continue, or null
 * @param progressIntervalSeconds seconds between progress reports (from 0.001)
 * @param allViolations report every violated property, not only the first
 * @param fewestSwitches among the shortest traces, one with the fewest context switches
 * @param bitstateBytes a bitstate search over a bit array of this many bytes (8 to 16 GiB),
 *     or null for the exhaustive search (docs/swarm.md)
 * @param hashFunctions bits set per state in the bit array (1 to 32, SPIN's -k; default 3)
 * @param swarm a swarm of this many randomised bitstate searches (1 to 1,000,000), or null for
 *     one search; {@code bitstateBytes} is then each search's array, {@code maxDepth} each
 *     search's depth bound, {@code timeLimitSeconds} the whole swarm's (docs/swarm.md)
 * @param seed the swarm's seed (search i uses seed + i); null: a fresh one, reported
 * @param bytecode run the steps as generated JVM bytecode (the default); false: the linked
 *     instructions, as {@code -Dpoolcheck.bytecode=off}
 */
public record CheckOptions(Long maxStates, Integer maxDepth, Long timeLimitSeconds,
    Integer workers, StoreMode store, boolean symmetry, Path spillDir, long frontierMemoryMb,
    Path checkpoint, double checkpointIntervalSeconds, Path resume,
    double progressIntervalSeconds, boolean allViolations, boolean fewestSwitches,
    Long bitstateBytes, int hashFunctions, Integer swarm, Long seed, boolean bytecode) {

  /** Without a swarm, with bytecode: the options before swarms existed. */
  public CheckOptions(Long maxStates, Integer maxDepth, Long timeLimitSeconds, Integer workers,
      StoreMode store, boolean symmetry, Path spillDir, long frontierMemoryMb, Path checkpoint,
      double checkpointIntervalSeconds, Path resume, double progressIntervalSeconds,
      boolean allViolations, boolean fewestSwitches, Long bitstateBytes, int hashFunctions) {
    this(maxStates, maxDepth, timeLimitSeconds, workers, store, symmetry, spillDir,
        frontierMemoryMb, checkpoint, checkpointIntervalSeconds, resume,
        progressIntervalSeconds, allViolations, fewestSwitches, bitstateBytes, hashFunctions,
        null, null, true);
  }

  /** Without a bit array: the exhaustive search, as before bitstate existed. */
  public CheckOptions(Long maxStates, Integer maxDepth, Long timeLimitSeconds, Integer workers,
      StoreMode store, boolean symmetry, Path spillDir, long frontierMemoryMb, Path checkpoint,
      double checkpointIntervalSeconds, Path resume, double progressIntervalSeconds,
      boolean allViolations, boolean fewestSwitches) {
    this(maxStates, maxDepth, timeLimitSeconds, workers, store, symmetry, spillDir,
        frontierMemoryMb, checkpoint, checkpointIntervalSeconds, resume,
        progressIntervalSeconds, allViolations, fewestSwitches, null, 3);
  }

  /**
   * No limits, every core over fingerprints (the engine of {@code poolcheck check}), symmetry
   * on, progress every 2 s.
   */
  public static final CheckOptions DEFAULTS = new CheckOptions(null, null, null, null,
      StoreMode.FINGERPRINTS, true, null, 512, null, 600, null, 2, false, false, null, 3);

  /** The most workers accepted: max(256, 4 x cores). */
  public static int maxWorkers() {
    return OptionRange.maxWorkers();
  }

  /** Each value in its range: the engine's {@link OptionRange}s, in this record's units. */
  public CheckOptions {
    if (store == null) throw new IllegalArgumentException("store: null");
    EngineOptions.checked(() -> {
      if (maxStates != null) OptionRange.MAX_STATES.check(maxStates);
      if (maxDepth != null) OptionRange.MAX_DEPTH.check(maxDepth);
      if (timeLimitSeconds != null) OptionRange.TIME_LIMIT.check(timeLimitSeconds);
      if (workers != null) OptionRange.WORKERS.check(workers);
      OptionRange.FRONTIER_MEMORY.check(frontierMemoryMb);
      OptionRange.CHECKPOINT_INTERVAL.check(checkpointIntervalSeconds);
      if (bitstateBytes != null) OptionRange.BITSTATE.check(bitstateBytes);
      OptionRange.HASH_FUNCTIONS.check(hashFunctions);
      if (swarm != null) OptionRange.SWARM.check(swarm);
      return OptionRange.PROGRESS_INTERVAL.check(progressIntervalSeconds);
    });
  }

  /**
   * The combinations that cannot work (the engine's rules, by building its options) and the
   * directories named (the checkpoint directory is created), found before the search starts
   * rather than after its first level's work.
   */
  void checkBeforeRun() {
    checkSpillDir(spillDir);
    if (bitstateBytes != null) {
      String other = store == StoreMode.EXACT ? "exact" : allViolations ? "allViolations"
          : fewestSwitches ? "fewestSwitches" : null;
      if (other != null) {
        throw new InvalidOptionException("bitstate", n -> n.apply("bitstate") + " and "
            + n.apply(other) + " exclude each other: " + n.apply(other)
            + " needs every state, a bit array may skip some");
      }
    }
    if (swarm != null) {
      String other = store == StoreMode.EXACT ? "exact" : allViolations ? "allViolations"
          : fewestSwitches ? "fewestSwitches" : checkpoint != null ? "checkpoint"
          : resume != null ? "resume" : null;
      if (other != null) {
        throw new InvalidOptionException("swarm", n -> n.apply("swarm") + " and "
            + n.apply(other) + " exclude each other: a swarm's searches store bits, not "
            + "states, and skip some");
      }
    } else if (seed != null) {
      throw new InvalidOptionException("seed", n -> n.apply("seed") + " seeds a swarm: it goes "
          + "with " + n.apply("swarm"));
    }
    if (swarm != null) {
      EngineOptions.swarm(this, null, true, 0);
    } else {
      EngineOptions.of(this, null, true, null);
    }
    if (resume != null && !Files.isRegularFile(resume.resolve("checkpoint.bin"))) {
      throw new InvalidOptionException("resume", n -> n.apply("resume") + " " + resume
          + ": no checkpoint in it");
    }
    if (checkpoint != null) {
      try {
        Files.createDirectories(checkpoint);
      } catch (IOException e) {
        throw new InvalidOptionException("checkpoint", n -> n.apply("checkpoint") + " "
            + checkpoint + ": cannot create the directory (" + e.getMessage() + ")");
      }
      if (!Files.isWritable(checkpoint)) {
        throw new InvalidOptionException("checkpoint", n -> n.apply("checkpoint") + " "
            + checkpoint + ": the directory is not writable");
      }
    }
  }
  /** A spill directory named (check's, or the prover's) exists before any work is done. */
  static void checkSpillDir(Path spillDir) {
    if (spillDir != null && !Files.isDirectory(spillDir)) {
      throw new InvalidOptionException("spillDir", n -> n.apply("spillDir") + " " + spillDir
          + ": no such directory");
    }
  }


  public CheckOptions withMaxStates(Long n) {
    return new CheckOptions(n, maxDepth, timeLimitSeconds, workers, store, symmetry, spillDir,
        frontierMemoryMb, checkpoint, checkpointIntervalSeconds, resume,
        progressIntervalSeconds, allViolations, fewestSwitches, bitstateBytes, hashFunctions, swarm, seed, bytecode);
  }

  public CheckOptions withMaxDepth(Integer n) {
    return new CheckOptions(maxStates, n, timeLimitSeconds, workers, store, symmetry, spillDir,
        frontierMemoryMb, checkpoint, checkpointIntervalSeconds, resume,
        progressIntervalSeconds, allViolations, fewestSwitches, bitstateBytes, hashFunctions, swarm, seed, bytecode);
  }

  public CheckOptions withTimeLimitSeconds(Long seconds) {
    return new CheckOptions(maxStates, maxDepth, seconds, workers, store, symmetry, spillDir,
        frontierMemoryMb, checkpoint, checkpointIntervalSeconds, resume,
        progressIntervalSeconds, allViolations, fewestSwitches, bitstateBytes, hashFunctions, swarm, seed, bytecode);
  }

  public CheckOptions withWorkers(Integer n) {
    return new CheckOptions(maxStates, maxDepth, timeLimitSeconds, n, store, symmetry, spillDir,
        frontierMemoryMb, checkpoint, checkpointIntervalSeconds, resume,
        progressIntervalSeconds, allViolations, fewestSwitches, bitstateBytes, hashFunctions, swarm, seed, bytecode);
  }

  public CheckOptions withStore(StoreMode mode) {
    return new CheckOptions(maxStates, maxDepth, timeLimitSeconds, workers, mode, symmetry,
        spillDir, frontierMemoryMb, checkpoint, checkpointIntervalSeconds, resume,
        progressIntervalSeconds, allViolations, fewestSwitches, bitstateBytes, hashFunctions, swarm, seed, bytecode);
  }

  public CheckOptions withSymmetry(boolean on) {
    return new CheckOptions(maxStates, maxDepth, timeLimitSeconds, workers, store, on, spillDir,
        frontierMemoryMb, checkpoint, checkpointIntervalSeconds, resume,
        progressIntervalSeconds, allViolations, fewestSwitches, bitstateBytes, hashFunctions, swarm, seed, bytecode);
  }

  public CheckOptions withSpill(Path dir, long memoryMb) {
    return new CheckOptions(maxStates, maxDepth, timeLimitSeconds, workers, store, symmetry, dir,
        memoryMb, checkpoint, checkpointIntervalSeconds, resume, progressIntervalSeconds,
        allViolations, fewestSwitches, bitstateBytes, hashFunctions, swarm, seed, bytecode);
  }

  public CheckOptions withCheckpoint(Path dir, double intervalSeconds) {
    return new CheckOptions(maxStates, maxDepth, timeLimitSeconds, workers, store, symmetry,
        spillDir, frontierMemoryMb, dir, intervalSeconds, resume, progressIntervalSeconds,
        allViolations, fewestSwitches, bitstateBytes, hashFunctions, swarm, seed, bytecode);
  }

  public CheckOptions withResume(Path dir) {
    return new CheckOptions(maxStates, maxDepth, timeLimitSeconds, workers, store, symmetry,
        spillDir, frontierMemoryMb, checkpoint, checkpointIntervalSeconds, dir,
        progressIntervalSeconds, allViolations, fewestSwitches, bitstateBytes, hashFunctions, swarm, seed, bytecode);
  }

  public CheckOptions withProgressIntervalSeconds(double seconds) {
    return new CheckOptions(maxStates, maxDepth, timeLimitSeconds, workers, store, symmetry,
        spillDir, frontierMemoryMb, checkpoint, checkpointIntervalSeconds, resume, seconds,
        allViolations, fewestSwitches, bitstateBytes, hashFunctions, swarm, seed, bytecode);
  }

  public CheckOptions withAllViolations(boolean on) {
    return new CheckOptions(maxStates, maxDepth, timeLimitSeconds, workers, store, symmetry,
        spillDir, frontierMemoryMb, checkpoint, checkpointIntervalSeconds, resume,
        progressIntervalSeconds, on, fewestSwitches, bitstateBytes, hashFunctions, swarm, seed, bytecode);
  }

  /** A bitstate search over {@code bytes} bytes of bits (null: exhaustive), k bits a state. */
  public CheckOptions withBitstate(Long bytes, int k) {
    return new CheckOptions(maxStates, maxDepth, timeLimitSeconds, workers, store, symmetry,
        spillDir, frontierMemoryMb, checkpoint, checkpointIntervalSeconds, resume,
        progressIntervalSeconds, allViolations, fewestSwitches, bytes, k, swarm, seed, bytecode);
  }

  /** A size as typed ("512M", "1G", "4096"): bytes, powers of 1024; refused out of range. */
  public static long bitstateBytes(String size) {
    return EngineOptions.checked(() -> OptionRange.bitstateBytes(size));
  }

  public CheckOptions withFewestSwitches(boolean on) {
    return new CheckOptions(maxStates, maxDepth, timeLimitSeconds, workers, store, symmetry,
        spillDir, frontierMemoryMb, checkpoint, checkpointIntervalSeconds, resume,
        progressIntervalSeconds, allViolations, on, bitstateBytes, hashFunctions, swarm, seed,
        bytecode);
  }

  /**
   * A swarm of {@code searches} randomised bitstate searches (null: one search) from {@code
   * seed} (null: a fresh seed, reported in the result).
   */
  public CheckOptions withSwarm(Integer searches, Long seed) {
    return new CheckOptions(maxStates, maxDepth, timeLimitSeconds, workers, store, symmetry,
        spillDir, frontierMemoryMb, checkpoint, checkpointIntervalSeconds, resume,
        progressIntervalSeconds, allViolations, fewestSwitches, bitstateBytes, hashFunctions,
        searches, seed, bytecode);
  }

  /** false runs the linked instructions instead of the steps compiled to JVM bytecode. */
  public CheckOptions withBytecode(boolean on) {
    return new CheckOptions(maxStates, maxDepth, timeLimitSeconds, workers, store, symmetry,
        spillDir, frontierMemoryMb, checkpoint, checkpointIntervalSeconds, resume,
        progressIntervalSeconds, allViolations, fewestSwitches, bitstateBytes, hashFunctions,
        swarm, seed, on);
  }
}
