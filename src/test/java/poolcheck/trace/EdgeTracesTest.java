package poolcheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poolcheck.compile.Models;
import poolcheck.compile.CompiledModel;
import poolcheck.explore.Explorer;
import poolcheck.result.CheckResult;

/** Traces at the edges: no step at all, and a deadlock; every format renders and replays. */
class EdgeTracesTest {
  @TempDir
  Path dir;

  private void rendersAndReplays(CompiledModel m, String property, int length) throws Exception {
    CheckResult r = new Explorer(m).run();
    assertEquals(property, r.counterexample().orElseThrow().property().name());
    assertEquals(length, r.counterexample().orElseThrow().length());
    for (TraceFormat f : TraceFormat.values()) {
      String text = f.render(r);
      assertTrue(text.contains(property),
          f + ":\n" + text);
    }
    for (TraceFormat f : new TraceFormat[] {TraceFormat.JSON, TraceFormat.ITF}) {
      Path file = dir.resolve("t." + f.extension());
      Files.writeString(file, f.render(r));
      Replay.Outcome o = Replay.check(m, JsonTrace.read(file));
      assertTrue(o.ok(), f + ": " + o.message());
    }
  }

  @Test
  void aViolationInTheInitialStateHasNoSteps() throws Exception {
    rendersAndReplays(Models.fromText("init.pool", """
        model broken_from_the_start;
        var x : 0 .. 3 = 3;
        process p { s: { x = 0; } }
        invariant x_small: x < 3;
        """), "x_small", 0);
  }

  @Test
  void aDeadlockEndsInAStateWithNoEnabledStep() throws Exception {
    rendersAndReplays(Models.fromText("stuck.pool", """
        model stuck;
        var lock : bool = false;
        process a { take: when (!lock) { lock = true; } wait: when (!lock) { skip; } }
        """), "deadlock", 1);
  }
}
