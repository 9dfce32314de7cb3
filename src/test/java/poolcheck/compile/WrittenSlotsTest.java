package poolcheck.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;
import poolcheck.system.Transition;

/**
 * The write sets themselves (InterpreterTest holds them to the interpreter's successors): an
 * element stored at self is that element, one stored at a chosen index the whole array, and
 * every step writes its own program counter.
 */
class WrittenSlotsTest {
  private static final String MODEL = """
      model w;
      const N = 3;
      type I = 0 .. N - 1;
      var a : bool[I] = false;
      var b : bool[I] = false;
      var c : 0 .. 3 = 0;
      process p[N] {
        s: { a[self] = true; goto s; }
      }
      process q {
        t: { choose i in I { when (!b[i]); b[i] = true; } goto t; }
      }
      """;

  @Test
  void aStepWritesItsOwnElementTheArrayAtAChosenIndexAndItsProgramCounter() throws Exception {
    CompiledModel m = Models.fromText("w.pool", MODEL, Map.of());
    int a = m.checked().globals().get("a").base();
    int b = m.checked().globals().get("b").base();
    int pPc = m.checked().processes().get("p").pcBase();
    int qPc = m.checked().processes().get("q").pcBase();
    int seen = 0;
    for (Transition t : m.transitions()) {
      int[] written = m.writtenSlots(t.id());
      if (t.instance().startsWith("p[")) {
        int k = t.instanceIndex();
        assertArrayEquals(sorted(a + k, pPc + k), written, t.instance());
      } else {
        assertArrayEquals(sorted(b, b + 1, b + 2, qPc), written, t.instance());
      }
      seen++;
    }
    assertEquals(4, seen);
  }

  @Test
  void symmetryReductionMayWriteAnySlot() throws Exception {
    CompiledModel m = Models.fromText("s.pool", """
        model s;
        type Page = scalarset(2);
        var lvl : 0 .. 3 [Page] = 0;
        process a {
          bump: { choose q in Page { when (lvl[q] < 3); lvl[q] = lvl[q] + 1; } goto bump; }
        }
        """, Map.of());
    assertEquals(true, m.reducesSymmetry());
    assertNull(m.writtenSlots(0));
  }

  private static int[] sorted(int... slots) {
    return java.util.Arrays.stream(slots).sorted().toArray();
  }
}
