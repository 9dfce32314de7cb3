package poolcheck.export;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Small random models for the SPIN cross-check: a few variables of every storage kind, two
 * process types, steps mixing every statement form, so that the exporter meets shapes nobody
 * wrote by hand. The same seed gives the same model.
 */
final class RandomModels {
  private final Random random;
  private final StringBuilder out = new StringBuilder();
  private int bound;
  private int asserts;
  private int steps;

  /**
   * For about a third of the seeds, the draws of a lock {@code m} that steps take and release
   * (misuse included) in steps marked {@code atomic "generated"}; a separate stream, so the other
   * seeds give the models they gave before locks existed.
   */
  private final Random locking;

  private RandomModels(long seed) {
    this.random = new Random(seed);
    Random lock = new Random(seed ^ 0x10c4ed5L);
    this.locking = lock.nextInt(3) == 0 ? lock : null;
  }

  static String generate(long seed) {
    String text = new RandomModels(seed).model(seed);
    // a third of the seeds, drawn apart: the other seeds give the models they gave before
    if (new Random(seed ^ 0x4ec04d5L).nextInt(3) == 0) return withRecords(text);
    // mixed through SplittableRandom: java.util.Random's first draws for neighbouring seeds
    // hardly differ, and nextInt(2) alone gave the same answer for every seed up to 60
    Random table = new Random(new java.util.SplittableRandom(seed ^ 0x7ab1e2dL).nextLong());
    return table.nextInt(2) == 0 ? withTable(text, table) : text;
  }

  /** What a model with a two-dimensional array indexes its second dimension by. */
  private static final String[] SECOND_INDICES = {"a % 2", "1", "a", "a / 2", "(a + 1) % 2"};

  /**
   * The same model with {@code arr} as a column of a two-dimensional array
   * {@code grid : (0 .. 2)[0 .. 1][0 .. 1]}, its second index one expression drawn per model
   * (a global, as invariants index it too; {@code a} may be 2, out of the second dimension):
   * the exports must flatten it (Promela) or
   * nest it (TLA+) and SPIN and TLC must count what poolcheck counts.
   */
  static String withTable(String text, Random draws) {
    String second = SECOND_INDICES[draws.nextInt(SECOND_INDICES.length)];
    text = text.replace("var arr : 0 .. 2[0 .. 1] = 0;\n",
        "var grid : (0 .. 2)[0 .. 1][0 .. 1] = 0;\n");
    // every index the model writes is a name, a literal or a / or %: no nested brackets
    return text.replaceAll("arr\\[([^\\]]*)\\]", "grid[$1][" + second + "]");
  }

  /**
   * The same model with {@code arr} as a field of an array of records and {@code b} as a field
   * of a record: the exports must write each field as a variable of its own and SPIN and TLC
   * must count what poolcheck counts.
   */
  static String withRecords(String text) {
    Matcher b = Pattern.compile("var b : bool = (true|false);\n").matcher(text);
    if (!b.find()) throw new IllegalStateException("no b in " + text);
    String declarations = "type Cell = record { v : 0 .. 2, hit : bool };\n"
        + "var cells : Cell[0 .. 1] = {v: 0};\n"
        + "var flags : record { b : bool, n : 0 .. 1 } = {b: " + b.group(1) + "};\n";
    text = b.replaceFirst("DECLARATIONS\n").replace("var arr : 0 .. 2[0 .. 1] = 0;\n", "");
    // every index the model writes is a name, a literal or a / or %: no nested brackets
    text = text.replaceAll("arr\\[([^\\]]*)\\]", "cells[$1].v")
        .replaceAll("(?<![A-Za-z0-9_.])b(?![A-Za-z0-9_])", "flags.b");
    return text.replace("DECLARATIONS\n", declarations);
  }

  private String model(long seed) {
    out.append("model random_").append(seed).append(";\n");
    out.append("var a : 0 .. 2 = ").append(random.nextInt(3)).append(";\n");
    out.append("var b : bool = ").append(random.nextBoolean()).append(";\n");
    out.append("var q : ").append(random.nextBoolean() ? "fifo" : "lifo").append("<0 .. 1, 2>;\n");
    out.append("var arr : 0 .. 2[0 .. 1] = 0;\n");
    if (locking != null) out.append("lock m;\n");
    process("p", 1 + random.nextInt(2));
    process("r", 1);
    switch (random.nextInt(3)) {
      case 0 -> out.append("final at(r, done);\n");
      case 1 -> out.append("final true;\n");
      default -> { }
    }
    if (random.nextBoolean()) out.append("invariant inv: ").append(weak()).append(";\n");
    return out.toString();
  }

  private void process(String name, int instances) {
    steps = 1 + random.nextInt(3);
    out.append("process ").append(name).append(instances > 1 ? "[" + instances + "]" : "")
        .append(" {\n  var t : 0 .. 2 = 0;\n");
    for (int k = 0; k < steps; k++) {
      out.append("  s").append(k).append(": ");
      if (locking != null) out.append("atomic \"generated\" ");
      if (random.nextInt(3) == 0) out.append("when (").append(condition()).append(") ");
      out.append("{\n");
      int lockDraw = locking == null ? 0 : locking.nextInt(4);
      if (lockDraw == 1) out.append("    lock(m);\n");
      if (lockDraw == 2) out.append("    unlock(m);\n");
      block(2, "    ");
      out.append("  }\n");
    }
    out.append("}\n");
  }

  private void block(int depth, String indent) {
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) statement(depth, indent);
    if (random.nextInt(4) == 0) {
      int target = random.nextInt(steps + 1);
      out.append(indent).append("goto ").append(target == steps ? "done" : "s" + target)
          .append(";\n");
    }
  }

  private void statement(int depth, String indent) {
    int kind = random.nextInt(depth > 0 ? 14 : 9);
    switch (kind) {
      case 0 -> out.append(indent).append("a = ").append(value()).append(";\n");
      case 1 -> out.append(indent).append("b = !b;\n");
      case 2 -> out.append(indent).append("t = ").append(value()).append(";\n");
      case 3 -> out.append(indent).append("arr[").append(index()).append("] = (arr[")
          .append(index()).append("] + 1) % 3;\n");
      case 4 -> {
        if (random.nextInt(6) != 0) {
          out.append(indent).append("if (!full(q)) { push(q, ").append(random.nextInt(2))
              .append("); }\n");
        } else {
          out.append(indent).append("push(q, t % 2);\n");
        }
      }
      case 5 -> {
        if (random.nextInt(6) != 0) {
          out.append(indent).append("if (!empty(q)) { t = pop(q); }\n");
        } else {
          out.append(indent).append("pop(q);\n");
        }
      }
      case 6 -> out.append(indent).append("when (").append(condition()).append(");\n");
      case 7 -> out.append(indent).append("assert a").append(asserts++).append(": ")
          .append(weak()).append(";\n");
      case 8 -> out.append(indent).append("skip;\n");
      case 9, 10 -> {
        out.append(indent).append("either {\n");
        block(depth - 1, indent + "  ");
        out.append(indent).append("} or {\n");
        block(depth - 1, indent + "  ");
        out.append(indent).append("}\n");
      }
      case 11 -> {
        String v = "v" + bound++;
        out.append(indent).append("choose ").append(v).append(" in 0 .. 1 {\n");
        out.append(indent).append("  when (arr[").append(v).append("] != ")
            .append(random.nextInt(3)).append(");\n");
        out.append(indent).append("  t = ").append(v).append(";\n");
        out.append(indent).append("}\n");
      }
      case 12 -> {
        out.append(indent).append("if (").append(condition()).append(") {\n");
        block(depth - 1, indent + "  ");
        out.append(indent).append("} else {\n");
        block(depth - 1, indent + "  ");
        out.append(indent).append("}\n");
      }
      default -> {
        String v = "v" + bound++;
        out.append(indent).append("for ").append(v).append(" in 0 .. 1 {\n");
        out.append(indent).append("  if (arr[").append(v).append("] == 2) { arr[").append(v)
            .append("] = 0; }\n");
        out.append(indent).append("}\n");
      }
    }
  }

  /** A condition that usually holds, so that some models verify and others fail deep. */
  private String weak() {
    return "(" + condition() + ") || (" + condition() + ") || (" + condition() + ")";
  }

  private String value() {
    return switch (random.nextInt(10)) {
      case 0 -> "a + 1";
      case 1 -> "a - 1";
      case 7, 8 -> "(a + 2) % 3";
      case 9 -> "min(a + 1, 2)";
      case 5 -> "(a + 1) % 3";
      case 6 -> "max(a - 1, 0)";
      case 2 -> "t";
      case 3 -> "arr[" + index() + "]";
      default -> Integer.toString(random.nextInt(3));
    };
  }

  private String index() {
    return switch (random.nextInt(7)) {
      case 0, 1 -> "0";
      case 2, 3 -> "1";
      case 4 -> "t"; // 2 is out of range
      case 5 -> "a / 2";
      default -> "t % 2";
    };
  }

  private String condition() {
    return switch (random.nextInt(11)) {
      case 0 -> "a < 2";
      case 1 -> "b";
      case 2 -> "!b";
      case 3 -> "empty(q)";
      case 4 -> "len(q) == 1";
      case 5 -> "arr[0] == arr[1]";
      case 6 -> "at(r, s0) || a == 0";
      case 7 -> "empty(q) || head(q) == 1";
      case 8 -> "len(q) != 1 || head(q) == 0";
      case 9 -> "2 / a == 1";
      default -> "exists w in 0 .. 1: arr[w] == 2";
    };
  }
}
