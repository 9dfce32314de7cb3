package poolcheck.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poolcheck.compile.Models;
import poolcheck.language.ModelException;
import poolcheck.result.CheckResult;
import poolcheck.result.Counterexample;
import poolcheck.result.Verdict;
import poolcheck.trace.JsonResult;
import poolcheck.trace.JsonTrace;
import poolcheck.trace.Replay;

/**
 * assume as TLC's CONSTRAINT: a state outside it is kept and checked but has no successors, so
 * liveness sees a run that stays there for ever (as TLC does), never a deadlock.
 */
class AssumeTest {
  @TempDir
  Path dir;

  // counter 0, 1, 2 inside the assumption, 3 outside: 4 states, the run ends by staying at 3.
  private static final String COUNTER = """
      var counter : 0 .. 5 = 0;
      process inc { step: { counter = counter + 1; goto step; } }
      fairness weak: inc;
      assume counter <= 2;
      liveness reaches_three: eventually counter == 3;
      """;

  @Test
  void aStateOutsideTheAssumptionEndsTheRunWithoutADeadlock() throws ModelException {
    CheckResult r = new Explorer(Models.fromText("m.pool", COUNTER)).run();
    assertEquals(Verdict.VERIFIED, r.verdict(), () -> r.counterexample().toString());
    assertEquals(4, r.statistics().distinct());
  }

  @Test
  void livenessBeyondTheAssumptionIsALassoThatStaysOutside() throws Exception {
    String text = COUNTER + "liveness reaches_four: eventually counter == 4;\n";
    CheckResult r = new Explorer(Models.fromText("m.pool", text)).run();
    assertEquals(Verdict.VIOLATED, r.verdict());
    Counterexample cx = r.counterexample().orElseThrow();
    assertEquals("reaches_four", cx.property().name());
    assertEquals(3, cx.length());
    Path json = dir.resolve("r.json");
    Files.writeString(json, JsonResult.render(r));
    Replay.Outcome o = Replay.check(Models.fromText("m.pool", text), JsonTrace.read(json));
    assertTrue(o.ok(), o.message());
  }

  @Test
  void withoutTheAssumptionTheSameModelRunsToItsRangeEnd() throws ModelException {
    // the control: counter = 5 + 1 leaves the range, a violation the assumption kept out of reach
    CheckResult r = new Explorer(Models.fromText("m.pool",
        COUNTER.replace("assume counter <= 2;\n", ""))).run();
    assertEquals(Verdict.VIOLATED, r.verdict());
    assertEquals("value_out_of_range", r.counterexample().orElseThrow().property().name());
    assertEquals(6, r.counterexample().orElseThrow().length());
  }
}
