package poolcheck.compile;

import java.util.function.IntFunction;

/**
 * Models whose one construct nests {@code n} levels deep (or a flat chain of {@code n} terms),
 * everything else minimal, for the nesting-limit tests. Each is a valid model at any n: only the
 * depth can make it bad.
 */
enum DeepText {
  PARENTHESES(n -> invariant("(".repeat(n) + "x == 0" + ")".repeat(n))),
  NOT(n -> invariant("!".repeat(n) + "(x == 0)" + (n % 2 == 1 ? " || true" : ""))),
  NEGATION(n -> invariant("- ".repeat(n) + "x <= 3")),
  INDEX(n -> "var a : 0 .. 3[0 .. 3] = 0;\n" + invariant("a[".repeat(n) + "0" + "]".repeat(n)
      + " == 0")),
  MIN(n -> invariant("min(".repeat(n) + "x" + ", 1)".repeat(n) + " <= 1")),
  QUANTIFIER(n -> {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) b.append("forall q").append(i).append(" in 0 .. 0: ");
    return invariant(b + "x == 0");
  }),
  IMPLICATION(n -> invariant("x == 0 => ".repeat(n) + "true")),
  SUM(n -> invariant("x" + " + 0".repeat(n) + " <= 3")),
  CONJUNCTS(n -> invariant("x <= 3" + " && x >= 0".repeat(n))),
  DISJUNCTS(n -> invariant("x > 3" + " || x >= 0".repeat(n))),
  IF(n -> step("if (x >= 0) { ".repeat(n) + "x = 0;" + " }".repeat(n))),
  CHOOSE(n -> {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) b.append("choose c").append(i).append(" in 0 .. 0 { ");
    return step(b + "x = 0;" + " }".repeat(n));
  }),
  EITHER(n -> step("either { ".repeat(n) + "x = 0;" + " }".repeat(n))),
  TYPE(n -> "var y : " + "(".repeat(n) + "bool" + ")".repeat(n) + " = false;\n" + invariant(
      "x == 0"));

  private final IntFunction<String> body;

  DeepText(IntFunction<String> body) {
    this.body = body;
  }

  String text(int n) {
    return "model deep;\nvar x : 0 .. 3 = 0;\n" + body.apply(n) + "\n";
  }

  private static String invariant(String condition) {
    return "process p { s: { x = 0; } }\ninvariant deep: " + condition + ";";
  }

  private static String step(String body) {
    return "process p { s: { " + body + " } }\ninvariant small: x <= 3;";
  }
}
