package poolcheck.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import poolcheck.compile.Models;
import poolcheck.compile.CompiledModel;
import poolcheck.result.CheckResult;
import poolcheck.result.Coverage;
import poolcheck.result.Verdict;

/** The counts behind the coverage report, against figures known by hand and each other. */
class CoverageCountsTest {
  static Path corpus(String name) {
    try {
      return Path.of(CoverageCountsTest.class.getResource("/corpus/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void countsPetersonStepsAsTheStateSpaceSays() throws Exception {
    Explorer e = new Explorer(Models.load(corpus("verified/peterson.pool"), Map.of()));
    assertEquals(Verdict.VERIFIED, e.run().verdict());
    Coverage c = e.coverage();
    // peterson.pool's comment: with proc0 in critical, proc1 is at SF, ST or W (3 states), and
    // the same with the roles swapped: critical is enabled, and taken once, in 6 states.
    Coverage.Step critical = step(c, "proc.critical");
    assertEquals(6, critical.enabled());
    assertEquals(6, critical.taken());
    assertEquals(2, critical.instances().size());
    assertEquals(3, critical.instances().get(0).taken());
    assertEquals(3, critical.instances().get(1).taken());
    assertTrue(c.warnings().isEmpty(), c.warnings().toString());
    // The invariant is evaluated once per distinct state.
    Coverage.Check inv = c.checks().stream()
        .filter(k -> "mutual_exclusion".equals(k.site().name())).findFirst().orElseThrow();
    assertEquals(26, inv.evaluated());
    assertEquals(26, inv.held());
  }

  @ParameterizedTest
  @ValueSource(strings = {"models/page_pool_v6_12.pool", "models/page_pool_dma_bulk_unmap.pool"})
  void takenStepsAreTheEdgesOfTheGraphWhateverTheEngine(String file) throws Exception {
    CompiledModel m = Models.load(Path.of(file), Map.of());
    Explorer sequential = new Explorer(m).properties(java.util.Set.of());
    CheckResult r = sequential.run();
    assertEquals(Verdict.VERIFIED, r.verdict());
    Coverage one = sequential.coverage();
    long taken = one.steps().stream().mapToLong(Coverage.Step::taken).sum();
    // generated counts every successor computed, the initial states' included.
    long[] initial = {0};
    m.initialStates(m.newFrame(m.allChecked()), new poolcheck.system.SuccessorSink() {
      @Override
      public void successor(int[] next, int transition) {
        initial[0]++;
      }

      @Override
      public void violation(int property, int[] at, int transition) { }
    });
    assertEquals(r.statistics().generated() - initial[0], taken);
    for (int workers : new int[] {1, 3}) {
      Explorer parallel = new Explorer(m).properties(java.util.Set.of()).workers(workers)
          .fingerprints(true);
      assertEquals(Verdict.VERIFIED, parallel.run().verdict());
      assertEquals(one, parallel.coverage(), workers + " workers");
    }
  }

  @Test
  void symmetryReductionCountsOverTheReducedGraphAndSaysSo() throws Exception {
    CompiledModel m = Models.load(Path.of("models/page_pool_v6_12.pool"), Map.of());
    Explorer reduced = new Explorer(m).properties(java.util.Set.of());
    reduced.run();
    Explorer full = new Explorer(m.withSymmetry(false)).properties(java.util.Set.of());
    full.run();
    assertTrue(reduced.coverage().reduced());
    assertEquals(false, full.coverage().reduced());
    // Fewer states, fewer enabled counts; the same steps are reached, since every orbit
    // holds a state where the step is enabled exactly when one of its members does.
    assertTrue(step(reduced.coverage(), "napi.poll").enabled()
        < step(full.coverage(), "napi.poll").enabled());
    assertEquals(full.coverage().unreached(), reduced.coverage().unreached());
  }

  static Coverage.Step step(Coverage c, String name) {
    return c.steps().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }
}
