package poolcheck.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import poolcheck.explore.Explorer;
import poolcheck.language.ModelException;

/** When steps cannot become bytecode, the model runs its linked instructions and says so. */
class StepClassesTest {
  @Test
  void aFailedGenerationFallsBackWithOneLine() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    assertNull(StepClasses.orLinked("m.pool", () -> {
      throw new IllegalStateException("forced");
    }, err));
    assertEquals("poolcheck: m.pool: steps not compiled to bytecode (java.lang."
        + "IllegalStateException: forced); running the linked instructions\n",
        bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aStepTooLongForOneMethodRunsLinkedAndStillExplores() throws ModelException {
    // 1,000 checked additions and remainders are more than the 64 KiB of bytecode a JVM method may hold
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 1000; i++) body.append("x = (x + ").append(i % 3).append(") % 5;\n");
    CompiledModel m = Models.fromText("long.pool", "var x : 0 .. 4 = 0;\nprocess p { s: { "
        + body + "} }");
    assertFalse(m.runsBytecode());
    int[] s = new int[m.layout().slots()];
    int[] found = new int[1];
    m.successors(s, m.newFrame(m.allChecked()), new poolcheck.system.SuccessorSink() {
      @Override
      public void successor(int[] next, int transition) {
        found[0]++;
      }

      @Override
      public void violation(int property, int[] at, int transition) { }
    });
    assertEquals(1, found[0]);
  }

  private static final String COUNTER = """
      var x : 0 .. 3 = 0;
      process p { s: { x = (x + 1) % 4; goto s; } }
      """;

  @Test
  void noBytecodeNeverWritesTheClass() throws ModelException {
    CompiledModel m = Models.fromText("c.pool", COUNTER);
    CompiledModel linked = m.withBytecode(false);
    assertEquals(4, new Explorer(linked).run().statistics().distinct());
    assertFalse(linked.runsBytecode());
    assertFalse(m.bytecodeGenerated(), "the model it was made from wrote no class either");
    assertFalse(linked.bytecodeGenerated());
    // and the same model searched with bytecode on writes it, so the check above can fail
    assertEquals(4, new Explorer(m).run().statistics().distinct());
    assertTrue(m.bytecodeGenerated());
  }

  @Test
  void theSystemPropertyOffNeverWritesTheClass() throws ModelException {
    System.setProperty(StepClasses.PROPERTY, "off");
    CompiledModel m;
    try {
      m = Models.fromText("c.pool", COUNTER);
    } finally {
      System.clearProperty(StepClasses.PROPERTY);
    }
    assertEquals(4, new Explorer(m).run().statistics().distinct());
    assertFalse(m.bytecodeGenerated());
    assertFalse(m.runsBytecode());
  }

  @Test
  void theSystemPropertyTurnsBytecodeOff() throws ModelException {
    String text = "var x : 0 .. 3 = 0;\nprocess p { s: { x = 1; } }";
    assertTrue(Models.fromText("a.pool", text).runsBytecode());
    System.setProperty(StepClasses.PROPERTY, "off");
    try {
      assertFalse(Models.fromText("a.pool", text).runsBytecode());
    } finally {
      System.clearProperty(StepClasses.PROPERTY);
    }
  }
}
