package poolcheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Models;
import poolcheck.explore.Explorer;
import poolcheck.result.CheckResult;
import poolcheck.result.Verdict;

/**
 * A lasso's closing step (last state back to the loop state) can be a step of more than one
 * process; fairness depends on which. Replay credits the one the trace records, refuses a
 * recorded one that does not lead back, and, for a trace that does not record it, accepts the
 * lasso if some process's closing step makes it fair. It used to credit the lowest-numbered
 * process, which rejected this model's own counterexample: toggle closes the cycle as well as
 * reset, but only reset's closing step is fair to the strongly fair reset.
 */
class ReplayCreditsTheRecordedClosingStepTest {
  private static final String TWO_CLOSERS = """
      var x : 0..1 = 0;
      var y : 0..1 = 0;
      process toggle { go: { x = 1 - x; goto go; } }
      process reset { go: when (x == 1) { x = 0; goto go; } }
      fairness weak: toggle;
      fairness strong: reset;
      liveness never_y: eventually y == 1;
      """;

  @TempDir
  Path tmp;
  CompiledModel model;
  ObjectNode result;

  @BeforeEach
  void findTheLasso() throws Exception {
    model = Models.fromText("two_closers.pool", TWO_CLOSERS);
    CheckResult r = new Explorer(model).run();
    assertEquals(Verdict.VIOLATED, r.verdict());
    result = (ObjectNode) new ObjectMapper().readTree(JsonResult.render(r));
  }

  private ObjectNode trace() {
    return (ObjectNode) result.get("trace");
  }

  private Replay.Outcome replay() throws Exception {
    Path file = tmp.resolve("trace.json");
    Files.writeString(file, new ObjectMapper().writeValueAsString(result));
    return Replay.check(model, JsonTrace.read(file));
  }

  @Test
  void theLassoIsClosedByResetAndReplays() throws Exception {
    assertEquals("reset", trace().get("closing").get("process").asText());
    Replay.Outcome o = replay();
    assertTrue(o.ok(), o.message());
  }

  @Test
  void aClosingStepCreditedToToggleLeavesResetUnserved() throws Exception {
    ((ObjectNode) trace().get("closing")).put("process", "toggle");
    Replay.Outcome o = replay();
    assertFalse(o.ok(), o.message());
    assertTrue(o.message().contains("not fair to process instance reset"), o.message());
  }

  @Test
  void aClosingStepThatDoesNotLeadBackIsRefused() throws Exception {
    ((ObjectNode) trace().get("closing")).put("process", "nobody");
    Replay.Outcome o = replay();
    assertFalse(o.ok(), o.message());
    assertTrue(o.message().contains("closing step nobody.go does not lead"), o.message());
  }

  @Test
  void withoutARecordedClosingStepAnyCloserThatMakesItFairIsCredited() throws Exception {
    trace().remove("closing");
    Replay.Outcome o = replay();
    assertTrue(o.ok(), o.message());
  }
}
