package poolcheck.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.common.collect.ImmutableList;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Models;
import poolcheck.explore.Explorer;
import poolcheck.explore.SearchOptions;
import poolcheck.explore.swarm.Swarm;
import poolcheck.explore.swarm.SwarmOptions;
import poolcheck.result.Counterexample;
import poolcheck.system.PropertySelection;

/** Another search's trace read back as a schedule and shrunk by the simulator's shrinker. */
class TraceShrinkingTest {
  private static final Set<String> DMA = Set.of("no_dma_after_detach");

  /** The exact search's shortest trace of v6.12's unmap after detach, 14 steps. */
  private static Counterexample shortest(CompiledModel m) {
    return new Explorer(m).properties(DMA).run().counterexample().orElseThrow();
  }

  @Test
  void aDepthFirstTraceShrinksToTheShortest() throws Exception {
    CompiledModel m = Models.load(Path.of("models/page_pool_v6_12.pool"));
    PropertySelection checked = PropertySelection.of(m, DMA, true);
    Counterexample found = new Swarm(m, new SwarmOptions(1, 42, SearchOptions.defaults()
        .withWorkers(1).withProperties(DMA).withBitstate(new SearchOptions.Bitstate(1 << 20, 3,
            0)))).run().result().counterexample().orElseThrow();
    assertEquals(15, found.length());
    Counterexample shrunk = TraceShrinking.shrink(m, checked, found, 1_000_000);
    assertEquals(14, shrunk.length());
    assertEquals("no_dma_after_detach", shrunk.property().name());
  }

  @Test
  void theShortestTraceReadsBackAsTheScheduleThatReplaysIt() throws Exception {
    CompiledModel m = Models.load(Path.of("models/page_pool_v6_12.pool"));
    PropertySelection checked = PropertySelection.of(m, DMA, true);
    Counterexample shortest = shortest(m);
    Schedule s = TraceShrinking.schedule(m.withSymmetry(false), checked, shortest);
    assertNotNull(s);
    assertEquals(14, s.length());
    Execution.Result r = new Execution(m.withSymmetry(false), checked).run(s);
    assertEquals(shortest.property().id(), r.property());
    assertEquals(14, TraceShrinking.shrink(m, checked, shortest, 1_000_000).length());
  }

  @Test
  void aTraceThatIsNoRunOfTheModelIsGivenBackUnchanged() throws Exception {
    CompiledModel m = Models.load(Path.of("models/page_pool_v6_12.pool"));
    PropertySelection checked = PropertySelection.of(m, DMA, true);
    Counterexample shortest = shortest(m);
    // the first step dropped: the second no longer follows from the initial state
    Counterexample broken = new Counterexample(shortest.property(), ImmutableList.<
        poolcheck.result.TraceStep>builder().add(shortest.steps().get(0))
        .addAll(shortest.steps().subList(2, shortest.steps().size())).build());
    assertSame(broken, TraceShrinking.shrink(m, checked, broken, 1_000_000));
  }
}
