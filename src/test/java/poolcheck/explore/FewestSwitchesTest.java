package poolcheck.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import poolcheck.compile.Models;
import poolcheck.compile.CompiledModel;
import poolcheck.result.CheckResult;
import poolcheck.result.Counterexample;
import poolcheck.result.TraceStep;
import poolcheck.trace.JsonResult;
import poolcheck.trace.JsonTrace;
import poolcheck.trace.Replay;

class FewestSwitchesTest {
  private static CompiledModel model(String name) throws Exception {
    return Models.load(Path.of("src/test/resources/models", name + ".pool"));
  }

  private static List<String> actors(Counterexample cx) {
    return cx.steps().stream().skip(1).map(TraceStep::transition)
        .map(t -> t.instance() + " " + t.label()).toList();
  }

  /** Replays through the JSON a user would save, as replay would read it. */
  private static Replay.Outcome replay(CompiledModel m, CheckResult r, Counterexample cx)
      throws Exception {
    CheckResult with = new CheckResult(r.model(), r.constants(), r.checked(), r.verdict(),
        r.statistics(), java.util.Optional.of(cx), r.reason());
    Path file = java.nio.file.Files.createTempFile("trace", ".json");
    try {
      java.nio.file.Files.writeString(file, JsonResult.render(with));
      return Replay.check(m, JsonTrace.read(file));
    } finally {
      java.nio.file.Files.delete(file);
    }
  }

  @Test
  void findsLostUpdateWithTwoSwitchesWhereBreadthFirstHasThree() throws Exception {
    CompiledModel m = model("lost_update");
    Explorer explorer = new Explorer(m);
    CheckResult r = explorer.run();
    Counterexample bfs = r.counterexample().orElseThrow();
    assertEquals(13, r.statistics().distinct()); // its level finished: see the corpus model
    assertEquals(3, FewestSwitches.switches(bfs));

    Counterexample fewest = new FewestSwitches(m, Set.copyOf(explorer.checkedNames())).find(bfs);

    assertEquals(bfs.property(), fewest.property());
    assertEquals(4, fewest.length());
    assertEquals(2, FewestSwitches.switches(fewest));
    assertEquals(List.of("cpu[0] load", "cpu[1] load", "cpu[1] store", "cpu[0] store"),
        actors(fewest));
    Replay.Outcome o = replay(m, r, fewest);
    assertTrue(o.ok(), o.message());
  }

  @Test
  void groupsEachContextsStepsInTheAssertionTraceOfTinyPool() throws Exception {
    CompiledModel m = model("tiny_pool");
    Explorer explorer = new Explorer(m).properties(Set.of("no_unmap_after_detach"));
    CheckResult r = explorer.run();
    Counterexample bfs = r.counterexample().orElseThrow();
    assertEquals(6, bfs.length());
    assertEquals(4, FewestSwitches.switches(bfs));

    Counterexample fewest = new FewestSwitches(m, Set.copyOf(explorer.checkedNames())).find(bfs);

    assertEquals(6, fewest.length());
    assertEquals(2, FewestSwitches.switches(fewest));
    assertEquals(List.of("driver destroy", "driver detach", "napi alloc", "napi rx", "stack free",
        "stack release"), actors(fewest));
    Replay.Outcome o = replay(m, r, fewest);
    assertTrue(o.ok(), o.message());
  }

  @Test
  void keepsATraceThatHasNothingToReorder() throws Exception {
    CompiledModel m = model("tiny_pool");
    Explorer explorer = new Explorer(m).properties(Set.of("no_mapped_page_at_rest"));
    Counterexample bfs = explorer.run().counterexample().orElseThrow();
    Counterexample fewest = new FewestSwitches(m, Set.copyOf(explorer.checkedNames())).find(bfs);
    assertEquals(5, fewest.length());
    assertEquals(FewestSwitches.switches(bfs), FewestSwitches.switches(fewest));
    assertEquals(2, FewestSwitches.switches(fewest));
  }
}
