package poolcheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poolcheck.compile.Models;
import poolcheck.compile.CompiledModel;

/** Replay on the model that produced a trace, and on models that have changed since. */
class ReplayTest {
  @TempDir
  Path dir;

  private static final Path LOST = Path.of("src/test/resources/golden",
      "lost_update-no_lost_update.json");
  private static final Path LOST_ITF = Path.of("src/test/resources/golden",
      "lost_update-no_lost_update.itf.json");

  private static CompiledModel lostUpdate(String from, String to) throws Exception {
    String text = Files.readString(ShippedTraces.model("lost_update"));
    assertTrue(text.contains(from), from);
    return Models.fromText("changed.pool", text.replace(from, to));
  }

  @Test
  void confirmsTheLostUpdateFromJsonAndFromItf() throws Exception {
    CompiledModel m = Models.load(ShippedTraces.model("lost_update"));
    Replay.Outcome json = Replay.check(m, JsonTrace.read(LOST));
    Replay.Outcome itf = Replay.check(m, JsonTrace.read(LOST_ITF));
    assertTrue(json.ok(), json.message());
    assertTrue(itf.ok(), itf.message());
    assertEquals("no_lost_update is violated", itf.message());
  }

  @Test
  void namesTheFirstStepWhoseStateChangedAndHow() throws Exception {
    String text = Files.readString(ShippedTraces.model("lost_update"))
        .replace("var counter : 0 .. CPUS = 0;", "var counter : 0 .. 2 * CPUS = 0;")
        .replace("counter = tmp + 1;", "counter = tmp + 2;");
    CompiledModel m = Models.fromText("changed.pool", text);
    Replay.Outcome o = Replay.check(m, JsonTrace.read(LOST));
    assertFalse(o.ok());
    assertEquals(3, o.step());
    assertEquals("cpu[0] store no longer produces the recorded state: "
        + "counter is 2 in the model, 1 in the trace", o.message());
  }

  @Test
  void saysWhenTheInitialStateChanged() throws Exception {
    CompiledModel m = lostUpdate("var counter : 0 .. CPUS = 0;", "var counter : 0 .. CPUS = 1;");
    Replay.Outcome o = Replay.check(m, JsonTrace.read(LOST));
    assertFalse(o.ok());
    assertEquals(0, o.step());
    assertEquals("the first state is not an initial state of the model: "
        + "counter is 1 in the model, 0 in the trace", o.message());
  }

  @Test
  void saysWhenAStepIsNoLongerEnabled() throws Exception {
    CompiledModel m = lostUpdate("store @atomic_set:  {", "store @atomic_set: when (counter > 5) {");
    Replay.Outcome o = Replay.check(m, JsonTrace.read(LOST));
    assertFalse(o.ok());
    assertEquals(3, o.step());
    assertEquals("cpu[0] store is not enabled in the state after step 2", o.message());
  }

  @Test
  void saysWhenAStepWasRenamed() throws Exception {
    CompiledModel m = lostUpdate("store @atomic_set:", "write @atomic_set:");
    Replay.Outcome o = Replay.check(m, JsonTrace.read(LOST_ITF));
    assertFalse(o.ok());
    assertEquals(1, o.step());
    assertEquals("the recorded state does not fit the model: no label 'store' in cpu",
        o.message());
  }

  @Test
  void saysWhenTheTraceNoLongerEndsInAViolation() throws Exception {
    CompiledModel m = lostUpdate("=> counter == CPUS;", "=> counter >= 1;");
    Replay.Outcome o = Replay.check(m, JsonTrace.read(LOST));
    assertFalse(o.ok());
    assertEquals(4, o.step());
    assertEquals("the trace no longer ends in a violation: the last state satisfies "
        + "no_lost_update", o.message());
  }

  @Test
  void replaysAnItfTraceWithoutPoolchecksStepNames() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode itf = (ObjectNode) mapper.readTree(LOST_ITF.toFile());
    itf.get("states").forEach(s -> ((ObjectNode) s.get("#meta")).retain("index"));
    Path bare = dir.resolve("bare.itf.json");
    Files.writeString(bare, mapper.writeValueAsString(itf));
    Replay.Outcome o = Replay.check(Models.load(ShippedTraces.model("lost_update")),
        JsonTrace.read(bare));
    assertTrue(o.ok(), o.message());
    assertEquals(4, o.step());
  }
}
