package poolcheck.api;

import poolcheck.simulate.SimulationResult;

/**
 * What a simulation did. Run i used seed {@code seed + i}; after a violation {@code failingRun}
 * (from 0) broke the property, {@code runSeed} repeats that run alone and {@code foundLength} is
 * its trace's length before shrinking (both -1 without a violation). {@code summary} is the
 * no-violation line ("no violation in 30 runs of depth 10 (not a proof)") or null.
 */
public record SimulationFigures(long seed, int runs, int depth, int runsDone, long steps,
    long millis, boolean violated, boolean interrupted, int failingRun, long runSeed,
    int foundLength, String summary) {
  static SimulationFigures of(SimulationResult r) {
    return new SimulationFigures(r.seed(), r.runs(), r.depth(), r.runsDone(), r.steps(),
        r.millis(), r.violated(), r.interrupted(), r.violated() ? r.failingRun() : -1,
        r.violated() ? r.runSeed() : -1, r.violated() ? r.foundLength() : -1,
        r.violated() ? null : r.noViolation());
  }
}
