package poolcheck.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import poolcheck.explore.Explorer;
import poolcheck.language.ModelException;
import poolcheck.result.CheckResult;
import poolcheck.result.Verdict;
import poolcheck.trace.JsonResult;
import poolcheck.trace.JsonTrace;
import poolcheck.trace.Replay;
import poolcheck.system.SuccessorSink;

class SymmetryTest {
  /** Pages allocated, handed to the stack, produced into a ring by two consumers, freed. */
  private static final String POOL = """
      const PAGES = 3;
      type Page = scalarset(PAGES);
      enum Place { FREE, DRIVER, STACK, RING }
      var place : Place[Page] = FREE;
      var ring : fifo<Page, PAGES>;
      var inflight : 0 .. PAGES = 0;
      var last : Page;
      process napi {
        var q : Page;
        run: {
          either {
            choose p in Page { when (place[p] == FREE); place[p] = DRIVER;
              inflight = inflight + 1; last = p; }
          } or {
            choose p in Page { when (place[p] == DRIVER); place[p] = STACK; }
          } or {
            when (!empty(ring));
            q = pop(ring);
            place[q] = FREE;
            inflight = inflight - 1;
          }
          goto run;
        }
      }
      process stack[2] {
        put: {
          choose p in Page { when (place[p] == STACK); place[p] = RING; push(ring, p); }
          goto put;
        }
      }
      invariant bounded: inflight <= LIMIT;
      """;

  @TempDir
  Path dir;

  private static CompiledModel model(int pages, int limit) throws ModelException {
    return Models.fromText("pool.pool", "const LIMIT = " + limit + ";\n" + POOL,
        Map.of("PAGES", Integer.toString(pages)));
  }

  /** Every reachable state of the unreduced model, by a BFS written independently here. */
  private static Set<List<Integer>> reachable(CompiledModel m) {
    CompiledModel plain = m.withSymmetry(false);
    Frame f = plain.newFrame(plain.allChecked());
    Set<List<Integer>> seen = new HashSet<>();
    ArrayDeque<int[]> queue = new ArrayDeque<>();
    SuccessorSink sink = new SuccessorSink() {
      @Override
      public void successor(int[] next, int transition) {
        if (seen.add(list(next))) queue.add(next);
      }

      @Override
      public void violation(int property, int[] at, int transition) { }
    };
    plain.initialStates(f, sink);
    while (!queue.isEmpty()) plain.successors(queue.poll(), f, sink);
    return seen;
  }

  private static List<Integer> list(int[] s) {
    List<Integer> out = new ArrayList<>();
    for (int v : s) out.add(v);
    return out;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4})
  void exploresExactlyOneStatePerOrbitOfTheReachableStates(int pages) throws Exception {
    CompiledModel m = model(pages, pages);
    Set<List<Integer>> all = reachable(m);
    Set<List<Integer>> orbits = new HashSet<>();
    for (List<Integer> s : all) {
      orbits.add(list(m.canonical(s.stream().mapToInt(Integer::intValue).toArray())));
    }
    CheckResult reduced = new Explorer(m).deadlock(false).run();
    CheckResult plain = new Explorer(m.withSymmetry(false)).deadlock(false).run();
    assertEquals(Verdict.VERIFIED, reduced.verdict());
    assertEquals(Verdict.VERIFIED, plain.verdict());
    assertEquals(all.size(), plain.statistics().distinct());
    assertEquals(orbits.size(), reduced.statistics().distinct());
    if (pages >= 2) assertTrue(orbits.size() < all.size(), "symmetry must reduce");
  }

  @Test
  void reducedCounterexampleIsARealRunOfTheUnreducedModel() throws Exception {
    CompiledModel m = model(3, 2);
    CheckResult reduced = new Explorer(m).run();
    CheckResult plain = new Explorer(m.withSymmetry(false)).run();
    assertEquals(Verdict.VIOLATED, reduced.verdict());
    assertEquals(plain.counterexample().orElseThrow().length(),
        reduced.counterexample().orElseThrow().length());
    Path json = dir.resolve("cx.json");
    Files.writeString(json, JsonResult.render(reduced));
    Replay.Outcome o = Replay.check(m.withSymmetry(false), JsonTrace.read(json));
    assertTrue(o.ok(), o.message());
  }

  /**
   * The last step of this invariant's trace also breaks an assertion that was not checked: the
   * reduced trace must still become a run (it once failed with "no successor in the orbit").
   */
  @Test
  void concretisesAnInvariantTraceWhoseLastStepBreaksAnUncheckedAssertion() throws Exception {
    CompiledModel m = Models.fromText("freed.pool", """
        const PAGES = 2;
        type Page = scalarset(PAGES);
        var held : bool[Page] = false;
        var freed : bool = false;
        process a {
          take: { choose q in Page { when (!held[q]); held[q] = true; } }
          free: { assert none_held: forall q in Page: !held[q]; freed = true; }
        }
        invariant freed_clean: freed => (forall q in Page: !held[q]);
        """);
    CheckResult r = new Explorer(m).properties(java.util.Set.of("freed_clean")).run();
    assertEquals(Verdict.VIOLATED, r.verdict());
    assertEquals("freed_clean", r.counterexample().orElseThrow().property().name());
    assertEquals(2, r.counterexample().orElseThrow().length());
    Path json = dir.resolve("cx.json");
    Files.writeString(json, JsonResult.render(r));
    Replay.Outcome o = Replay.check(m.withSymmetry(false), JsonTrace.read(json));
    assertTrue(o.ok(), o.message());
  }

  @Test
  void rejectsOrderDependentUsesOfAScalarset() {
    String base = "const N = 2;\ntype Page = scalarset(N);\nvar x : Page;\nvar n : 0 .. 3 = 0;\n";
    assertEquals("PC122", error(base + "process p { s: { for q in Page { n = 1; } } }\n"));
    assertEquals("PC106", error(base + "process p { s: { n = x + 1; } }\n"));
    assertEquals("PC106", error(base + "process p { s: when (x == 0) { skip; } }\n"));
    assertEquals("PC106", error(base + "process p { s: when (x < x) { skip; } }\n"));
    assertEquals("PC106", error("var x : scalarset(2);\nprocess p { s: { skip; } }\n"));
  }

  private static String error(String text) {
    return assertThrows(ModelException.class, () -> Models.fromText("m.pool", text)).first()
        .code();
  }
}
