package poolcheck.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import poolcheck.check.CheckedModel;
import poolcheck.check.Checker;
import poolcheck.check.Type;
import poolcheck.language.ModelException;
import poolcheck.language.ModelLoader;
import poolcheck.language.ParsedModel;
import poolcheck.models.ShippedDesigns;
import poolcheck.selfcheck.RandomModels;
import poolcheck.system.StateLayout;
import poolcheck.system.SuccessorSink;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The compiled steps against the reference interpreter: on random states (reachable or not) of
 * random models and of every shipped design, the same successors and the same violations, in
 * the same order, with every assertion checked and with a random subset of them.
 */
// Builds and steps its own models, shares nothing: beside the other classes. (junit-platform.properties)
@Execution(ExecutionMode.CONCURRENT)
class InterpreterTest {
  private static final int STATES_PER_MODEL = 40;

  /** One model's outcomes from one state, as comparable strings, in the order produced. */
  private static List<String> outcomes(CompiledModel m, int[] s, boolean[] checked,
      boolean compiled) {
    return outcomes(m, s, checked, compiled, compiled ? m.newFrame(checked) : null, true);
  }

  /**
   * {@code keeps}: whether the sink says it keeps the successor arrays; one that keeps none (the
   * level search's) is lent the frame's arrays again and again, and reads each at once.
   */
  private static List<String> outcomes(CompiledModel m, int[] s, boolean[] checked,
      boolean compiled, Frame frame, boolean keeps) {
    List<String> out = new ArrayList<>();
    SuccessorSink sink = new SuccessorSink() {
      @Override
      public boolean keepsSuccessors() {
        return keeps;
      }

      @Override
      public void successor(int[] next, int transition) {
        out.add("step " + transition + " -> " + Arrays.toString(next));
      }

      @Override
      public void violation(int property, int[] at, int transition) {
        out.add("step " + transition + " breaks " + property + " at " + Arrays.toString(at));
      }
    };
    int[] before = s.clone();
    if (compiled) {
      m.successors(s, frame, sink);
    } else {
      new Interpreter(m, checked).successors(s, sink);
    }
    // the steps run from the parent itself, copying it only past their guards
    assertArrayEquals(before, s, m.name() + ": the state expanded is left as it was");
    return out;
  }

  /** A random state within every variable's type: containers hold len elements, then lo. */
  private static int[] randomState(CompiledModel m, SplittableRandom rng) {
    int[] s = new int[m.layout().slots()];
    for (int i = 0; i < s.length; i++) s[i] = m.layout().lo(i);
    CheckedModel checked = m.checked();
    for (CheckedModel.Variable v : checked.globals().values()) fill(v.type(), v.base(), s, rng);
    for (CheckedModel.Process p : checked.processes().values()) {
      for (int i = 0; i < p.instances(); i++) {
        s[p.pcBase() + i] = rng.nextInt(p.doneLabel() + 1);
        for (Map.Entry<String, Integer> local : p.localSlots().get(i).entrySet()) {
          fill(p.localTypes().get(local.getKey()), local.getValue(), s, rng);
        }
      }
    }
    return s;
  }

  private static void fill(Type type, int base, int[] s, SplittableRandom rng) {
    if (type instanceof Type.Scalar t) {
      s[base] = (int) (t.lo() + rng.nextLong((long) t.hi() - t.lo() + 1));
    } else if (type instanceof Type.Array a) {
      for (int i = 0; i < a.index().size(); i++) {
        s[base + i] = (int) (a.element().lo()
            + rng.nextLong((long) a.element().hi() - a.element().lo() + 1));
      }
    } else if (type instanceof Type.Container c) {
      int len = rng.nextInt(c.capacity() + 1);
      s[base] = len;
      for (int i = 0; i < len; i++) {
        s[base + 1 + i] = c.element().lo() + rng.nextInt(c.element().size());
      }
    }
  }

  /** The first checked invariant each path finds violated in {@code s} (or -1). */
  private static int invariant(CompiledModel m, int[] s, boolean[] checked) {
    return m.violatedInvariant(s, m.newFrame(checked));
  }

  /**
   * The interpreter, the linked instructions and the generated bytecode, on the same states: the
   * same outcomes, and the linked and bytecode paths find the same invariant violated in every
   * state and every successor.
   */
  private static void agree(CompiledModel reduced, long seed) {
    CompiledModel m = reduced.withSymmetry(false);
    assertTrue(m.runsBytecode(), m.name() + " runs its steps as bytecode");
    CompiledModel linked = m.withLinkedInstructions();
    assertTrue(!linked.runsBytecode());
    SplittableRandom rng = new SplittableRandom(seed);
    for (int k = 0; k < STATES_PER_MODEL; k++) {
      int[] s = randomState(m, rng);
      boolean[] checked = m.allChecked();
      if (k % 2 == 1) {
        for (int p = 0; p < checked.length; p++) checked[p] = rng.nextBoolean();
      }
      List<String> reference = outcomes(m, s, checked, false);
      assertEquals(reference, outcomes(linked, s, checked, true),
          "linked " + m.name() + " from " + Arrays.toString(s));
      assertEquals(reference, outcomes(m, s, checked, true),
          "bytecode " + m.name() + " from " + Arrays.toString(s));
      // twice on one frame: a violation thrown from a branch leaves no array lent
      Frame lending = m.newFrame(checked);
      for (int run = 0; run < 2; run++) {
        assertEquals(reference, outcomes(m, s, checked, true, lending, false),
            "bytecode lending its arrays, " + m.name() + " from " + Arrays.toString(s));
      }
      assertEquals(invariant(linked, s, checked), invariant(m, s, checked),
          "invariants of " + m.name() + " in " + Arrays.toString(s));
      assertEquals(new Interpreter(m, checked).violatedInvariant(s), invariant(m, s, checked),
          "interpreted invariants of " + m.name() + " in " + Arrays.toString(s));
      List<int[]> next = new ArrayList<>();
      m.successors(s, m.newFrame(checked), new SuccessorSink() {
        @Override
        public void successor(int[] n, int transition) {
          next.add(n);
        }

        @Override
        public void violation(int property, int[] at, int transition) { }
      });
      for (int[] n : next) {
        assertEquals(invariant(linked, n, checked), invariant(m, n, checked),
            "invariants of " + m.name() + " in " + Arrays.toString(n));
      }
      keepsToItsWrites(m, s, checked);
    }
    CompiledModel symmetric = reduced.withSymmetry(true);
    if (symmetric.reducesSymmetry() && !symmetric.transitions().isEmpty()) {
      assertNull(symmetric.writtenSlots(0), "canonicalisation may change any slot");
    }
  }

  /**
   * The step contract: each successor the reference interpreter makes differs from {@code s}
   * in its transition's written slots at most, and the packed successor the search builds from
   * the parent's packed form by those slots alone is the one packed from scratch.
   */
  private static void keepsToItsWrites(CompiledModel m, int[] s, boolean[] checked) {
    StateLayout layout = m.layout();
    long[] parent = layout.pack(s);
    new Interpreter(m, checked).successors(s, new SuccessorSink() {
      @Override
      public void successor(int[] n, int transition) {
        int[] written = m.writtenSlots(transition);
        assertNotNull(written, m.name() + " transition " + transition);
        for (int i = 0; i < n.length; i++) {
          if (n[i] != s[i]) {
            assertTrue(Arrays.binarySearch(written, i) >= 0, m.name() + " transition "
                + transition + " wrote slot " + i + ", not in " + Arrays.toString(written));
          }
        }
        long[] built = new long[layout.words() + 2];
        boolean changed = layout.packWrites(n, s, written, parent, 0, built, 1);
        assertEquals(!Arrays.equals(n, s), changed, m.name() + " from " + Arrays.toString(s));
        if (changed) {
          assertArrayEquals(layout.pack(n), Arrays.copyOfRange(built, 1, 1 + layout.words()),
              m.name() + " to " + Arrays.toString(n));
        }
      }

      @Override
      public void violation(int property, int[] at, int transition) { }
    });
  }

  @TestFactory
  Stream<DynamicTest> compiledStepsDoWhatTheInterpreterDoesOnRandomModels() {
    return Stream.concat(
        LongStream.range(0, 200).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed,
            () -> agree(Models.fromText("r.pool", RandomModels.text(seed)), seed))),
        LongStream.range(0, 40).mapToObj(seed -> DynamicTest.dynamicTest("large seed " + seed,
            () -> agree(Models.fromText("r.pool", RandomModels.largeText(seed)), seed))));
  }

  /** The sampled designs at every configuration; the slow tier takes the others. */
  @Test
  void compiledStepsDoWhatTheInterpreterDoesOnTheSampledDesigns() throws Exception {
    agreeOnEveryConfiguration(ShippedDesigns.sample(), 1);
  }

  @Test
  @Tag("slow")
  void compiledStepsDoWhatTheInterpreterDoesOnTheOtherShippedDesigns() throws Exception {
    agreeOnEveryConfiguration(ShippedDesigns.rest(), 1000);
  }

  private static void agreeOnEveryConfiguration(List<Path> designs, long seed) throws Exception {
    assertTrue(designs.size() >= 6);
    for (Path design : designs) {
      for (String config : Models.load(design).configurations()) {
        agree(Models.load(design, config, Map.of()), seed++);
      }
    }
  }

  @Test
  void aDifferenceWouldBeSeen() throws ModelException {
    // The comparison itself: two different models give different outcomes from one state.
    CompiledModel a = Models.fromText("a.pool", "var x : 0 .. 3 = 0;\nprocess p { s: { x = 1; } }");
    CompiledModel b = Models.fromText("b.pool", "var x : 0 .. 3 = 0;\nprocess p { s: { x = 2; } }");
    int[] s = new int[a.layout().slots()];
    assertTrue(!outcomes(a, s, a.allChecked(), true).equals(outcomes(b, s, b.allChecked(),
        false)));
  }

  /**
   * A local that takes a global's name means the local, to the compiled steps and to the
   * interpreter alike, in every instance of its process. The checker refuses such a text (a
   * local may not hide a global), so the test takes an accepted model's checked form and adds a
   * global {@code x} over the slot of global {@code g}: if either stage looked the global up
   * first, the two would disagree on random states; if both did, the instances would read and
   * write {@code g}, and the successors would not be those of the model without the global.
   */
  @Test
  void aLocalShadowingAGlobalMeansTheLocalToTheCompiledStepsAndTheInterpreter()
      throws ModelException {
    String shadowing = """
        var g : 0 .. 7 = 5;
        var x : 0 .. 7 = 5;
        process p[3] { var x : 0 .. 7 = 0; s: { x = x + self + 1; } }
        """;
    ModelException refused = assertThrows(ModelException.class,
        () -> Models.fromText("shadow.pool", shadowing));
    assertTrue(refused.getMessage().contains("hides the global"), refused.getMessage());

    ParsedModel parsed = ModelLoader.fromText("locals.pool", """
        var g : 0 .. 7 = 5;
        process p[3] {
          var x : 0 .. 7 = 0;
          var q : fifo<0 .. 7, 2>;
          s: { when (len(q) < 2 && x < 4); x = x + self + 1; push(q, x + len(q)); goto s; }
        }
        """);
    CheckedModel accepted = Checker.check(parsed, Map.of(), null);
    CheckedModel shadowed = withGlobals(accepted, "x", "g", "q", "g");
    CompiledModel plain = Compiler.compile(accepted);
    CompiledModel m = Compiler.compile(shadowed);
    agree(m, 16);

    CheckedModel.Process p = shadowed.processes().get("p");
    int g = shadowed.globals().get("g").base();
    SplittableRandom rng = new SplittableRandom(16);
    for (int k = 0; k < STATES_PER_MODEL; k++) {
      int[] s = randomState(plain, rng);
      List<String> interpreted = outcomes(m, s, m.allChecked(), false);
      assertEquals(outcomes(plain, s, plain.allChecked(), true), interpreted,
          "from " + Arrays.toString(s));
      assertEquals(outcomes(plain, s, plain.allChecked(), false), interpreted);
    }
    // and the instances write their own x and q: instance i's x goes from 0 to i + 1
    int[] s = new int[m.layout().slots()];
    s[g] = 5;
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < p.instances(); i++) {
      int[] n = s.clone();
      n[p.localSlots().get(i).get("x")] = i + 1;
      n[p.localSlots().get(i).get("q")] = 1;
      n[p.localSlots().get(i).get("q") + 1] = i + 1;
      expected.add("step " + i + " -> " + Arrays.toString(n));
    }
    assertEquals(expected, outcomes(m, s, m.allChecked(), false));
    assertEquals(expected, outcomes(m, s, m.allChecked(), true));
  }

  /** The checked model with globals added: each {@code alias, of} pair names of's slots anew. */
  private static CheckedModel withGlobals(CheckedModel c, String... aliases) {
    ImmutableMap.Builder<String, CheckedModel.Variable> globals = ImmutableMap.builder();
    globals.putAll(c.globals());
    for (int i = 0; i < aliases.length; i += 2) {
      CheckedModel.Variable of = c.globals().get(aliases[i + 1]);
      globals.put(aliases[i], new CheckedModel.Variable(aliases[i], of.type(), of.pos(),
          of.base()));
    }
    return new CheckedModel(c.name(), c.source(), c.constants(), c.types(), c.enumValues(),
        globals.build(), c.processes(), c.declared(), c.propertyIds(), c.spec(), c.domains(),
        c.configurations(), c.configuration(), c.inits(), c.initPos(), c.initialValues(),
        c.layout(),
        c.properties(), c.envSize());
  }
}
