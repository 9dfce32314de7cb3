package poolcheck.simulate;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Optional;
import poolcheck.result.CheckResult;
import poolcheck.result.Counterexample;
import poolcheck.result.Statistics;
import poolcheck.result.Verdict;

/**
 * What a simulation found. {@code counterexample} is the shrunk trace; {@code foundLength} the
 * length of the run that first broke the property, before shrinking. {@code runSeed} seeds the
 * failing run alone: {@code --seed runSeed --runs 1} reproduces it.
 */
public record SimulationResult(String model, ImmutableMap<String, Integer> constants,
    ImmutableList<String> checked, long seed, int runs, int depth, int runsDone, long steps,
    long millis, Optional<Counterexample> counterexample, Optional<Schedule> schedule,
    int failingRun, long runSeed, int foundLength) {

  public boolean violated() {
    return counterexample.isPresent();
  }

  /** Stopped (a signal) before every run was taken, with no violation found. */
  public boolean interrupted() {
    return !violated() && runsDone < runs;
  }

  /**
   * The result in the shape the exporters take. No violation is INCOMPLETE, never VERIFIED: a
   * simulation proves nothing about the runs it did not take.
   */
  public CheckResult toCheckResult() {
    // A simulation stores no states: generated counts steps taken, distinct is not known (0).
    Statistics stats = new Statistics(steps, 0, depth, millis, 1, 0);
    return new CheckResult(model, constants, checked,
        violated() ? Verdict.VIOLATED : Verdict.INCOMPLETE, stats, counterexample,
        violated() ? null : noViolation());
  }

  public String noViolation() {
    return (interrupted() ? "interrupted: " : "") + "no violation in " + runsDone
        + (interrupted() ? " of " + runs : "") + " runs of depth " + depth + " (not a proof)";
  }
}
