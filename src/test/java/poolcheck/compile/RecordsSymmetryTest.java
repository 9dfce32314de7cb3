package poolcheck.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * An array of records indexed by a scalarset is stored as one array per field, all indexed by
 * it, so a permutation of the scalarset must move every field of a record together. The same
 * model written by hand with one array per field is the reference: the same state counts with
 * reduction and without, and the interpreter's own search (no compiled steps, no store) counts
 * the unreduced states too.
 */
class RecordsSymmetryTest {
  /** Pages with a count, a mapping and an owning CPU; two CPUs take and drop references. */
  private static final String RECORDS = """
      const PAGES = 3;
      type PageId = scalarset(PAGES);
      type Page = record { refs : 0 .. 2, mapped : bool, owner : 0 .. 1 };
      var page : Page[PageId] = {mapped: true};
      var last : record { page : PageId, valid : bool };
      process cpu[2] {
        var mine : PageId;
        take: { choose p in PageId { when (page[p].mapped && page[p].refs < 2);
          page[p].refs = page[p].refs + 1; page[p].owner = self; mine = p;
          last.page = p; last.valid = true; } }
        drop: { page[mine].refs = page[mine].refs - 1;
          if (page[mine].refs == 0) { page[mine].mapped = false; } goto take; }
      }
      invariant refs_mapped: forall p in PageId: page[p].refs > 0 => page[p].mapped;
      invariant last_taken: last.valid => page[last.page].owner <= 1;
      """;

  /** The same model, each field an array (or a variable) of its own, named by hand. */
  private static final String FLAT = """
      const PAGES = 3;
      type PageId = scalarset(PAGES);
      var refs : (0 .. 2)[PageId] = 0;
      var mapped : bool[PageId] = true;
      var owner : (0 .. 1)[PageId] = 0;
      var last_page : PageId;
      var last_valid : bool;
      process cpu[2] {
        var mine : PageId;
        take: { choose p in PageId { when (mapped[p] && refs[p] < 2);
          refs[p] = refs[p] + 1; owner[p] = self; mine = p;
          last_page = p; last_valid = true; } }
        drop: { refs[mine] = refs[mine] - 1;
          if (refs[mine] == 0) { mapped[mine] = false; } goto take; }
      }
      invariant refs_mapped: forall p in PageId: refs[p] > 0 => mapped[p];
      invariant last_taken: last_valid => owner[last_page] <= 1;
      """;

  private static CheckResult run(String text, boolean symmetry) throws ModelException {
    // every page ends unmapped and the CPUs wait at take for ever: not what is compared here
    return new Explorer(Models.fromText("t.pool", text).withSymmetry(symmetry)).deadlock(false)
        .run();
  }

  @Test
  void anArrayOfRecordsReducesLikeOneArrayPerField() throws ModelException {
    CheckResult reduced = run(RECORDS, true);
    CheckResult plain = run(RECORDS, false);
    assertEquals(Verdict.VERIFIED, reduced.verdict());
    assertEquals(Verdict.VERIFIED, plain.verdict());
    assertEquals(run(FLAT, true).statistics().distinct(), reduced.statistics().distinct());
    assertEquals(run(FLAT, false).statistics().distinct(), plain.statistics().distinct());
    // figures of this model, pinned: the two comparisons above are what justifies them
    assertEquals(105, reduced.statistics().distinct());
    assertEquals(521, plain.statistics().distinct());
    assertEquals(plain.statistics().distinct(),
        interpretedStates(Models.fromText("t.pool", RECORDS).withSymmetry(false)));
  }

  @Test
  void aViolationThroughAFieldIsFoundAtTheSameDepthWithAndWithoutReduction()
      throws ModelException {
    String broken = RECORDS + "invariant one_owner: forall p in PageId: page[p].owner == 0;\n";
    String flat = FLAT + "invariant one_owner: forall p in PageId: owner[p] == 0;\n";
    for (boolean symmetry : new boolean[] {false, true}) {
      CheckResult r = run(broken, symmetry);
      CheckResult f = run(flat, symmetry);
      assertEquals(Verdict.VIOLATED, r.verdict());
      assertEquals("one_owner", r.counterexample().orElseThrow().property().name());
      // cpu[1] takes a page: one step
      assertEquals(1, r.counterexample().orElseThrow().length());
      assertEquals(f.counterexample().orElseThrow().length(),
          r.counterexample().orElseThrow().length());
    }
  }

  /** Distinct states reached by the interpreter's successors alone, without reduction. */
  private static int interpretedStates(CompiledModel m) {
    boolean[] checked = m.allChecked();
    Interpreter interpreter = new Interpreter(m, checked);
    Set<List<Integer>> seen = new HashSet<>();
    Deque<int[]> todo = new ArrayDeque<>();
    SuccessorSink sink = new SuccessorSink() {
      @Override
      public void successor(int[] next, int transition) {
        if (seen.add(Arrays.stream(next).boxed().toList())) todo.push(next.clone());
      }

      @Override
      public void violation(int property, int[] at, int transition) { }
    };
    m.initialStates(m.newFrame(checked), sink);
    while (!todo.isEmpty()) interpreter.successors(todo.pop(), sink);
    return seen.size();
  }
}
