package poolcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A flag outside its range is bad usage before any work: one line, exit 2, its valid range. */
class FlagRangesTest {
  private static final String COUNTER = BadInputs.corpus("verified/counter.pool");
  private static final String LOST = BadInputs.corpus("violated/lost_update.pool");

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "check --max-states 0 | --max-states 0: expected 1 to 9,223,372,036,854,775,807",
      "check --max-states -1 | --max-states -1: expected 1 to",
      "check --max-depth 0 | --max-depth 0: expected 1 to 2,147,483,647",
      "check --max-depth -1 | --max-depth -1: expected 1 to",
      "check --time-limit 0 | --time-limit 0: expected 1 to 1,000,000,000",
      "check --time-limit 9223372036854775807 | --time-limit 9223372036854775807: expected 1 to",
      "check --workers 0 | --workers 0: expected 1 to",
      "check --workers 2147483647 | --workers 2147483647: expected 1 to",
      "check --workers 100000 | --workers 100000: expected 1 to",
      "check --frontier-memory -1 | --frontier-memory -1: expected 0 to",
      "check --checkpoint-interval -1 | --checkpoint-interval -1.0: expected a number of seconds",
      "check --frontier-memory 9223372036854775807 | --frontier-memory 9223372036854775807:",
      "check --checkpoint-interval NaN | --checkpoint-interval NaN: expected a number of seconds",
      "check --progress-interval -1 | --progress-interval -1.0: expected a number of seconds",
      "check --progress-interval Infinity | --progress-interval Infinity: expected",
      "check --trace-format , | --trace-format: no format given",
      "simulate --runs 0 | --runs 0: expected 1 to",
      "simulate --depth -1 | --depth -1: expected 0 to",
  })
  void rejectsAValueOutsideTheFlagsRangeBeforeTheSearch(String args, String message) {
    List<String> argv = new ArrayList<>(List.of(args.strip().split(" ")));
    argv.add(1, argv.get(0).equals("check") ? "-q" : "--seed=1");
    argv.add(LOST);
    MainTest.Run r = MainTest.run(argv.toArray(String[]::new));
    assertEquals(2, r.status(), r.out() + r.err());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.errLines().get(0).startsWith("poolcheck: " + message.strip()), r.err());
    assertEquals("", r.out(), "nothing runs");
  }

  @Test
  void acceptsTheMostWorkersItDocuments() {
    MainTest.Run r = MainTest.run("check", "-q", "--workers",
        Integer.toString(poolcheck.api.CheckOptions.maxWorkers()), COUNTER);
    assertEquals(0, r.status(), r.err());
    MainTest.Run over = MainTest.run("check", "-q", "--workers",
        Integer.toString(poolcheck.api.CheckOptions.maxWorkers() + 1), COUNTER);
    assertEquals(2, over.status(), over.err());
  }

  @Test
  void anEmptyPropertySelectionIsAnErrorNotAVerifiedRunOfNothing() {
    // "--property ,," used to check nothing and say "verified" (exit 0) on a violated model.
    for (String empty : List.of(",,", "", "counter_bounded,,no_lost_update")) {
      MainTest.Run r = MainTest.run("check", "-q", "--property", empty, LOST);
      assertEquals(2, r.status(), empty + ": " + r.out() + r.err());
      assertEquals(List.of("poolcheck: --property: an empty property name (the model has: "
          + "deadlock, counter_bounded, no_lost_update)"), r.errLines());
    }
    MainTest.Run sim = MainTest.run("simulate", "--seed", "1", "--property", ",,", LOST);
    assertEquals(2, sim.status(), sim.err());
  }

  @Test
  void aBadFlagValueIsOneLineThatPointsAtHelp() {
    MainTest.Run r = MainTest.run("check", "--max-states", "abc", COUNTER);
    assertEquals(2, r.status());
    assertEquals(List.of("poolcheck: Invalid value for option '--max-states': 'abc' is not a "
        + "long (see 'poolcheck check --help')"), r.errLines());
  }
}
