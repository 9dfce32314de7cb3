package poolcheck.explore.swarm;

import poolcheck.explore.InvalidSearchOption;
import poolcheck.explore.OptionRange;
import poolcheck.explore.SearchOptions;

/**
 * How a swarm runs: {@code searches} randomised depth-first searches, search i seeded with
 * {@code seed + i} (so one search can be repeated alone with {@code --swarm 1 --seed}), each
 * as {@code search} says: its bit array ({@link SearchOptions#bitstate()}, one per search), its
 * depth bound ({@link SearchOptions#maxDepth()}; none given: {@link #DEFAULT_DEPTH}), the
 * properties; the time limit and the workers are the whole swarm's.
 *
 * <p>A state limit, a spill directory, checkpoints and the exact or fingerprint stores mean
 * nothing to searches that keep no frontier and store bits: refused, naming the option.
 */
public record SwarmOptions(int searches, long seed, SearchOptions search) {
  /** SPIN's default depth bound ({@code pan -m10000}). */
  public static final int DEFAULT_DEPTH = 10_000;
  /** The bit array of each search when none is given: 2^25 bits, SPIN's {@code -w25}. */
  public static final long DEFAULT_BITSTATE_BYTES = 4L << 20;

  public SwarmOptions {
    OptionRange.SWARM.check(searches);
    if (search.store() != SearchOptions.Store.BITSTATE) {
      throw new InvalidSearchOption("swarm", n -> n.apply("swarm") + " runs bitstate searches: "
          + "it excludes " + n.apply(search.store() == SearchOptions.Store.EXACT ? "exact"
              : "store"));
    }
    if (search.maxStates() != Long.MAX_VALUE) {
      throw new InvalidSearchOption("maxStates", n -> n.apply("swarm") + " and "
          + n.apply("maxStates") + " exclude each other: each search is bounded by "
          + n.apply("maxDepth") + " and the whole swarm by " + n.apply("timeLimit"));
    }
    if (search.spillDir() != null) {
      throw new InvalidSearchOption("spillDir", n -> n.apply("swarm") + " and "
          + n.apply("spillDir") + " exclude each other: a depth-first search keeps no frontier");
    }
  }

  /** How deep each search goes: the states at this depth are stored but not expanded. */
  public int depthBound() {
    return search.maxDepth() == Integer.MAX_VALUE ? DEFAULT_DEPTH : search.maxDepth();
  }

  /** Threads: the workers asked for, no more than there are searches. */
  public int threads() {
    return Math.min(search.workers(), searches);
  }

  /** The seed of search {@code i}: its hash seed and its random step order come from it. */
  public long seedOf(int i) {
    return seed + i;
  }
}
