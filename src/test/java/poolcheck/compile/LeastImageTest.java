package poolcheck.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import poolcheck.system.StateLayout;

/**
 * The search for a state's least image (compared slot by slot, abandoned at the first greater
 * slot) gives the same canonical form as building every image in full and keeping the least:
 * the stored representatives, and with them the state numbers and traces, do not depend on
 * which of the two ran.
 */
class LeastImageTest {
  /** One scalarset in every kind of place: variables, arrays indexed by it or holding it, fifos. */
  private static final String ONE_SCALARSET = """
      type Page = scalarset(4);
      enum Where { POOL, HELD, QUEUED }
      var next : Page[Page];
      var where : Where[Page] = POOL;
      var ring : fifo<Page, 3>;
      var cache : lifo<Page, 2>;
      var count : 0 .. 3 = 0;
      var last : Page;
      process cpu[2] {
        var mine : Page;
        run: { choose p in Page { mine = p; where[p] = HELD; } goto run; }
      }
      """;

  /** Two scalarsets, one indexing an array of the other's values. */
  private static final String TWO_SCALARSETS = """
      type Page = scalarset(3);
      type Cpu = scalarset(3);
      var owner : Cpu[Page];
      var holding : Page[Cpu];
      var mapped : bool[Page] = false;
      var queue : fifo<Cpu, 2>;
      var last : Page;
      process worker {
        run: { choose p in Page { choose c in Cpu { owner[p] = c; holding[c] = p; } } goto run; }
      }
      """;

  @Test
  void oneScalarsetInEveryKindOfPlace() throws Exception {
    agreeOnRandomStates(Models.fromText("one.pool", ONE_SCALARSET, Map.of()), 20_000);
  }

  @Test
  void twoScalarsetsOneIndexingTheOthersValues() throws Exception {
    agreeOnRandomStates(Models.fromText("two.pool", TWO_SCALARSETS, Map.of()), 20_000);
  }

  @Test
  void aShippedDesignAtFourPages() throws Exception {
    CompiledModel m = Models.load(Path.of("models/page_pool_v6_12.pool"),
        Map.of("PAGES", "4", "CONSUMERS", "3"));
    agreeOnRandomStates(m, 20_000);
  }

  @Test
  void aCanonicalStateIsHandedBackAsItIs() throws Exception {
    CompiledModel m = Models.fromText("one.pool", ONE_SCALARSET, Map.of());
    int[] s = new int[m.layout().slots()];
    for (int i = 0; i < s.length; i++) s[i] = m.layout().hi(i);
    int[] least = m.symmetry().canonicalByImages(s);
    assertSame(least, m.symmetry().least(least), "no copy of a state that is its own least image");
  }

  /**
   * Random states within the layout's ranges, half of them drawn from two values per slot so
   * that images tie over long prefixes (where a slot-by-slot comparison must go on).
   */
  private static void agreeOnRandomStates(CompiledModel m, int states) {
    Symmetry sym = m.symmetry();
    assertNotNull(sym, "the model declares a scalarset");
    StateLayout layout = m.layout();
    Random random = new Random(14);
    int moved = 0;
    for (int n = 0; n < states; n++) {
      boolean ties = n % 2 == 0;
      int[] s = new int[layout.slots()];
      for (int i = 0; i < s.length; i++) {
        int span = layout.hi(i) - layout.lo(i) + 1;
        s[i] = layout.lo(i) + random.nextInt(ties ? Math.min(span, 2) : span);
      }
      int[] before = s.clone();
      int[] expected = sym.canonicalByImages(s);
      int[] least = sym.least(s);
      assertArrayEquals(expected, least, () -> "state " + Arrays.toString(before));
      assertArrayEquals(before, s, "the state searched is left as it was");
      assertArrayEquals(expected, sym.canonical(s));
      if (least != s) moved++;
    }
    // not a vacuous agreement: most random states are not canonical
    assertEquals(true, moved > states / 4, moved + " of " + states + " moved");
  }
}
