package poolcheck.export;

import java.util.ArrayList;
import java.util.List;
import poolcheck.check.Type;
import poolcheck.language.Expr;

/**
 * The runtime failures evaluating an expression can raise, in poolcheck's evaluation order
 * (left to right, && || => and quantifiers short-circuiting): an array or container index out of
 * range, head of an empty container, division by zero, arithmetic overflow, at() of a missing
 * instance. One walk for every target language; a {@link Dialect} writes the conditions.
 * Written as assertions in this order, the first failing one is the failure poolcheck reports.
 *
 * @param <S> the target's scope: where an expression is written (instance, bound values, the
 *     state so far in the step)
 */
final class RuntimeChecks<S> {
  /** Evaluating the expression fails with {@code property} if {@code condition} holds. */
  record Check(String condition, String property) {}

  /** How one target language writes expressions and the failure conditions. */
  interface Dialect<S> {
    /** The condition that always holds ({@code 1}, {@code TRUE}). */
    String always();

    /** a and b, just b when a is {@link #always()}. */
    String and(String a, String b);

    String not(String a);

    String expr(Expr e, S scope);

    S bind(S scope, String variable, int value, Type.Scalar type);

    /** The names the value bounds may look at in this scope. */
    ValueBounds.Names names(S scope);

    /** The type of the variable {@code name} denotes here. */
    Type type(String name, S scope);

    /** Index {@code i} (written {@code text}) outside {@code domain}, or null when it cannot be. */
    String arrayIndexFails(Expr i, String text, Type.Scalar domain, S scope);

    /** Index {@code i} outside the elements a container holds now. */
    String containerIndexFails(String container, String i, S scope);

    /** The container is empty now. */
    String emptyFails(String container, S scope);

    /** The divisor is zero, or null when it cannot be. */
    String divisorFails(Expr divisor, S scope);

    /** -operand leaves the 32-bit range. */
    String negationOverflows(String operand);

    /** l op r leaves the 32-bit range ({@code op} one of + - * /). */
    String binaryOverflows(String op, String l, String r);

    /** Whether at(p[i], ...) needs its instance checked at all (a constant one may not). */
    boolean checksInstance(Expr instance, S scope);

    /** Instance {@code i} is not one of {@code n}, or null when it cannot be. */
    String instanceFails(String i, int n);
  }

  private final ModelShape shape;
  private final Dialect<S> dialect;
  private final ValueBounds bounds;

  RuntimeChecks(ModelShape shape, Dialect<S> dialect) {
    this.shape = shape;
    this.dialect = dialect;
    this.bounds = new ValueBounds(shape);
  }

  List<Check> of(Expr e, S scope) {
    List<Check> out = new ArrayList<>();
    walk(e, dialect.always(), scope, out);
    return out;
  }

  private void add(String reach, String fails, String property, List<Check> out) {
    if (fails != null) out.add(new Check(dialect.and(reach, fails), property));
  }

  private void walk(Expr e, String reach, S scope, List<Check> out) {
    if (e instanceof Expr.Index ix && ix.target() instanceof Expr.Index row) {
      // owner[p][c]: each index checked against its own dimension, the first before the second
      Type.Array a = (Type.Array) dialect.type(((Expr.Name) row.target()).name(), scope);
      walk(row.index(), reach, scope, out);
      add(reach, dialect.arrayIndexFails(row.index(), dialect.expr(row.index(), scope),
          a.index(), scope), "index_out_of_range", out);
      walk(ix.index(), reach, scope, out);
      add(reach, dialect.arrayIndexFails(ix.index(), dialect.expr(ix.index(), scope),
          a.second(), scope), "index_out_of_range", out);
    } else if (e instanceof Expr.Index ix) {
      String container = ((Expr.Name) ix.target()).name();
      Type type = dialect.type(container, scope);
      walk(ix.index(), reach, scope, out);
      String i = dialect.expr(ix.index(), scope);
      add(reach, type instanceof Type.Array a
          ? dialect.arrayIndexFails(ix.index(), i, a.index(), scope)
          : dialect.containerIndexFails(container, i, scope), "index_out_of_range", out);
    } else if (e instanceof Expr.Unary u) {
      walk(u.operand(), reach, scope, out);
      if (u.op().equals("-") && bounds.mayOverflow(u, dialect.names(scope))) {
        add(reach, dialect.negationOverflows(dialect.expr(u.operand(), scope)),
            "arithmetic_overflow", out);
      }
    } else if (e instanceof Expr.Binary b) {
      walk(b.left(), reach, scope, out);
      String l = dialect.expr(b.left(), scope);
      switch (b.op()) {
        case "&&", "=>" -> walk(b.right(), dialect.and(reach, l), scope, out);
        case "||" -> walk(b.right(), dialect.and(reach, dialect.not(l)), scope, out);
        default -> {
          walk(b.right(), reach, scope, out);
          if (b.op().equals("/") || b.op().equals("%")) {
            add(reach, dialect.divisorFails(b.right(), scope), "division_by_zero", out);
          }
          if (List.of("+", "-", "*", "/").contains(b.op())
              && bounds.mayOverflow(b, dialect.names(scope))) {
            add(reach, dialect.binaryOverflows(b.op(), l, dialect.expr(b.right(), scope)),
                "arithmetic_overflow", out);
          }
        }
      }
    } else if (e instanceof Expr.Call c) {
      switch (c.function()) {
        case "head" -> add(reach, dialect.emptyFails(((Expr.Name) c.args().get(0)).name(),
            scope), "container_underflow", out);
        case "contains" -> walk(c.args().get(1), reach, scope, out);
        case "min", "max" -> {
          walk(c.args().get(0), reach, scope, out);
          walk(c.args().get(1), reach, scope, out);
        }
        default -> {
          // len, cap, empty, full read the length only
        }
      }
    } else if (computedInstance(e) != null
        && dialect.checksInstance(computedInstance(e), scope)) {
      // at(p[i], l) and p[i].local: i must name an instance
      Expr instance = computedInstance(e);
      walk(instance, reach, scope, out);
      String i = dialect.expr(instance, scope);
      String process = e instanceof Expr.At at ? at.process() : ((Expr.LocalOf) e).process();
      add(reach, dialect.instanceFails(i, shape.process(process).instances()),
          "index_out_of_range", out);
    } else if (e instanceof Expr.Quantifier q) {
      Type.Scalar d = shape.domain(q.domain());
      String prior = reach;
      for (int v = d.lo(); v <= d.hi(); v++) {
        S inner = dialect.bind(scope, q.variable(), v, d);
        walk(q.body(), prior, inner, out);
        String body = dialect.expr(q.body(), inner);
        if (q.kind().equals("forall")) prior = dialect.and(prior, body);
        if (q.kind().equals("exists")) prior = dialect.and(prior, dialect.not(body));
      }
    }
  }

  /** The instance expression of at(p[i], l) or p[i].local, or null. */
  private static Expr computedInstance(Expr e) {
    if (e instanceof Expr.At at) return at.instance();
    if (e instanceof Expr.LocalOf l) return l.instance();
    return null;
  }
}
