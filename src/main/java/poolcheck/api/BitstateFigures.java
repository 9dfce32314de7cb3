package poolcheck.api;

import poolcheck.explore.BitstateCoverage;

/**
 * What a bitstate search's bit array says about its coverage (docs/swarm.md has the formulas):
 * {@code bits} in the array, {@code hashFunctions} set per state, {@code stored} states taken
 * for new, SPIN's {@code hashFactor} (bits / stored; above 100 the search is very likely
 * complete), the measured {@code fillRatio}, {@code omission} = fillRatio^k (the chance that one
 * more new state would have been taken for seen), {@code expectedMissed} states and the
 * estimated {@code coverage}, an upper bound. {@code finished}: the search ran to its end.
 */
public record BitstateFigures(long bits, int hashFunctions, long seed, long stored,
    double hashFactor, double fillRatio, double omission, double expectedMissed,
    double coverage, boolean finished) {
  static BitstateFigures of(BitstateCoverage c, boolean finished) {
    return new BitstateFigures(c.bits(), c.hashFunctions(), c.seed(), c.stored(), c.hashFactor(),
        c.fillRatio(), c.omission(), c.expectedMissed(), c.coverage(), finished);
  }
}
