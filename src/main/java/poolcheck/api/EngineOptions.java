package poolcheck.api;

import java.util.Set;
import java.util.function.Supplier;
import poolcheck.explore.InvalidSearchOption;
import poolcheck.explore.OptionRange;
import poolcheck.explore.SearchOptions;
import poolcheck.explore.swarm.SwarmOptions;

/**
 * The one place the API's options become the engine's: {@link CheckOptions} (seconds,
 * megabytes, null for "none") onto {@link SearchOptions} (milliseconds, bytes, the engine's
 * defaults). The ranges and their messages are the engine's {@link OptionRange}s; this only
 * converts units and turns the engine's refusal into the API's {@link InvalidOptionException}.
 */
final class EngineOptions {
  private EngineOptions() {}

  /**
   * The search {@code o} describes, checking {@code names} (null: every property), from the
   * engine every caller starts from ({@link SearchOptions#defaults()}: all cores,
   * fingerprints), so the CLI, the API and the ledger differ only in what they say.
   */
  static SearchOptions of(CheckOptions o, Set<String> names, boolean deadlock, String digest) {
    return checked(() -> {
      SearchOptions s = SearchOptions.defaults().withProperties(names).withDeadlock(deadlock)
          .withSymmetry(o.symmetry()).withStore(o.store() == StoreMode.EXACT
              ? SearchOptions.Store.EXACT : SearchOptions.Store.FINGERPRINTS)
          .withProgressMillis(OptionRange.PROGRESS_INTERVAL.millis(o.progressIntervalSeconds()));
      if (o.maxStates() != null) s = s.withMaxStates(o.maxStates());
      if (o.maxDepth() != null) s = s.withMaxDepth(o.maxDepth());
      if (o.timeLimitSeconds() != null) {
        s = s.withTimeLimitMillis(OptionRange.TIME_LIMIT.millis(o.timeLimitSeconds()));
      }
      if (o.workers() != null) s = s.withWorkers(o.workers());
      if (o.spillDir() != null) {
        s = s.withSpill(o.spillDir(), OptionRange.FRONTIER_MEMORY.bytes(o.frontierMemoryMb()));
      }
      if (o.checkpoint() != null) {
        s = s.withCheckpoint(o.checkpoint(),
            OptionRange.CHECKPOINT_INTERVAL.millis(o.checkpointIntervalSeconds()));
      }
      if (o.resume() != null) s = s.withResume(o.resume());
      if (o.bitstateBytes() != null) {
        s = s.withBitstate(new SearchOptions.Bitstate(o.bitstateBytes() * 8, o.hashFunctions(),
            0));
      }
      return s.withModelDigest(digest);
    });
  }

  /**
   * The swarm {@code o} describes: {@code o}'s search with a bit array per search (the size
   * given, else {@link SwarmOptions#DEFAULT_BITSTATE_BYTES}), from {@code seed}.
   */
  static SwarmOptions swarm(CheckOptions o, Set<String> names, boolean deadlock, long seed) {
    long bytes = o.bitstateBytes() != null ? o.bitstateBytes()
        : SwarmOptions.DEFAULT_BITSTATE_BYTES;
    return checked(() -> new SwarmOptions(o.swarm(), seed, of(o.withBitstate(bytes,
        o.hashFunctions()), names, deadlock, null)));
  }

  /** Runs {@code check}, turning the engine's refusal into the API's. */
  static <T> T checked(Supplier<T> check) {
    try {
      return check.get();
    } catch (InvalidSearchOption e) {
      throw new InvalidOptionException(e);
    }
  }
}
