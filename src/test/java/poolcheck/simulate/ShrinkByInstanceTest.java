package poolcheck.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Models;
import poolcheck.explore.Explorer;
import poolcheck.result.Counterexample;
import poolcheck.trace.Replay;
import poolcheck.trace.Replays;

/**
 * Readers that take and drop a lock play no part in the writer's bug, but no single one of
 * their steps can go (models/readers_writer.pool): only all of one reader's steps at once can.
 */
class ShrinkByInstanceTest {
  @Test
  void everyShrunkTraceIsAsShortAsTheShortestOne() throws Exception {
    CompiledModel m = Models.load(java.nio.file.Path.of(
        "src/test/resources/models/readers_writer.pool"), java.util.Map.of());
    int shortest = new Explorer(m).properties(Set.of("data_small")).run().counterexample()
        .orElseThrow().length();
    assertEquals(3, shortest);
    for (long seed = 1; seed <= 20; seed++) {
      SimulationResult r = new Simulator(m).run(20, 200, seed);
      Counterexample cx = r.counterexample().orElseThrow();
      assertEquals(shortest, cx.length(), "seed " + seed + ": " + cx);
      Replay.Outcome o = Replays.replay(m, cx);
      assertTrue(o.ok(), "seed " + seed + ": replay fails at step " + o.step());
    }
  }
}
