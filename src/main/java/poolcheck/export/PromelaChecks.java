package poolcheck.export;

import java.util.ArrayList;
import java.util.List;
import poolcheck.check.Type;
import poolcheck.compile.ModelShape;
import poolcheck.export.PromelaExpressions.Scope;
import poolcheck.export.PromelaExpressions.Storage;
import poolcheck.language.Expr;

/**
 * The runtime failures evaluating an expression can raise, in poolcheck's evaluation order
 * (left to right, && || => and quantifiers short-circuiting): an array or container index out of
 * range, head of an empty container, division by zero, at() of a missing instance. Written as
 * assertions in that order, the first failing one is the failure poolcheck reports.
 */
final class PromelaChecks {
  /** Evaluating the expression reaches a point under {@code reached} and fails there if
   * {@code fails}. */
  record Check(String reached, String fails, String property) {
    String condition() {
      return reached.equals("1") ? fails : "(" + reached + " && " + fails + ")";
    }
  }

  private final ModelShape shape;
  private final PromelaExpressions exprs;
  private final ValueBounds bounds;

  PromelaChecks(ModelShape shape, PromelaExpressions exprs) {
    this.shape = shape;
    this.exprs = exprs;
    this.bounds = new ValueBounds(shape);
  }

  private ValueBounds.Names names(Scope scope) {
    return new ValueBounds.Names(n -> scope.bindings().values().get(n), n -> {
      Storage s = exprs.storage(n, scope);
      return s == null ? null : s.type();
    }, scope.process() == null ? null : scope.instance());
  }

  /**
   * When the operation can leave the 32-bit range, the condition under which it does, written
   * so that computing it cannot overflow C's int itself (SPIN's ints wrap silently).
   */
  private void overflow(Expr e, String reach, Scope scope, List<Check> out) {
    if (!bounds.mayOverflow(e, names(scope))) return;
    String min = "(-2147483647 - 1)";
    String fails;
    if (e instanceof Expr.Unary u) {
      fails = "(" + wrap(exprs.expr(u.operand(), scope)) + " == " + min + ")";
    } else {
      Expr.Binary b = (Expr.Binary) e;
      String a = wrap(exprs.expr(b.left(), scope));
      String c = wrap(exprs.expr(b.right(), scope));
      fails = switch (b.op()) {
        case "+" -> "((" + c + " > 0 && " + a + " > 2147483647 - " + c + ") || (" + c
            + " < 0 && " + a + " < " + min + " - " + c + "))";
        case "-" -> "((" + c + " < 0 && " + a + " > 2147483647 + " + c + ") || (" + c
            + " > 0 && " + a + " < " + min + " + " + c + "))";
        case "*" -> "((" + a + " > 0 && " + c + " > 0 && " + a + " > 2147483647 / " + c
            + ") || (" + a + " > 0 && " + c + " < 0 && " + c + " < " + min + " / " + a
            + ") || (" + a + " < 0 && " + c + " > 0 && " + a + " < " + min + " / " + c
            + ") || (" + a + " < 0 && " + c + " < 0 && " + a + " < 2147483647 / " + c + "))";
        default -> "(" + a + " == " + min + " && " + c + " == -1)";
      };
    }
    out.add(new Check(reach, fails, "arithmetic_overflow"));
  }

  List<Check> of(Expr e, Scope scope) {
    List<Check> out = new ArrayList<>();
    walk(e, "1", scope, out);
    return out;
  }

  /** Whether evaluating any of these fails, or null when none can. */
  static String any(List<Check> checks) {
    if (checks.isEmpty()) return null;
    List<String> terms = new ArrayList<>();
    for (Check c : checks) terms.add(c.condition());
    return terms.size() == 1 ? terms.get(0) : "(" + String.join(" || ", terms) + ")";
  }

  private void walk(Expr e, String reach, Scope scope, List<Check> out) {
    if (e instanceof Expr.Index ix) {
      Storage s = exprs.storage(((Expr.Name) ix.target()).name(), scope);
      walk(ix.index(), reach, scope, out);
      String i = exprs.expr(ix.index(), scope);
      if (s.type() instanceof Type.Array a) {
        Integer fixed = exprs.constantValue(ix.index(), scope);
        if ((fixed == null || fixed < a.index().lo() || fixed > a.index().hi())
            && !exprs.within(ix.index(), a.index().lo(), a.index().hi(), scope)) {
          out.add(new Check(reach, "(" + i + " < " + a.index().lo() + " || " + i + " > "
              + a.index().hi() + ")", "index_out_of_range"));
        }
      } else {
        out.add(new Check(reach, "(" + i + " < 0 || " + i + " >= "
            + PromelaExpressions.length(s.name(), scope) + ")", "index_out_of_range"));
      }
    } else if (e instanceof Expr.Unary u) {
      walk(u.operand(), reach, scope, out);
      if (u.op().equals("-")) overflow(u, reach, scope, out);
    } else if (e instanceof Expr.Binary b) {
      walk(b.left(), reach, scope, out);
      String l = exprs.expr(b.left(), scope);
      switch (b.op()) {
        case "&&", "=>" -> walk(b.right(), and(reach, l), scope, out);
        case "||" -> walk(b.right(), and(reach, "!" + wrap(l)), scope, out);
        default -> {
          walk(b.right(), reach, scope, out);
          if (b.op().equals("/") || b.op().equals("%")) {
            Integer k = exprs.constantValue(b.right(), scope);
            if (k == null || k == 0) {
              out.add(new Check(reach, "(" + exprs.expr(b.right(), scope) + " == 0)",
                  "division_by_zero"));
            }
          }
          if (List.of("+", "-", "*", "/").contains(b.op())) overflow(b, reach, scope, out);
        }
      }
    } else if (e instanceof Expr.Call c) {
      switch (c.function()) {
        case "head" -> {
          Storage s = exprs.storage(((Expr.Name) c.args().get(0)).name(), scope);
          out.add(new Check(reach, "(" + PromelaExpressions.length(s.name(), scope) + " == 0)",
              "container_underflow"));
        }
        case "contains" -> walk(c.args().get(1), reach, scope, out);
        case "min", "max" -> {
          walk(c.args().get(0), reach, scope, out);
          walk(c.args().get(1), reach, scope, out);
        }
        default -> {
          // len, cap, empty, full read the length only
        }
      }
    } else if (e instanceof Expr.At at && at.instance() != null
        && exprs.constantValue(at.instance(), scope) == null) {
      walk(at.instance(), reach, scope, out);
      String i = exprs.expr(at.instance(), scope);
      int n = shape.process(at.process()).instances();
      out.add(new Check(reach, "(" + i + " < 0 || " + i + " >= " + n + ")",
          "index_out_of_range"));
    } else if (e instanceof Expr.Quantifier q) {
      Type.Scalar d = shape.domain(q.domain());
      String prior = reach;
      for (int v = d.lo(); v <= d.hi(); v++) {
        Scope inner = scope.bind(q.variable(), v, d);
        walk(q.body(), prior, inner, out);
        String body = exprs.expr(q.body(), inner);
        if (q.kind().equals("forall")) prior = and(prior, body);
        if (q.kind().equals("exists")) prior = and(prior, "!" + wrap(body));
      }
    }
  }

  private static String and(String a, String b) {
    if (a.equals("1")) return b;
    return "(" + a + " && " + b + ")";
  }

  private static String wrap(String s) {
    if (s.matches("[A-Za-z_0-9]+(\\[[^\\]]*\\])?")) return s;
    return s.startsWith("(") && s.endsWith(")") ? s : "(" + s + ")";
  }
}
