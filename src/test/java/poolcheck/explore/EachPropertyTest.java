package poolcheck.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Models;
import poolcheck.result.CheckResult;
import poolcheck.result.Verdict;
import poolcheck.system.Property;
import poolcheck.trace.JsonResult;
import poolcheck.trace.JsonTrace;
import poolcheck.trace.Replay;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The one search of {@link EachProperty} (what the proofs ledger records) is held, property by
 * property, to a search checking that property alone: the same verdict, the same trace (so the
 * same length), the same state count except for an assertion (whose own search drops what the
 * steps breaking it lead to), and a trace that replays.
 */
// Explores its own models, writes only in its temporary directory: beside the other classes.
// (junit-platform.properties)
@Execution(ExecutionMode.CONCURRENT)
class EachPropertyTest {
  @TempDir Path dir;

  /**
   * Two assertions in one step (the first one breaking must not hide the second), an assertion
   * whose condition divides by zero (a runtime error only its own search meets), an invariant,
   * a deadlock, a leads-to property, and a runtime error of the model that stops every search
   * at depth 4: what is not violated before it is "stopped by" it.
   */
  private static final String CASES = """
      model continue_cases;
      var x : 0 .. 3 = 0;
      var y : 0 .. 3 = 0;
      var d : 0 .. 1 = 1;
      process a {
        s1 @f1: { x = x + 1; }
        s2 @f2: {
          either { x = 0; } or { y = 1; }
          assert first: x < 1;
          assert second: y < 1;
        }
        s3 @f3: { either { d = 0; } or { x = x + 1; } }
        s4 @f4: { x = x + 1; }
      }
      process b {
        t1 @g1: { assert div: 2 / d == 2; }
        t2 @g2: when (x == 0) { y = y + 1; }
      }
      %s
      invariant small_x: x < 2;
      invariant late: !(at(a, done) && at(b, done));
      liveness x_grows: eventually x == 3;
      """;

  @Test
  void decidesEachPropertyAsItsOwnSearchDoes() throws Exception {
    agrees(Models.fromText("cases.pool", CASES.formatted("")));
  }

  @Test
  void aRuntimeErrorStopsEveryPropertyNotViolatedBeforeIt() throws Exception {
    CompiledModel m = Models.fromText("cases.pool", CASES.formatted(
        "process c { u1 @h1: when (y == 1 && x == 2) { y = y + 3; } }"));
    EachProperty.Report r = agrees(m);
    assertEquals(Verdict.VIOLATED, r.reachable().verdict());
    List<String> shown = r.properties().stream()
        .map(p -> p.counterexample().map(cx -> cx.property().name()).orElse("-")).toList();
    // deadlock, the invariants, the leads-to property, the assertions (declaration order)
    assertEquals(List.of("value_out_of_range", "small_x", "value_out_of_range",
        "value_out_of_range", "first", "second", "division_by_zero"), shown);
  }

  @TestFactory
  Stream<DynamicTest> agreesOnRandomModels() {
    return LongStream.range(0, 120).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed,
        () -> agrees(Models.fromText("random_" + seed + ".pool",
            RandomModels.generate(seed)))));
  }

  /**
   * Ledger rows with assertions, invariants and leads-to properties violated at several depths,
   * under symmetry reduction (the consumers), in a few seconds.
   */
  @TestFactory
  Stream<DynamicTest> agreesOnLedgerRows() {
    return Stream.of("page_pool_dma_tracking small", "page_pool_preempt_rt no_rt_check",
        "page_pool_skip_sync small", "page_pool_v6_12 small").map(row -> {
          String[] part = row.split(" ");
          return DynamicTest.dynamicTest(row, () -> agrees(Models.load(
              Path.of("models/" + part[0] + ".pool"), part[1], Map.of())));
        });
  }

  private EachProperty.Report agrees(CompiledModel m) throws Exception {
    EachProperty.Report each = new EachProperty(m, SearchOptions.reproducible()).run();
    CheckResult reach = new Explorer(m, SearchOptions.reproducible().withProperties(Set.of()))
        .run();
    assertEquals(reach.verdict(), each.reachable().verdict());
    assertEquals(reach.statistics().distinct(), each.reachable().statistics().distinct());
    assertEquals(reach.counterexample(), each.reachable().counterexample());
    List<Property> checked = new ArrayList<>();
    for (Property p : m.properties()) {
      if (p.kind() != Property.Kind.RUNTIME) checked.add(p);
    }
    assertEquals(checked.size(), each.properties().size());
    for (int i = 0; i < checked.size(); i++) {
      Property p = checked.get(i);
      CheckResult alone = new Explorer(m, SearchOptions.reproducible()
          .withProperties(Set.of(p.name()))).run();
      CheckResult one = each.properties().get(i);
      String what = m.name() + " " + p.name();
      assertEquals(alone.verdict(), one.verdict(), what);
      assertEquals(alone.checked(), one.checked(), what);
      assertEquals(alone.counterexample(), one.counterexample(), what);
      assertEquals(alone.statistics().depth(), one.statistics().depth(), what);
      if (p.kind() == Property.Kind.ASSERTION) {
        assertTrue(one.statistics().distinct() >= alone.statistics().distinct(), what);
      } else {
        assertEquals(alone.statistics().distinct(), one.statistics().distinct(), what);
      }
      if (one.counterexample().isPresent()) {
        Path file = Files.writeString(dir.resolve(p.name() + ".json"), JsonResult.render(one));
        Replay.Outcome o = Replay.check(m, JsonTrace.read(file));
        assertTrue(o.ok(), what + ": " + o.message() + " at step " + o.step());
      }
    }
    return each;
  }
}
