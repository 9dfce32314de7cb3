package poolcheck.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import poolcheck.explore.Explorer;
import poolcheck.language.ModelException;
import poolcheck.result.CheckResult;
import poolcheck.result.Verdict;
import poolcheck.system.SuccessorSink;

/**
 * A two-dimensional array is stored row-major, one slot per element, and a permutation of a
 * scalarset moves every dimension it indexes: the rows, the columns, or both. Each model here is
 * checked against the same model written without one (one array per column, or one array over
 * a product range where symmetry cannot apply), with reduction and without, and the unreduced
 * count against the interpreter's own search (no compiled steps, no store).
 */
class TwoDimensionalArraysTest {
  /** held[p][c]: CPU c holds page p; pages are a scalarset, so the rows move. */
  private static final String ROWS = """
      const PAGES = 3;
      type PageId = scalarset(PAGES);
      var held : (0 .. 2)[PageId][0 .. 1] = 0;
      process cpu[2] {
        var mine : PageId;
        take: { choose p in PageId { when (held[p][0] + held[p][1] < 2);
          held[p][self] = held[p][self] + 1; mine = p; } }
        give: { when (held[mine][self] > 0); held[mine][self] = held[mine][self] - 1; goto take; }
      }
      invariant bounded: forall p in PageId: held[p][0] + held[p][1] <= 2;
      """;

  /** The same model with one array per CPU (a column each), dispatched on self by hand. */
  private static final String ONE_ARRAY_PER_COLUMN = """
      const PAGES = 3;
      type PageId = scalarset(PAGES);
      var held0 : (0 .. 2)[PageId] = 0;
      var held1 : (0 .. 2)[PageId] = 0;
      process cpu[2] {
        var mine : PageId;
        take: { choose p in PageId { when (held0[p] + held1[p] < 2);
          if (self == 0) { held0[p] = held0[p] + 1; } else { held1[p] = held1[p] + 1; }
          mine = p; } }
        give: { when (self == 0 && held0[mine] > 0 || self == 1 && held1[mine] > 0);
          if (self == 0) { held0[mine] = held0[mine] - 1; } else { held1[mine] = held1[mine] - 1; }
          goto take; }
      }
      invariant bounded: forall p in PageId: held0[p] + held1[p] <= 2;
      """;

  /** ROWS transposed: held[c][p], so the scalarset indexes the second dimension. */
  private static final String COLUMNS = ROWS
      .replace("(0 .. 2)[PageId][0 .. 1]", "(0 .. 2)[0 .. 1][PageId]")
      .replace("held[p][0]", "held[0][p]").replace("held[p][1]", "held[1][p]")
      .replace("held[p][self]", "held[self][p]").replace("held[mine][self]", "held[self][mine]");

  /** frag[p][q]: both dimensions over one scalarset (the corpus's model at 3 pages). */
  private static final String BOTH = """
      const PAGES = 3;
      type PageId = scalarset(PAGES);
      var frag : bool[PageId][PageId] = false;
      process driver {
        attach: { choose p in PageId { choose q in PageId {
          when (p != q && !frag[p][q]); frag[p][q] = true; } } goto attach; }
      }
      invariant never_own_page: forall p in PageId: !frag[p][p];
      final forall p in PageId: forall q in PageId: p == q || frag[p][q];
      """;

  /** BOTH over a product range 0 .. 8, element p * 3 + q: no scalarset, nothing to reduce. */
  private static final String PRODUCT = """
      const PAGES = 3;
      type PageId = 0 .. PAGES - 1;
      var frag : bool[0 .. PAGES * PAGES - 1] = false;
      process driver {
        attach: { choose p in PageId { choose q in PageId {
          when (p != q && !frag[p * PAGES + q]); frag[p * PAGES + q] = true; } } goto attach; }
      }
      invariant never_own_page: forall p in PageId: !frag[p * PAGES + p];
      final forall p in PageId: forall q in PageId: p == q || frag[p * PAGES + q];
      """;

  private static CheckResult run(String text, boolean symmetry) throws ModelException {
    // the CPUs can always take or give: deadlock is not what is compared here
    return new Explorer(Models.fromText("t.pool", text).withSymmetry(symmetry)).deadlock(false)
        .run();
  }

  private static long distinct(String text, boolean symmetry) throws ModelException {
    CheckResult r = run(text, symmetry);
    assertEquals(Verdict.VERIFIED, r.verdict());
    return r.statistics().distinct();
  }

  @Test
  void rowsIndexedByAScalarsetReduceLikeOneArrayPerColumn() throws ModelException {
    long reduced = distinct(ROWS, true);
    long plain = distinct(ROWS, false);
    assertEquals(distinct(ONE_ARRAY_PER_COLUMN, true), reduced);
    assertEquals(distinct(ONE_ARRAY_PER_COLUMN, false), plain);
    assertTrue(reduced < plain, reduced + " reduced, " + plain + " plain");
    assertEquals(plain, interpretedStates(Models.fromText("t.pool", ROWS).withSymmetry(false)));
  }

  @Test
  void columnsIndexedByAScalarsetReduceLikeTheTransposedRows() throws ModelException {
    assertEquals(distinct(ROWS, true), distinct(COLUMNS, true));
    assertEquals(distinct(ROWS, false), distinct(COLUMNS, false));
    assertEquals(distinct(COLUMNS, false),
        interpretedStates(Models.fromText("t.pool", COLUMNS).withSymmetry(false)));
  }

  @Test
  void bothDimensionsMoveTogetherUnderOneScalarset() throws ModelException {
    // directed graphs on 3 labelled nodes, and up to relabelling (OEIS A000273)
    assertEquals(64, distinct(BOTH, false));
    assertEquals(distinct(PRODUCT, false), distinct(BOTH, false));
    assertEquals(16, distinct(BOTH, true));
    assertEquals(64, interpretedStates(Models.fromText("t.pool", BOTH).withSymmetry(false)));
  }

  @Test
  void aViolationIsFoundAtTheSameDepthWithAndWithoutReductionAndFlattened()
      throws ModelException {
    String broken = ROWS + "invariant one_cpu: forall p in PageId: held[p][1] == 0;\n";
    String flat = ONE_ARRAY_PER_COLUMN + "invariant one_cpu: forall p in PageId: held1[p] == 0;\n";
    for (boolean symmetry : new boolean[] {false, true}) {
      CheckResult r = run(broken, symmetry);
      CheckResult f = run(flat, symmetry);
      assertEquals(Verdict.VIOLATED, r.verdict());
      assertEquals("one_cpu", r.counterexample().orElseThrow().property().name());
      // cpu[1] takes a page: one step
      assertEquals(1, r.counterexample().orElseThrow().length());
      assertEquals(f.counterexample().orElseThrow().length(),
          r.counterexample().orElseThrow().length());
    }
  }

  @Test
  void everyImageOfAReachableStateHasTheSameCanonicalForm() throws ModelException {
    for (String text : List.of(ROWS, COLUMNS, BOTH)) {
      CompiledModel m = Models.fromText("t.pool", text).withSymmetry(false);
      CompiledModel reduced = Models.fromText("t.pool", text);
      Symmetry symmetry = reduced.symmetry();
      for (int[] s : reachable(m)) {
        assertTrue(Arrays.equals(symmetry.canonicalByImages(s), symmetry.canonical(s)),
            Arrays.toString(s));
      }
    }
  }

  /** Distinct states reached by the interpreter's successors alone, without reduction. */
  private static int interpretedStates(CompiledModel m) {
    return reachable(m).size();
  }

  private static List<int[]> reachable(CompiledModel m) {
    boolean[] checked = m.allChecked();
    Interpreter interpreter = new Interpreter(m, checked);
    Set<List<Integer>> seen = new HashSet<>();
    List<int[]> out = new java.util.ArrayList<>();
    Deque<int[]> todo = new ArrayDeque<>();
    SuccessorSink sink = new SuccessorSink() {
      @Override
      public void successor(int[] next, int transition) {
        if (seen.add(Arrays.stream(next).boxed().toList())) {
          todo.push(next.clone());
          out.add(next.clone());
        }
      }

      @Override
      public void violation(int property, int[] at, int transition) { }
    };
    m.initialStates(m.newFrame(checked), sink);
    while (!todo.isEmpty()) interpreter.successors(todo.pop(), sink);
    return out;
  }
}
