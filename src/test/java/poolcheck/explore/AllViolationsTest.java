package poolcheck.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import poolcheck.compile.Models;
import poolcheck.compile.CompiledModel;
import poolcheck.system.Property;
import poolcheck.result.Counterexample;
import poolcheck.result.Verdict;

class AllViolationsTest {
  private static AllViolations.Report run(String name) throws Exception {
    CompiledModel m = Models.load(Path.of("src/test/resources/models", name + ".pool"));
    Set<String> properties = new LinkedHashSet<>();
    for (Property p : m.properties()) {
      if (p.kind() != Property.Kind.RUNTIME) properties.add(p.name());
    }
    return new AllViolations(only -> new Explorer(m).properties(only), properties).run();
  }

  @Test
  void reportsBothTinyPoolBugsEachWithItsShortestTrace() throws Exception {
    AllViolations.Report report = run("tiny_pool");
    assertEquals(List.of("no_mapped_page_at_rest", "no_unmap_after_detach"),
        report.counterexamples().stream().map(cx -> cx.property().name()).toList());
    assertEquals(List.of(5, 6),
        report.counterexamples().stream().map(Counterexample::length).toList());
    assertEquals(Verdict.VERIFIED, report.last().verdict());
    assertEquals(16, report.last().statistics().distinct());
  }

  @Test
  void reportsTheLostUpdateOnceAndVerifiesTheRest() throws Exception {
    AllViolations.Report report = run("lost_update");
    assertEquals(List.of("no_lost_update"),
        report.counterexamples().stream().map(cx -> cx.property().name()).toList());
    assertEquals(Verdict.VERIFIED, report.last().verdict());
    assertEquals(13, report.last().statistics().distinct());
  }

  @Test
  void stopsAtARuntimeErrorThatCannotBeSwitchedOff() throws Exception {
    CompiledModel m = Models.fromText("overflow.pool", """
        model overflow;
        var x : 0 .. 1 = 0;
        var y : 0 .. 3 = 0;
        process p { up: { x = x + 1; } again: { x = x + 1; } }
        process q { a: { y = 1; } b: { y = 2; } }
        invariant y_small: y < 2;
        """);
    AllViolations.Report report = new AllViolations(only -> new Explorer(m).properties(only),
        Set.of("y_small")).run();
    assertEquals(List.of("value_out_of_range"),
        report.counterexamples().stream().map(cx -> cx.property().name()).toList());
    assertEquals(Verdict.VIOLATED, report.last().verdict());
  }
}
