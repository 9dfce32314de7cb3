package poolcheck.api;

import java.util.List;
import poolcheck.explore.swarm.SwarmResult;

/**
 * What a swarm did (docs/swarm.md): {@code searches} randomised bitstate searches from {@code
 * seed} (search i used seed + i) on {@code threads} threads, each over {@code bitsPerSearch}
 * bits with {@code hashFunctions} bits a state and at most {@code depthBound} steps deep;
 * {@code unionEstimate} distinct states stored between them (a HyperLogLog estimate, about
 * 0.8 %), {@code storedInAll} summed over the searches. {@code finished}: every search ran to
 * its end without a violation (no proof even so). {@code foundBy} the search whose violation
 * is reported (-1: none) and {@code foundLength} its trace's length before shrinking.
 */
public record SwarmFigures(int searches, long seed, int threads, long bitsPerSearch,
    int hashFunctions, int depthBound, double unionEstimate, long storedInAll, boolean finished,
    int foundBy, int foundLength, List<Search> perSearch) {

  public SwarmFigures {
    perSearch = List.copyOf(perSearch);
  }

  /**
   * One search: its seed, states stored and generated, its deepest state, the states it left
   * unexpanded at the depth bound, whether it ran to its end, its bit array's fill ratio.
   */
  public record Search(int index, long seed, long stored, long generated, int deepest,
      long truncated, boolean finished, double fillRatio) {}

  static SwarmFigures of(SwarmResult r, int foundLength) {
    var o = r.options();
    var b = o.search().bitstate();
    return new SwarmFigures(o.searches(), o.seed(), o.threads(), b.bits(), b.hashFunctions(),
        o.depthBound(), r.unionEstimate(), r.storedInAll(), r.finished(), r.foundBy(),
        foundLength, r.searches().stream().map(s -> new Search(s.index(), s.seed(), s.stored(),
            s.generated(), s.deepest(), s.truncated(), s.finished(), s.bits().fillRatio()))
            .toList());
  }
}
