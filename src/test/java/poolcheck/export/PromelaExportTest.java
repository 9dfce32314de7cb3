package poolcheck.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Compiler;
import poolcheck.language.ModelException;
import poolcheck.language.ModelLoader;
import poolcheck.language.ParsedModel;

class PromelaExportTest {
  static ModelShape shape(String text, Map<String, String> constants) throws ModelException {
    ParsedModel parsed = ModelLoader.fromText("t.pool", text);
    CompiledModel model = Compiler.compile(parsed, constants);
    return ModelShape.of(model, model.checked());
  }

  private static long count(String text, String word) {
    return text.lines().filter(l -> l.contains(word)).count();
  }

  @Test
  void writesOneDstepPerValueOfAChoose() throws ModelException {
    String pml = PromelaExport.render(shape("""
        var x : 0 .. 3 = 0;
        process p { pick: { choose v in 1 .. 3 { when (v != x); x = v; } } }
        """, Map.of()));
    assertEquals(3, count(pml, ":: d_step { /* p pick"));
    assertTrue(pml.contains("(pc_p == 0) && (1 != x) ->"), pml);
  }

  @Test
  void guardSeesTheValueAssignedEarlierInTheStep() throws ModelException {
    String pml = PromelaExport.render(shape("""
        var x : 0 .. 3 = 0;
        var big : bool = false;
        process p { s: { big = x > 1; when (big); x = 0; } }
        """, Map.of()));
    assertTrue(pml.contains("(pc_p == 0) && (x > 1) ->"), pml);
  }

  @Test
  void aPathThatBreaksAPropertyBeforeAWhenIsEnabled() throws ModelException {
    String pml = PromelaExport.render(shape("""
        var x : 0 .. 3 = 0;
        process p { s: { x = x + 1; when (x == 2); } }
        """, Map.of()));
    assertTrue(pml.contains("(pc_p == 0) && (((x + 1) < 0 || (x + 1) > 3) || ((x + 1) == 2)) ->"),
        pml);
  }

  @Test
  void guardFollowsAContainerTheStepChanged() throws ModelException {
    String pml = PromelaExport.render(shape("""
        var q : fifo<0 .. 1, 2>;
        process p {
          s: {
            push(q, 1);
            when (len(q) == 2);
          }
        }
        """, Map.of()));
    // Overflow breaks the step before the when; otherwise the when sees the pushed length.
    assertTrue(pml.contains("(pc_p == 0) && ((q_len == 2) || ((q_len + 1) == 2)) ->"), pml);
  }

  @Test
  void guardFollowsAnArrayElementStoredAtAComputedIndex() throws ModelException {
    String pml = PromelaExport.render(shape("""
        var a : bool[1 .. 2] = false;
        var i : 1 .. 2 = 1;
        process p { s: { a[i] = true; when (a[1]); } }
        """, Map.of()));
    assertTrue(pml.contains("(pc_p == 0) && ((i) - 1 == 0 -> true : a[0]) ->"),
        pml);
  }

  @Test
  void refusesAStepWithTooManyWaysThrough() {
    ModelException e = assertThrows(ModelException.class, () -> PromelaExport.render(shape("""
        var x : 0 .. 20 = 0;
        process p {
          s: {
            choose a in 0 .. 16 { choose b in 0 .. 16 { choose c in 0 .. 16 { x = a; } } }
          }
        }
        """, Map.of())));
    assertEquals("PC201", e.first().code());
    assertTrue(e.getMessage().startsWith("t.pool:4:"), e.getMessage());
    assertTrue(e.getMessage().contains("more than 4096 ways"), e.getMessage());
  }

  @Test
  void carriesConstantOverridesIntoTheExport() throws ModelException {
    String pml = PromelaExport.render(shape("""
        const N : 1 .. 4 = 2;
        var x : 0 .. N = 0;
        process p { s: { x = N; } }
        """, Map.of("N", "3")));
    assertTrue(pml.contains("#define N 3"), pml);
    assertTrue(pml.contains("(0 <= N && N <= 3)"), pml);
  }

  @Test
  void namesEveryPropertyInTheMtype() throws ModelException {
    String pml = PromelaExport.render(shape("""
        var x : 0 .. 1 = 0;
        process p { s: { assert x == 0; x = 1; } }
        invariant small: x <= 1;
        """, Map.of()));
    assertTrue(pml.contains("mtype = { P_value_out_of_range, P_container_overflow, "
        + "P_container_underflow, P_index_out_of_range, P_division_by_zero, "
        + "P_arithmetic_overflow, P_deadlock, P_small, P_assert_p_s };"), pml);
    assertTrue(pml.contains("assert((x == 0) || P_assert_p_s == 0);"), pml);
  }
}
