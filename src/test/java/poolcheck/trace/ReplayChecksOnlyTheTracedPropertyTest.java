package poolcheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poolcheck.api.Models;
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
}
