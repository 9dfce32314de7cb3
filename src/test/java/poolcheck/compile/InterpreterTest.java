package poolcheck.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import poolcheck.check.CheckedModel;
import poolcheck.check.Type;
import poolcheck.language.ModelException;
import poolcheck.selfcheck.RandomModels;
import poolcheck.system.SuccessorSink;

/**
 * The compiled steps against the reference interpreter: on random states (reachable or not) of
 * random models and of every shipped design, the same successors and the same violations, in
 * the same order, with every assertion checked and with a random subset of them.
 */
class InterpreterTest {
  private static final int STATES_PER_MODEL = 40;

  /** One model's outcomes from one state, as comparable strings, in the order produced. */
  private static List<String> outcomes(CompiledModel m, int[] s, boolean[] checked,
      boolean compiled) {
    List<String> out = new ArrayList<>();
    SuccessorSink sink = new SuccessorSink() {
      @Override
      public void successor(int[] next, int transition) {
        out.add("step " + transition + " -> " + Arrays.toString(next));
      }

      @Override
      public void violation(int property, int[] at, int transition) {
        out.add("step " + transition + " breaks " + property + " at " + Arrays.toString(at));
      }
    };
    if (compiled) {
      m.successors(s, m.newFrame(checked), sink);
    } else {
      new Interpreter(m, checked).successors(s, sink);
    }
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

  private static void agree(CompiledModel reduced, long seed) {
    CompiledModel m = reduced.withSymmetry(false);
    SplittableRandom rng = new SplittableRandom(seed);
    for (int k = 0; k < STATES_PER_MODEL; k++) {
      int[] s = randomState(m, rng);
      boolean[] checked = m.allChecked();
      if (k % 2 == 1) {
        for (int p = 0; p < checked.length; p++) checked[p] = rng.nextBoolean();
      }
      assertEquals(outcomes(m, s, checked, false), outcomes(m, s, checked, true),
          m.name() + " from " + Arrays.toString(s));
    }
  }

  @TestFactory
  Stream<DynamicTest> compiledStepsDoWhatTheInterpreterDoesOnRandomModels() {
    return Stream.concat(
        LongStream.range(0, 200).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed,
            () -> agree(Models.fromText("r.pool", RandomModels.text(seed)), seed))),
        LongStream.range(0, 40).mapToObj(seed -> DynamicTest.dynamicTest("large seed " + seed,
            () -> agree(Models.fromText("r.pool", RandomModels.largeText(seed)), seed))));
  }

  @Test
  void compiledStepsDoWhatTheInterpreterDoesOnEveryShippedDesign() throws Exception {
    List<Path> designs;
    try (var files = Files.list(Path.of("models"))) {
      designs = files.filter(f -> f.toString().endsWith(".pool")).sorted().toList();
    }
    assertTrue(designs.size() >= 6);
    long seed = 1;
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
}
