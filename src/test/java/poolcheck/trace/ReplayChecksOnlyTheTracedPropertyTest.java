package poolcheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poolcheck.compile.Models;
import poolcheck.compile.CompiledModel;
import poolcheck.explore.Explorer;
import poolcheck.result.CheckResult;
import poolcheck.result.Verdict;

class ReplayChecksOnlyTheTracedPropertyTest {
  // The step that breaks the invariant also fails an assertion that was not checked.
  private static final String MODEL = """
      model two_properties;
      var x : 0 .. 2 = 0;
      process p {
        a: { x = 1; }
        b: { assert never_two: x != 1; x = 2; }
      }
      invariant below_two: x < 2;
      """;

  @Test
  void replaysAnInvariantTraceThroughAStepThatBreaksAnUncheckedAssertion(@TempDir Path dir)
      throws Exception {
    CompiledModel m = Models.fromText("two_properties.pool", MODEL);
    CheckResult r = new Explorer(m).properties(Set.of("below_two")).run();
    assertEquals(Verdict.VIOLATED, r.verdict());
    Path trace = dir.resolve("trace.json");
    Files.writeString(trace, JsonResult.render(r));

    Replay.Outcome o = Replay.check(m, JsonTrace.read(trace));

    assertTrue(o.ok(), o.message() + " at step " + o.step());
    assertEquals(2, o.step());
  }

  /**
   * Found by random model 91: the search checked every assert, and evaluating one (head of an
   * empty fifo) raised the runtime error; a replay that skipped unchecked asserts ran past it
   * into another error. Replay checks what the recorded "checked" list says.
   */
  @Test
  void replaysARuntimeErrorRaisedWhileEvaluatingAnAssertTheSearchChecked(@TempDir Path dir)
      throws Exception {
    String text = """
        var box : fifo<0 .. 1, 1>;
        process p {
          s: { assert head(box) == 0; push(box, 2); }
        }
        """;
    CompiledModel m = Models.fromText("m.pool", text);
    CheckResult r = new Explorer(m).run();
    assertEquals("container_underflow", r.counterexample().orElseThrow().property().name());
    Path trace = dir.resolve("trace.json");
    Files.writeString(trace, JsonResult.render(r));

    Replay.Outcome o = Replay.check(m, JsonTrace.read(trace));

    assertTrue(o.ok(), o.message() + " at step " + o.step());
  }
}
