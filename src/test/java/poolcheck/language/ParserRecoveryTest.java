package poolcheck.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParserRecoveryTest {
  private static final List<String> CONTEXTUAL =
      List.of("config", "type", "init", "def", "assume", "count", "ghost", "lock", "done", "skip",
          "in", "at", "fifo", "lifo", "inline", "fairness", "liveness", "eventually", "always",
          "self");
  private static final List<String> FOLLOWERS =
      List.of("{", "}", ";", "=", "(", ")", ":", ",", "1", "x", "config", "var", "", "<", "[",
          ".", "in", "done", "..", ">", "weak", "eventually", "~>", "self");

  /**
   * Every word that is a keyword only where a declaration expects it, followed by every kind of
   * token, at the top of a model, in a step, in an invariant, in a type, in a process's body and
   * after a liveness property's name: a parse or a few
   * parse errors with positions, never a loop or a crash. Deleting
   * a configuration's name (`config {`) made the parser stop on `config` again after each error
   * until the heap ran out (BadInputsTest, TOKEN_DELETE on page_pool_zcrx_close_unmap).
   */
  @Test
  void aContextualKeywordThatIsNoDeclarationIsOneErrorNotALoop() {
    List<String> cases = new ArrayList<>();
    for (String word : CONTEXTUAL) {
      for (String next : FOLLOWERS) {
        cases.add("model m;\nvar y : 0 .. 1 = 0;\n" + word + " " + next + " PAGES = 3; }\n"
            + "process p { s: { y = 1; } }\n");
        cases.add("model m;\n" + word + " " + next);
        cases.add("model m;\nvar y : 0 .. 1 = 0;\nprocess p { s: { " + word + " " + next
            + " y = 1; } }\ninvariant i: " + word + " " + next + " y;\n");
        cases.add("model m;\nvar y : " + word + " " + next + " 0 .. 1, 1>;\nprocess p { s: { "
            + "for x " + word + " " + next + " { } } }\n");
        cases.add("model m;\nvar y : bool;\nprocess p { " + word + " " + next + " s: { } }\n"
            + "liveness l: " + word + " " + next + " y;\n");
      }
    }
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      for (String text : cases) {
        ModelException e;
        try {
          Parser.parse("m.pool", text);
          continue;   // some are declarations (`init { ... }`, `count = ...` as a name)
        } catch (ModelException thrown) {
          e = thrown;
        }
        assertFalse(e.diagnostics().isEmpty(), text);
        assertTrue(e.diagnostics().size() < 10, e.diagnostics() + " for\n" + text);
        for (Diagnostic d : e.diagnostics()) {
          assertTrue(d.position().line() >= 1 && d.position().line() <= 4, d + " for\n" + text);
        }
      }
    });
  }

  @Test
  void aConfigurationWithoutItsNameSaysSo() {
    ModelException e = assertThrows(ModelException.class,
        () -> Parser.parse("m.pool", "model m;\nconfig { PAGES = 3; }\n"));
    assertEquals(
        "m.pool:2:8: error PC101: unexpected '{': expected the configuration's name after "
            + "'config'", e.diagnostics().get(0).render());
  }
}
