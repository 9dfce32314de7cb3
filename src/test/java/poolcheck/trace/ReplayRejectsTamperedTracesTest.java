package poolcheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poolcheck.compile.Models;
import poolcheck.compile.CompiledModel;
import poolcheck.explore.Explorer;
import poolcheck.result.CheckResult;

/**
 * Replay is what makes the corpus's replayed traces worth something: it must reject a trace
 * that the model does not produce. Each test breaks the lost-update trace in one way.
 */
class ReplayRejectsTamperedTracesTest {
  private static final String LOST_UPDATE = """
      model lost_update;
      const CPUS = 2;
      type Cpu = 0 .. CPUS - 1;
      var counter : 0 .. CPUS = 0;
      process cpu[CPUS] {
        var tmp : 0 .. CPUS = 0;
        load @atomic_read:  { tmp = counter; }
        store @atomic_set:  { counter = tmp + 1; }
      }
      invariant no_lost_update: (forall c in Cpu: at(cpu[c], done)) => counter == CPUS;
      """;

  @TempDir
  Path tmp;
  CompiledModel model;
  ObjectNode result;

  @BeforeEach
  void findTheLostUpdate() throws Exception {
    model = Models.fromText("lost_update.pool", LOST_UPDATE);
    CheckResult r = new Explorer(model).run();
    result = (ObjectNode) new ObjectMapper().readTree(JsonResult.render(r));
  }

  private Replay.Outcome replay() throws Exception {
    Path file = tmp.resolve("trace.json");
    Files.writeString(file, new ObjectMapper().writeValueAsString(result));
    return Replay.check(model, JsonTrace.read(file));
  }

  private ArrayNode steps() {
    return (ArrayNode) result.get("trace").get("steps");
  }

  @Test
  void acceptsTheExplorersTraceOfFourSteps() throws Exception {
    Replay.Outcome o = replay();
    assertTrue(o.ok(), o.message());
    assertEquals(4, o.step());
  }

  @Test
  void rejectsAStateTheStepDoesNotProduce() throws Exception {
    ObjectNode state = (ObjectNode) steps().get(3).get("state");
    state.put("counter", 2);
    Replay.Outcome o = replay();
    assertFalse(o.ok());
    assertEquals(3, o.step());
    assertTrue(o.message().contains("the recorded state"), o.message());
  }

  @Test
  void rejectsAStepOfAnInstanceThatDoesNotExist() throws Exception {
    ((ObjectNode) steps().get(2)).put("process", "cpu[7]");
    Replay.Outcome o = replay();
    assertFalse(o.ok());
    assertEquals(2, o.step());
  }

  @Test
  void rejectsATraceCutShortOfTheViolation() throws Exception {
    steps().remove(4);
    Replay.Outcome o = replay();
    assertFalse(o.ok());
    assertTrue(o.message().contains("satisfies no_lost_update"), o.message());
  }

  @Test
  void rejectsAFirstStateThatIsNotInitial() throws Exception {
    ((ObjectNode) steps().get(0).get("state")).put("counter", 1);
    Replay.Outcome o = replay();
    assertFalse(o.ok());
    assertEquals(0, o.step());
  }
}
