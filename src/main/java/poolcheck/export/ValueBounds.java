package poolcheck.export;

import java.util.function.Function;
import poolcheck.check.Type;
import poolcheck.language.Expr;

/**
 * The values an integer expression can take, from the types of what it reads, as an interval in
 * 64 bits. poolcheck's arithmetic is exact or breaks arithmetic_overflow, while SPIN's ints wrap
 * silently: the exporters write an overflow check for an operation only where its interval
 * leaves the 32-bit range, so a model that cannot overflow (every shipped design) exports as it
 * did, and one that can is checked where poolcheck checks it.
 */
final class ValueBounds {
  private static final long MIN = Integer.MIN_VALUE;
  private static final long MAX = Integer.MAX_VALUE;
  private static final long[] ANY = {MIN, MAX};
  private static final long[] BOOL = {0, 1};

  /** What a name means where the expression is: a bound value, a variable's type, or neither. */
  record Names(Function<String, Integer> bound, Function<String, Type> variable,
      Integer self) {}

  private final ModelShape shape;

  ValueBounds(ModelShape shape) {
    this.shape = shape;
  }

  private static final java.util.regex.Pattern MINIMUM =
      java.util.regex.Pattern.compile("(?<![0-9A-Za-z_])-2147483648(?![0-9])");

  /**
   * -2^31 printed as a number is unary minus on 2^31, which neither tool reads as an int (SPIN
   * and C make it a long, TLC's integers are 32-bit): every occurrence, wherever the exporters
   * printed a value, a bound or a constant, becomes a sum that stays within the range.
   */
  static String noMinimumLiteral(String text) {
    return MINIMUM.matcher(text).replaceAll("(-2147483647 - 1)");
  }

  /** Whether this operation (a binary + - * / or a unary -) can leave the 32-bit range. */
  boolean mayOverflow(Expr e, Names names) {
    long[] r = exact(e, names);
    return r != null && (r[0] < MIN || r[1] > MAX);
  }

  /** The interval of an operation's exact result, null for anything but + - * / and unary -. */
  private long[] exact(Expr e, Names names) {
    if (e instanceof Expr.Unary u && u.op().equals("-")) {
      long[] a = of(u.operand(), names);
      return new long[] {-a[1], -a[0]};
    }
    if (!(e instanceof Expr.Binary b)) return null;
    long[] x = of(b.left(), names);
    long[] y = of(b.right(), names);
    return switch (b.op()) {
      case "+" -> new long[] {x[0] + y[0], x[1] + y[1]};
      case "-" -> new long[] {x[0] - y[1], x[1] - y[0]};
      case "*" -> {
        long p1 = x[0] * y[0];
        long p2 = x[0] * y[1];
        long p3 = x[1] * y[0];
        long p4 = x[1] * y[1];
        yield new long[] {Math.min(Math.min(p1, p2), Math.min(p3, p4)),
            Math.max(Math.max(p1, p2), Math.max(p3, p4))};
      }
      // floor division: the only result out of range is -2^31 / -1
      case "/" -> x[0] == MIN && y[0] <= -1 && y[1] >= -1 ? new long[] {MIN, MAX + 1} : ANY;
      default -> null;
    };
  }

  /** The interval of any expression, clamped to the 32-bit range its value must have. */
  long[] of(Expr e, Names names) {
    long[] r = unclamped(e, names);
    return new long[] {Math.max(MIN, r[0]), Math.min(MAX, r[1])};
  }

  private long[] unclamped(Expr e, Names names) {
    if (e instanceof Expr.IntLit i) return new long[] {i.value(), i.value()};
    if (e instanceof Expr.BoolLit) return BOOL;
    if (e instanceof Expr.Self) {
      return names.self() == null ? ANY : new long[] {names.self(), names.self()};
    }
    if (e instanceof Expr.Name n) {
      Integer v = names.bound().apply(n.name());
      if (v != null) return new long[] {v, v};
      Type t = names.variable().apply(n.name());
      if (t instanceof Type.Scalar s) return new long[] {s.lo(), s.hi()};
      if (t != null) return ANY;
      try {
        long k = shape.constant(e);
        return new long[] {k, k};
      } catch (IllegalArgumentException notConstant) {
        return ANY; // a name bound symbolically (a TLA+ quantifier): nothing known
      }
    }
    if (e instanceof Expr.Index ix && ix.target() instanceof Expr.Index row
        && row.target() instanceof Expr.Name n
        && names.variable().apply(n.name()) instanceof Type.Array a) {
      return new long[] {a.element().lo(), a.element().hi()};
    }
    if (e instanceof Expr.Index ix && ix.target() instanceof Expr.Name n) {
      Type t = names.variable().apply(n.name());
      if (t instanceof Type.Array a) return new long[] {a.element().lo(), a.element().hi()};
      if (t instanceof Type.Container c) return new long[] {c.element().lo(), c.element().hi()};
      return ANY;
    }
    if (e instanceof Expr.Unary u) {
      if (u.op().equals("!")) return BOOL;
      return exact(e, names);
    }
    if (e instanceof Expr.Binary b) {
      long[] r = exact(e, names);
      if (r != null) return r;
      if (b.op().equals("%")) {
        long[] y = of(b.right(), names);
        long m = Math.max(Math.abs(y[0]), Math.abs(y[1]));
        return new long[] {-m, m};
      }
      return BOOL; // comparisons and logic
    }
    if (e instanceof Expr.Call c) {
      Type t = c.args().isEmpty() || !(c.args().get(0) instanceof Expr.Name n) ? null
          : names.variable().apply(n.name());
      return switch (c.function()) {
        case "len" -> t instanceof Type.Container ct ? new long[] {0, ct.capacity()} : ANY;
        case "cap" -> t instanceof Type.Container ct ? new long[] {ct.capacity(), ct.capacity()}
            : ANY;
        case "head" -> t instanceof Type.Container ct
            ? new long[] {ct.element().lo(), ct.element().hi()} : ANY;
        case "min", "max" -> {
          long[] x = of(c.args().get(0), names);
          long[] y = of(c.args().get(1), names);
          yield c.function().equals("min")
              ? new long[] {Math.min(x[0], y[0]), Math.min(x[1], y[1])}
              : new long[] {Math.max(x[0], y[0]), Math.max(x[1], y[1])};
        }
        default -> BOOL;
      };
    }
    if (e instanceof Expr.Quantifier q && q.kind().equals("count")) {
      Type.Scalar d = shape.domain(q.domain());
      return new long[] {0, (long) d.hi() - d.lo() + 1};
    }
    return e instanceof Expr.At || e instanceof Expr.Quantifier ? BOOL : ANY;
  }
}
