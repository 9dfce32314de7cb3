package poolcheck.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import poolcheck.check.Action;
import poolcheck.check.CheckedModel;
import poolcheck.language.Diagnostic;
import poolcheck.language.ModelException;

/**
 * Statements are checked once, before they are compiled: a step's mistakes are reported once
 * however many instances its process has, and the first one met abandons the step.
 */
class StepCheckerTest {
  private static final String HEAD = """
      var x : 0 .. 3;
      var q : fifo<bool, 2>;
      """;

  private static List<String> errors(String text) {
    ModelException e = assertThrows(ModelException.class,
        () -> Models.fromText("m.pool", HEAD + text));
    return e.diagnostics().stream().map(Diagnostic::toString).map(s -> s.replace("m.pool:", ""))
        .toList();
  }

  private static String message(String text) {
    List<String> all = errors(text);
    assertEquals(1, all.size(), all.toString());
    return all.get(0);
  }

  @Test
  void aMissingLabelInAProcessOfThreeInstancesIsOneError() {
    String m = message("process p[3] { s: { goto t; } }\n");
    assertTrue(m.contains("PC107") && m.contains("no label 't' in process 'p' "
        + "(labels: s)"), m);
  }

  @Test
  void aStatementMistakeIsReportedBeforeATypeErrorInTheSameStep() {
    // the push names no container (found by the checker) and the assignment adds a boolean
    // (found as the expression compiles): the step is abandoned at the first
    String m = message("process p { s: { push(x, true); x = 1 + true; } }\n");
    assertTrue(m.contains("PC112") && m.contains("'x' is a 0 .. 3, expected a fifo or "
        + "lifo"), m);
  }

  @Test
  void aPoppedValueOfTheWrongTypeIsReportedAtTheContainer() {
    String m = message("process p { s: { x = pop(q); } }\n");
    assertTrue(m.startsWith("3:26:") && m.contains("expected a value of x's type"), m);
  }

  @Test
  void gotoInInitIsRefused() {
    String m = message("init { goto s; }\nprocess p { s: { skip; } }\n");
    assertTrue(m.contains("PC115"), m);
  }

  @Test
  void aPopIntoALocalIsResolvedToTheLocalTheGlobalContainerAndTheGotoToItsLabel() throws Exception {
    CompiledModel model = Models.fromText("m.pool", HEAD
        + "process p[2] { var y : bool; s: { y = pop(q); goto s; } }\n");
    CheckedModel.Process p = model.checked().processes().get("p");
    Action.Pop pop = (Action.Pop) p.checkedSteps().get(0).body().get(0);
    assertEquals(new Action.Place("y", true, p.localTypes().get("y")), pop.target().variable());
    assertEquals(new Action.Place("q", false, model.checked().globals().get("q").type()),
        pop.container());
    assertEquals(0, ((Action.Goto) p.checkedSteps().get(0).body().get(1)).pc());
  }
}
