package poolcheck.selfcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import poolcheck.explore.Explorer;
import poolcheck.result.CheckResult;

class ModelShrinkerTest {
  /** A stand-in for a checker bug: "fails" whenever BFS finds an assertion broken. */
  private static final ModelShrinker.Check NO_ASSERTION_BREAKS = m -> {
    CheckResult r = new Explorer(m).run();
    if (r.counterexample().isPresent()
        && r.counterexample().get().property().kind().name().equals("ASSERTION")) {
      throw new AssertionError("an assertion breaks");
    }
  };

  private static final String MODEL = """
      model noisy;
      var x : 0 .. 3 = 0;
      var y : bool = false;
      var z : 0 .. 2 = 0;
      process a {
        one: {
          y = !y;
          z = (z + 1) % 3;
          x = 1;
        }
        two: {
          assert small: x < 1;
        }
      }
      process b {
        spin: {
          z = 0;
          goto spin;
        }
      }
      invariant fine: z <= 2;
      """;

  @Test
  void shrinksAFailingModelToLinesThatAllMatter() {
    assertTrue(ModelShrinker.fails(MODEL, NO_ASSERTION_BREAKS));
    String small = ModelShrinker.shrink(MODEL, t -> ModelShrinker.fails(t, NO_ASSERTION_BREAKS));
    assertTrue(ModelShrinker.fails(small, NO_ASSERTION_BREAKS), small);
    assertTrue(small.lines().count() < MODEL.lines().count(), small);
    assertFalse(small.contains("process b"), small);
    List<String> lines = small.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      List<String> fewer = new ArrayList<>(lines);
      fewer.remove(i);
      assertFalse(ModelShrinker.fails(String.join("\n", fewer), NO_ASSERTION_BREAKS),
          "line " + i + " can go:\n" + small);
    }
  }

  @Test
  void aFailingCheckReportsTheSeedAndTheShrunkModel() {
    // With a check that always fails, seed 0's model shrinks as far as a model still compiles:
    // one process at least (a model with none is PC143).
    AssertionError e = assertThrows(AssertionError.class,
        () -> ModelShrinker.checkShrinking(0, m -> {
          throw new AssertionError("always");
        }));
    assertTrue(e.getMessage().startsWith("always\nmodel of seed 0, shrunk from "),
        e.getMessage());
    String shrunk = e.getMessage().substring(e.getMessage().indexOf("lines:\n") + 7);
    assertTrue(shrunk.contains("process "), e.getMessage());
    java.util.regex.Matcher lines = java.util.regex.Pattern
        .compile("shrunk from (\\d+) to (\\d+) lines").matcher(e.getMessage());
    assertTrue(lines.find(), e.getMessage());
    assertTrue(Integer.parseInt(lines.group(2)) < Integer.parseInt(lines.group(1)) / 2,
        e.getMessage());
  }
}
