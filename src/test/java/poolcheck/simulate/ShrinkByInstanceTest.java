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
 * their steps can go: without its unlock a reader holds the lock and the writer never runs,
 * without its lock the unlock is not enabled. Only all of one reader's steps at once can go.
 */
class ShrinkByInstanceTest {
  private static final String READERS = """
      model readers;
      const READERS = 4;
      var m : bool = false;
      var data : 0 .. 2 = 0;
      process reader[READERS] {
        enter @rcu_read_lock: when (!m) { m = true; }
        leave @rcu_read_unlock: { m = false; goto enter; }
      }
      process writer {
        take @spin_lock: when (!m) { m = true; }
        first @write_once: { data = 1; }
        second @write_once: { data = 2; }
      }
      invariant data_small: data < 2;
      """;

  @Test
  void everyShrunkTraceIsAsShortAsTheShortestOne() throws Exception {
    CompiledModel m = Models.fromText("readers.pool", READERS);
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
