package poolcheck.explore.swarm;

import com.google.common.collect.ImmutableList;
import poolcheck.explore.BitstateCoverage;
import poolcheck.result.CheckResult;

/**
 * What a swarm found: the {@link CheckResult} (VIOLATED, or INCOMPLETE / INTERRUPTED, never
 * VERIFIED), each search that started, the estimated number of distinct states the searches
 * stored between them, and which search found the violation reported.
 *
 * @param unionEstimate distinct states over all searches, a HyperLogLog estimate (about 0.8 %)
 * @param foundBy the index of the search whose trace is reported, -1 without a violation
 */
public record SwarmResult(CheckResult result, SwarmOptions options,
    ImmutableList<Search> searches, double unionEstimate, int foundBy) {

  /**
   * One search's figures: its seed, the states it stored (took for new) and generated, the
   * deepest state it stored, how many states it left unexpanded at the depth bound, whether it
   * ran to its end, its bit array's figures.
   */
  public record Search(int index, long seed, long stored, long generated, int deepest,
      long truncated, boolean finished, BitstateCoverage bits) {}

  /** States stored, summed over the searches (a state two searches met counts twice). */
  public long storedInAll() {
    return searches.stream().mapToLong(Search::stored).sum();
  }

  /** Whether every search ran to its end: the swarm finished without a violation. */
  public boolean finished() {
    return searches.size() == options.searches()
        && searches.stream().allMatch(Search::finished);
  }
}
