package poolcheck.check;

import poolcheck.language.Expr;
import poolcheck.language.Printer;

/**
 * The arithmetic of constant expressions as the checker evaluates them, with the operator codes
 * and semantics of the compiled code's arithmetic: + - * and / exact in 64 bits (a result must
 * fit in 32), floor division and modulo, comparisons as 0 and 1.
 */
public final class Arithmetic {
  public static final int ADD = 0, SUB = 1, MUL = 2, DIV = 3, MOD = 4, EQ = 5, NE = 6, LT = 7,
      LE = 8, GT = 9, GE = 10, MIN = 11, MAX = 12;
  private static final String[] SYMBOL = {"+", "-", "*", "/", "%"};

  private Arithmetic() {}

  /** The exact result; the caller checks that it fits and that no division is by zero. */
  static long apply(int op, int x, int y) {
    return switch (op) {
      case ADD -> (long) x + y;
      case SUB -> (long) x - y;
      case MUL -> (long) x * y;
      case DIV -> Math.floorDiv((long) x, y);
      case MOD -> Math.floorMod(x, y);
      case EQ -> x == y ? 1 : 0;
      case NE -> x != y ? 1 : 0;
      case LT -> x < y ? 1 : 0;
      case LE -> x <= y ? 1 : 0;
      case GT -> x > y ? 1 : 0;
      case GE -> x >= y ? 1 : 0;
      case MIN -> Math.min(x, y);
      case MAX -> Math.max(x, y);
      default -> throw new IllegalArgumentException("operator " + op);
    };
  }

  /** "x + (y)" as an overflow message shows the computation. */
  public static String computation(int op, int x, int y) {
    return x + " " + SYMBOL[op] + " " + (y < 0 ? "(" + y + ")" : Integer.toString(y));
  }

  /**
   * "`y * y` at m.pool:5:9: 65536 * 65536 = 4294967296 does not fit in an integer (...)": the
   * same words at load time (a constant) and at run time (a step).
   */
  public static String overflow(Expr source, String computation, long exact) {
    return (source == null ? "an expression" : "`" + Printer.print(source) + "` at "
        + source.pos()) + ": " + computation + " = " + exact + " does not fit in an integer ("
        + Integer.MIN_VALUE + " .. " + Integer.MAX_VALUE + ")";
  }
}
