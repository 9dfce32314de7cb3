package poolcheck.explore;

import java.util.Random;

/**
 * Small random models in the model language, for holding the engines to the same answers. They
 * use globals, a fifo, locals, guards, either, choose, if, gotos, assertions and an invariant, so
 * that every kind of violation (invariant, assertion, runtime error, deadlock) turns up across
 * seeds. Every value stays in 0 .. R-1, so the text always compiles.
 */
public final class RandomModels {
  private static final int R = 3;
  private static final int GLOBALS = 2;
  private static final int STEPS = 3;

  private RandomModels() {}

  public static String generate(long seed) {
    Random rnd = new Random(seed);
    StringBuilder b = new StringBuilder("model random_" + seed + ";\n");
    for (int g = 0; g < GLOBALS; g++) b.append("var g").append(g).append(" : 0 .. 2 = 0;\n");
    b.append("var q : fifo<0 .. 2, 2>;\n");
    int processes = 1 + rnd.nextInt(2);
    for (int p = 0; p < processes; p++) {
      b.append("process p").append(p).append("[").append(1 + rnd.nextInt(2)).append("] {\n");
      b.append("  var x : 0 .. 2 = 0;\n");
      for (int s = 0; s < STEPS; s++) {
        b.append("  s").append(s).append(": ");
        if (rnd.nextInt(3) == 0) b.append("when (").append(condition(rnd)).append(") ");
        b.append("{ ").append(statement(rnd, 2));
        int jump = rnd.nextInt(5);
        if (jump < 3) b.append(" goto s").append(rnd.nextInt(STEPS)).append(";");
        b.append(" }\n");
      }
      b.append("}\n");
    }
    String invariant = rnd.nextInt(3) == 0 ? "true" : "g0 + g1 != " + (2 + rnd.nextInt(3));
    b.append("invariant inv: ").append(invariant).append(";\n");
    return b.toString();
  }

  private static String global(Random rnd) {
    return "g" + rnd.nextInt(GLOBALS);
  }

  private static String condition(Random rnd) {
    return switch (rnd.nextInt(3)) {
      case 0 -> global(rnd) + " != " + rnd.nextInt(R);
      case 1 -> global(rnd) + " <= x";
      default -> "!empty(q)";
    };
  }

  private static String statement(Random rnd, int depth) {
    int kind = rnd.nextInt(depth > 0 ? 10 : 6);
    return switch (kind) {
      case 0 -> global(rnd) + " = (" + global(rnd) + " + " + (1 + rnd.nextInt(2)) + ") % 3;";
      case 1 -> "x = (" + global(rnd) + " + x) % 3;";
      case 2 -> global(rnd) + " = x;";
      case 3 -> "push(q, " + global(rnd) + ");";
      case 4 -> "x = pop(q);";
      case 5 -> rnd.nextInt(4) == 0 ? "assert " + global(rnd) + " != 2;" : "skip;";
      case 6 -> "either { " + statement(rnd, depth - 1) + " } or { " + statement(rnd, depth - 1)
          + " }";
      case 7 -> "choose v in 0 .. 2 { when (v != " + global(rnd) + "); " + global(rnd)
          + " = v; }";
      case 8 -> "if (" + condition(rnd) + ") { " + statement(rnd, depth - 1) + " } else { "
          + statement(rnd, depth - 1) + " }";
      default -> statement(rnd, depth - 1) + " " + statement(rnd, depth - 1);
    };
  }
}
