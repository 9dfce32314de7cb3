package poolcheck.selfcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import poolcheck.compile.Models;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Frame;
import poolcheck.system.Property;
import poolcheck.system.SuccessorSink;
import poolcheck.explore.Explorer;
import poolcheck.result.CheckResult;
import poolcheck.result.Counterexample;
import poolcheck.result.Verdict;
import poolcheck.trace.JsonResult;
import poolcheck.trace.JsonTrace;
import poolcheck.trace.Replay;
import poolcheck.trace.Replays;

/**
 * Symmetry reduction checked on the random models that declare a scalarset (about a third of
 * {@link RandomModels#seeds()}): reduced and unreduced search agree on the verdict, the reduced
 * search stores exactly one state per orbit of the unreduced reachable states, and a reduced
 * counterexample is a run of the unreduced model as short as the unreduced search's, breaking
 * the same property or one the unreduced search also finds broken that early.
 *
 * <p>A longer hunt: {@code mvn -o test -Dtest=SymmetryCrossCheckTest -Dpoolcheck.models=3000
 * -Dpoolcheck.modelSeed=200}; the last line printed sums the distinct states it saw.
 */
class SymmetryCrossCheckTest {
  /** Verified models, distinct states without and with reduction, best factor (x1000). */
  private static final long[] TOTALS = new long[4];

  @Test
  void everyGeneratedModelTypeChecksAndAThirdReduce() throws Exception {
    int symmetric = 0;
    long[] seeds = RandomModels.seeds().toArray();
    for (long seed : seeds) {
      CompiledModel m = compile("seed " + seed, RandomModels.text(seed));
      assertEquals(ModelGenerator.symmetric(seed), m.reducesSymmetry(), "seed " + seed);
      if (m.reducesSymmetry()) symmetric++;
    }
    for (long seed : RandomModels.largeSeeds().toArray()) {
      compile("large seed " + seed, RandomModels.largeText(seed));
    }
    // the generator must keep writing scalarsets, or the checks below check nothing
    assertTrue(symmetric >= seeds.length / 5, symmetric + " of " + seeds.length);
  }

  private static CompiledModel compile(String name, String text) {
    try {
      return Models.fromText(name.replace(' ', '_') + ".pool", text);
    } catch (Exception e) {
      throw new AssertionError("the generator wrote a model the compiler rejects: "
          + e.getMessage() + "\n" + text, e);
    }
  }

  @TestFactory
  Stream<DynamicTest> reductionKeepsVerdictsOrbitsAndCounterexamples() {
    return RandomModels.seeds().filter(ModelGenerator::symmetric).mapToObj(seed ->
        DynamicTest.dynamicTest("seed " + seed, () -> {
          long[] sizes = new long[2];
          ModelShrinker.checkShrinking(seed, m -> reductionAgrees(m, sizes));
          // counted only once the check passed, not for the shrinker's candidates
          if (sizes[0] > 0) tally(sizes);
        }));
  }

  /** Larger models: more instances and values, so more states for a permutation to merge. */
  @TestFactory
  Stream<DynamicTest> reductionKeepsVerdictsOrbitsAndCounterexamplesOnLargerModels() {
    return RandomModels.largeSeeds().filter(ModelGenerator::symmetric).mapToObj(seed ->
        DynamicTest.dynamicTest("large seed " + seed, () -> {
          long[] sizes = new long[2];
          ModelShrinker.checkShrinking("large seed " + seed, RandomModels.largeText(seed),
              m -> reductionAgrees(m, sizes));
          if (sizes[0] > 0) tally(sizes);
        }));
  }

  private static synchronized void tally(long[] sizes) {
    TOTALS[0]++;
    TOTALS[1] += sizes[0];
    TOTALS[2] += sizes[1];
    TOTALS[3] = Math.max(TOTALS[3], 1000 * sizes[0] / sizes[1]);
  }

  /** Fills {@code sizes} with the unreduced and reduced distinct counts when verified. */
  static void reductionAgrees(CompiledModel m, long[] sizes) {
    CompiledModel plain = m.withSymmetry(false);
    CheckResult reduced = new Explorer(m).run();
    CheckResult full = new Explorer(plain).run();
    assertEquals(full.verdict(), reduced.verdict(), "verdict with reduction");
    if (full.verdict() == Verdict.VERIFIED) {
      Set<List<Integer>> states = reachable(plain);
      Set<List<Integer>> orbits = new HashSet<>();
      for (List<Integer> s : states) orbits.add(list(m.canonical(array(s))));
      assertEquals(states.size(), full.statistics().distinct(), "unreduced distinct states");
      assertEquals(orbits.size(), reduced.statistics().distinct(), "reduced distinct states");
      // not only as many: the reduced model reaches exactly the canonical forms
      assertTrue(orbits.equals(reachable(m)), "the reduced model reaches other states than the"
          + " canonical forms of the unreduced model's");
      sizes[0] = states.size();
      sizes[1] = orbits.size();
      return;
    }
    Counterexample cx = reduced.counterexample().orElseThrow();
    Counterexample shortest = full.counterexample().orElseThrow();
    assertEquals(shortest.length(), cx.length(), "reduced counterexample length");
    Replay.Outcome o = Replays.replay(plain, cx);
    assertTrue(o.ok(), () -> "reduced counterexample does not replay unreduced at step "
        + o.step() + ": " + o.message());
    String property = cx.property().name();
    if (!property.equals(shortest.property().name())) {
      // Both break as early, and which a search meets first depends on the order it meets
      // states in (reducedSearchMayReportAnotherPropertyBrokenAsEarly). Then each search, on
      // the other's property alone, finds it as early.
      assertEquals(cx.length(), shortestOn(plain, cx), "unreduced search on " + property);
      assertEquals(cx.length(), shortestOn(m, shortest), "reduced search on "
          + shortest.property().name());
    }
  }

  /** The length of the shortest violation the model's search finds of cx's property alone. */
  private static int shortestOn(CompiledModel m, Counterexample cx) {
    Explorer explorer = new Explorer(m);
    // runtime errors are always checked, and can break inside any checked property
    if (cx.property().kind() != Property.Kind.RUNTIME) {
      explorer.properties(Set.of(cx.property().name()));
    }
    CheckResult r = explorer.run();
    assertEquals(Verdict.VIOLATED, r.verdict(), "search on " + cx.property().name());
    return r.counterexample().orElseThrow().length();
  }

  /**
   * The first branch that breaks a property ends a transition, and a permutation reorders the
   * branches of a choose over a scalarset. Here the reduced search meets s0 = 0, s1 = 1 and its
   * step b breaks {@code same} first, while the only run of the model reaches s0 = 1, s1 = 0,
   * where b breaks {@code other} first: the counterexample must name what its run breaks.
   */
  @Test
  void reducedCounterexampleNamesThePropertyItsRunBreaks() throws Exception {
    CompiledModel m = Models.fromText("order.pool", """
        type Id = scalarset(2);
        var s0 : Id;
        var s1 : Id;
        process p {
          a: {
            choose c in Id { when (c != s1); s0 = c; }
          }
          b: {
            choose d in Id {
              if (d == s0) { assert same: false; } else { assert other: false; }
            }
          }
        }
        """);
    Counterexample cx = new Explorer(m).run().counterexample().orElseThrow();
    assertEquals("other", cx.property().name());
    assertEquals(2, cx.length());
    Replay.Outcome o = Replays.replay(m.withSymmetry(false), cx);
    assertTrue(o.ok(), o.message());
    // checking only what the reduced search first met, the run breaks it as the search did;
    // the result file records what was checked, so replay skips the unchecked assert too
    CheckResult only = new Explorer(m).properties(Set.of("same")).run();
    assertEquals("same", only.counterexample().orElseThrow().property().name());
    assertEquals(2, only.counterexample().orElseThrow().length());
    Path json = dir.resolve("same.json");
    Files.writeString(json, JsonResult.render(only));
    Replay.Outcome p = Replay.check(m.withSymmetry(false), JsonTrace.read(json));
    assertTrue(p.ok(), p.message());
  }

  @TempDir
  Path dir;

  /** What the generator never writes: an alias, two scalarsets, local arrays, Id[Id]. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      alias of a scalarset          | 72    | 14
      two scalarsets, local arrays  | 22524 | 1909
      array from Id to Id           | 27    | 5
      """)
  void reductionAgreesBeyondWhatTheGeneratorWrites(String what, long unreduced, long reduced)
      throws Exception {
    String text = switch (what) {
      case "alias of a scalarset" -> """
          type Id = scalarset(3);
          type Jd = Id;
          var j : Jd;
          var s : Id;
          var own : bool[Jd];
          process p[2] {
            l: { either { choose c in Jd { j = c; own[c] = !own[c]; } } or { s = j; } goto l; }
          }
          """;
      case "two scalarsets, local arrays" -> """
          type A = scalarset(2);
          type B = scalarset(3);
          var b : B;
          var ab : B[A];
          var ring : fifo<B, 1>;
          process p[2] {
            var mine : bool[B];
            var x : A;
            l: {
              either {
                choose c in A { choose d in B { ab[c] = d; mine[d] = true; x = c; } }
              } or {
                when (!full(ring)); push(ring, ab[x]);
              } or {
                when (!empty(ring)); b = pop(ring); mine[b] = false;
              }
              goto l;
            }
          }
          """;
      default -> """
          type Id = scalarset(3);
          var next : Id[Id];
          var cur : Id;
          process p {
            l: { either { choose c in Id { next[cur] = c; } } or { cur = next[cur]; } goto l; }
          }
          invariant counted: (count x in Id: next[x] == x) + (count x in Id: next[x] != x) == 3;
          """;
    };
    long[] sizes = new long[2];
    reductionAgrees(Models.fromText("m.pool", text), sizes);
    assertEquals(unreduced, sizes[0]);
    assertEquals(reduced, sizes[1]);
  }

  /**
   * Which of two properties broken as early a search reports depends on the order it meets
   * states in. The only initial state, s0 = 1, s1 = 0, s2 = 0, stands as s0 = 0, s1 = 1, s2 = 1
   * in the reduced search, so step a's choose meets the two orbits of the next level in the
   * other order, and step b breaks {@code same_as_s1} first unreduced, {@code same_as_s0} first
   * reduced. Both searches still agree once each checks the other's property alone.
   */
  @Test
  void reducedSearchMayReportAnotherPropertyBrokenAsEarly() throws Exception {
    CompiledModel m = Models.fromText("order.pool", """
        type Id = scalarset(2);
        var s0 : Id;
        var s1 : Id;
        var s2 : Id;
        init {
          choose c in Id { when (c != s1); s0 = c; }
        }
        process p {
          a: {
            choose d in Id { s2 = d; }
          }
          b: {
            if (s2 == s0) { assert same_as_s0: false; } else { assert same_as_s1: false; }
          }
        }
        """);
    assertEquals("same_as_s0", new Explorer(m).run().counterexample().orElseThrow().property()
        .name());
    assertEquals("same_as_s1", new Explorer(m.withSymmetry(false)).run().counterexample()
        .orElseThrow().property().name());
    reductionAgrees(m, new long[2]);
  }

  /** Every reachable state of the model, by a plain BFS apart from the explorer's. */
  private static Set<List<Integer>> reachable(CompiledModel m) {
    Frame f = m.newFrame(m.allChecked());
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
    m.initialStates(f, sink);
    while (!queue.isEmpty()) m.successors(queue.poll(), f, sink);
    return seen;
  }

  private static List<Integer> list(int[] s) {
    return Arrays.stream(s).boxed().toList();
  }

  private static int[] array(List<Integer> s) {
    return s.stream().mapToInt(Integer::intValue).toArray();
  }

  @AfterAll
  static void reportReduction() {
    if (TOTALS[0] > 0) {
      System.out.printf("symmetry: %d verified models, %d distinct states unreduced, %d reduced"
          + " (factor %.2f overall, %.2f at best)%n", TOTALS[0], TOTALS[1], TOTALS[2],
          (double) TOTALS[1] / TOTALS[2], TOTALS[3] / 1000.0);
    }
  }
}
