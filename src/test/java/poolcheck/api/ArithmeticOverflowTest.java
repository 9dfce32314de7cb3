package poolcheck.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Models;
import poolcheck.explore.Explorer;
import poolcheck.language.Diagnostic;
import poolcheck.language.ModelException;
import poolcheck.result.CheckResult;
import poolcheck.result.Counterexample;
import poolcheck.result.Verdict;

/**
 * Every value is a 32-bit integer and no computation wraps: a result outside -2^31 .. 2^31 - 1
 * is a load-time error (PC150) when its operands are constants and an arithmetic_overflow
 * violation naming the expression otherwise. Generated cases put one operation on values near
 * the limits in each place an expression can be (a constant, a step, a guard, an invariant, an
 * assert, an array index, a count, min/max, an init block) and hold the outcome to a 64-bit
 * oracle: overflow gives the error or the violation, anything else gives the exact value (the
 * model asserts it), never a wrapped one.
 */
class ArithmeticOverflowTest {
  private static final long MIN = Integer.MIN_VALUE;
  private static final long MAX = Integer.MAX_VALUE;
  private static final long[] NEAR_LIMITS = {MIN, MIN + 1, -65536, -46341, -46340, -2, -1, 0, 1,
      2, 3, 46340, 46341, 65535, 65536, MAX - 1, MAX};
  private static final String[] OPS = {"+", "-", "*", "/", "%", "neg"};

  enum Place { CONSTANT, CONSTANT_IN_STEP, ASSIGN, GUARD, INVARIANT, ASSERT, INDEX, COUNT,
    MIN_MAX, INIT_BLOCK }

  /** One operation at one place: {@code exact} is the true result, in 64 bits. */
  record Case(Place place, String op, long a, long b) {
    long exact() {
      return switch (op) {
        case "+" -> a + b;
        case "-" -> a - b;
        case "*" -> a * b;
        case "/" -> Math.floorDiv(a, b);
        case "%" -> Math.floorMod(a, b);
        default -> -a;
      };
    }

    boolean overflows() {
      return exact() < MIN || exact() > MAX;
    }

    /** The operation on the variables a and b, or on the constants A and B. */
    String expression(boolean constants) {
      String x = constants ? "A" : "a";
      String y = constants ? "B" : "b";
      return op.equals("neg") ? "-" + x : x + " " + op + " " + y;
    }

    /** The model; the operation is on line 8 wherever it is. */
    String model() {
      String e = expression(false);
      String k = overflows() ? "0" : literal(exact());
      String head = "model ov;\nconst A = " + literal(a) + ";\nconst B = " + literal(b) + ";\n"
          + "var a : A .. A = A;\nvar b : B .. B = B;\nvar hit : bool = false;\n"
          + "var arr : bool[0 .. 1] = false;\n";
      return head + switch (place) {
        case CONSTANT -> "const C = " + expression(true) + ";\nprocess p { s: { hit = true; } }\n";
        case CONSTANT_IN_STEP -> "process p { s: { assert ok: " + expression(true) + " == " + k
            + "; } }\n";
        case ASSIGN -> "process p { s: { hit = " + e + " == " + k + "; assert ok: hit; } }\n";
        case GUARD -> "process p { s: when (" + e + " == " + k + ") { hit = true; } }\n";
        case INVARIANT -> "invariant ok: " + e + " == " + k + ";\nprocess p { s: { hit = true; } }"
            + "\n";
        case ASSERT -> "process p { s: { assert ok: " + e + " == " + k + "; } }\n";
        case INDEX -> "process p { s: { arr[(" + e + ") - (" + k + ")] = true; assert ok: arr[0]; "
            + "} }\n";
        case COUNT -> "process p { s: { assert ok: (count i in 0 .. 1: " + e + " == " + k
            + ") == 2; } }\n";
        case MIN_MAX -> "process p { s: { assert ok: min(" + e + ", 2147483647) == " + k
            + " && max(" + e + ", -2147483647 - 1) == " + k + "; } }\n";
        case INIT_BLOCK -> "init { hit = " + e + " == " + k + "; }\ninvariant ok: hit;\n"
            + "process p { s: { skip; } }\n";
      };
    }
  }

  /** -2^31 has no literal (2^31 is too large), so it is written as a sum. */
  static String literal(long v) {
    return v == MIN ? "(-2147483647 - 1)" : v < 0 ? "(" + v + ")" : Long.toString(v);
  }

  static Case draw(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    Place place = Place.values()[rng.nextInt(Place.values().length)];
    String op = OPS[rng.nextInt(OPS.length)];
    long a = rng.nextInt(4) == 0 ? rng.nextInt() : NEAR_LIMITS[rng.nextInt(NEAR_LIMITS.length)];
    long b;
    do {
      b = rng.nextInt(4) == 0 ? rng.nextInt() : NEAR_LIMITS[rng.nextInt(NEAR_LIMITS.length)];
    } while (b == 0 && (op.equals("/") || op.equals("%")));
    return new Case(place, op, a, b);
  }

  static void holds(Case c) throws ModelException {
    String text = c.model();
    boolean constant = c.place() == Place.CONSTANT || c.place() == Place.CONSTANT_IN_STEP;
    if (constant && c.overflows()) {
      ModelException e = assertThrows(ModelException.class, () -> Models.fromText("ov.pool", text),
          text);
      Diagnostic d = e.first();
      assertEquals("PC150", d.code(), text);
      assertEquals(8, d.position().line(), text);
      assertTrue(d.message().contains("`" + c.expression(true) + "`")
          && d.message().contains(Long.toString(c.exact())), d.render());
      return;
    }
    CompiledModel m = Models.fromText("ov.pool", text);
    if (c.place() == Place.CONSTANT) {
      assertEquals(c.exact(), (long) m.constants().get("C"), text);
      return;
    }
    CheckResult r = new Explorer(m).run();
    if (!c.overflows()) {
      assertEquals(Verdict.VERIFIED, r.verdict(), () -> text + "\n" + r.counterexample()
          .map(cx -> cx.property().name() + ": " + cx.failure()).orElse(""));
      return;
    }
    assertEquals(Verdict.VIOLATED, r.verdict(), text);
    Counterexample cx = r.counterexample().orElseThrow();
    assertEquals("arithmetic_overflow", cx.property().name(), text);
    int length = c.place() == Place.INVARIANT || c.place() == Place.INIT_BLOCK ? 0 : 1;
    assertEquals(length, cx.length(), text);
    String failure = cx.failureText().orElse("");
    assertTrue(failure.startsWith("`" + c.expression(false) + "` at ov.pool:8:")
        && failure.contains(Long.toString(c.exact())), () -> text + "\nfailure: " + failure);
  }

  @TestFactory
  Stream<DynamicTest> everyOverflowIsACodedErrorOrAViolationNamingTheExpression() {
    return LongStream.range(0, 400).mapToObj(seed -> {
      Case c = draw(seed);
      return DynamicTest.dynamicTest("seed " + seed + ": " + c, () -> holds(c));
    });
  }

  @Test
  void theGeneratedCasesReachEveryPlaceAndBothOutcomes() {
    // the family test is only as good as its draws: each place with and without overflow
    java.util.Set<String> seen = new java.util.HashSet<>();
    LongStream.range(0, 400).mapToObj(ArithmeticOverflowTest::draw)
        .forEach(c -> seen.add(c.place() + " " + c.overflows()));
    assertEquals(Place.values().length * 2, seen.size(), seen.toString());
  }

  @Test
  void theMinimumDividedByMinusOneOverflowsAndItsRemainderIsZero() throws ModelException {
    holds(new Case(Place.ASSERT, "/", MIN, -1));
    holds(new Case(Place.ASSERT, "%", MIN, -1));
    holds(new Case(Place.CONSTANT, "/", MIN, -1));
    holds(new Case(Place.ASSERT, "neg", MIN, 0));
  }

  @Test
  void aSquareThatWrapsToZeroIsNoLongerVerified() throws ModelException {
    // the report's example: 2^32 wrapped to 0 and the step was "verified"
    CheckResult r = new Explorer(Models.fromText("sq.pool", "model sq;\n"
        + "var y : 0 .. 65536 = 65536;\nvar x : 0 .. 1 = 0;\nprocess p { s: { x = y * y; } }\n"))
        .run();
    Counterexample cx = r.counterexample().orElseThrow();
    assertEquals("arithmetic_overflow", cx.property().name());
    assertEquals("`y * y` at sq.pool:4:24: 65536 * 65536 = 4294967296 does not fit in an "
        + "integer (-2147483648 .. 2147483647)", cx.failure());
  }

  @Test
  void rejectsAConstantThatOverflows() {
    ModelException e = assertThrows(ModelException.class, () -> Models.fromText("c.pool",
        "model c;\nconst A = 65536 * 65536;\nprocess p { s: { skip; } }\n"));
    assertEquals("c.pool:2:17: error PC150: integer overflow in a constant expression: "
        + "`65536 * 65536`: 65536 * 65536 = 4294967296 does not fit in an integer "
        + "(-2147483648 .. 2147483647)", e.first().render());
  }

  @Test
  void aQuantifierEndingAtTheLargestIntegerEnds() throws ModelException {
    // v++ past 2^31 - 1 wrapped to -2^31 and the loop never ended
    CompiledModel m = Models.fromText("q.pool", "model q;\n"
        + "const C = count i in 2147483646 .. 2147483647: i > 0;\n"
        + "var x : 0 .. 2 = 0;\n"
        + "process p { s: { choose k in 2147483646 .. 2147483647 { x = k - 2147483645; } } }\n");
    assertEquals(2, m.constants().get("C"));
    assertEquals(Verdict.VERIFIED, new Explorer(m).run().verdict());
  }
}
