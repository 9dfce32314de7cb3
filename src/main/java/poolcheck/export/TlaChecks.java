package poolcheck.export;

import java.util.ArrayList;
import java.util.List;
import poolcheck.check.Type;
import poolcheck.compile.ModelShape;
import poolcheck.export.TlaExpressions.Scope;
import poolcheck.export.TlaExpressions.Storage;
import poolcheck.language.Expr;

/**
 * The TLA+ twin of {@link PromelaChecks}: the runtime failures evaluating an expression can
 * raise, in poolcheck's evaluation order, as conditions over the symbolic state. Written as
 * {@code Assert} conjuncts before the expression, TLC names the failure poolcheck reports instead
 * of stopping with its own evaluation error.
 */
final class TlaChecks {
  record Check(String reached, String fails, String property) {
    String condition() {
      return reached.equals("TRUE") ? fails : "(" + reached + " /\\ " + fails + ")";
    }
  }

  private final ModelShape shape;
  private final TlaExpressions exprs;
  private final ValueBounds bounds;

  TlaChecks(ModelShape shape, TlaExpressions exprs) {
    this.shape = shape;
    this.exprs = exprs;
    this.bounds = new ValueBounds(shape);
  }

  private ValueBounds.Names names(Scope scope) {
    return new ValueBounds.Names(n -> scope.quantified().contains(n) ? null
        : scope.bindings().values().get(n), n -> {
          if (scope.quantified().contains(n)) return null;
          Storage s = exprs.storage(n, scope);
          return s == null ? null : s.type();
        }, scope.process() == null ? null : scope.instance());
  }

  List<Check> of(Expr e, Scope scope) {
    List<Check> out = new ArrayList<>();
    walk(e, "TRUE", scope, out);
    return out;
  }

  private void walk(Expr e, String reach, Scope scope, List<Check> out) {
    if (e instanceof Expr.Index ix) {
      Storage s = exprs.storage(((Expr.Name) ix.target()).name(), scope);
      walk(ix.index(), reach, scope, out);
      String i = exprs.expr(ix.index(), scope);
      if (s.type() instanceof Type.Array a) {
        if (!safe(ix.index(), i, a.index(), scope)) {
          out.add(new Check(reach, "~(" + i + " \\in " + TlaExpressions.set(a.index()) + ")",
              "index_out_of_range"));
        }
      } else {
        String len = "Len(" + exprs.read(s, scope) + ")";
        out.add(new Check(reach, "(" + i + " < 0 \\/ " + i + " >= " + len + ")",
            "index_out_of_range"));
      }
    } else if (e instanceof Expr.Unary u) {
      walk(u.operand(), reach, scope, out);
      if (u.op().equals("-") && bounds.mayOverflow(u, names(scope))) {
        out.add(new Check(reach, "(" + exprs.expr(u.operand(), scope) + " = (-2147483647 - 1))",
            "arithmetic_overflow"));
      }
    } else if (e instanceof Expr.Binary b) {
      walk(b.left(), reach, scope, out);
      String l = exprs.expr(b.left(), scope);
      switch (b.op()) {
        case "&&", "=>" -> walk(b.right(), and(reach, l), scope, out);
        case "||" -> walk(b.right(), and(reach, "~" + TlaExpressions.paren(l)), scope, out);
        default -> {
          walk(b.right(), reach, scope, out);
          String r = exprs.expr(b.right(), scope);
          if ((b.op().equals("/") || b.op().equals("%")) && !r.matches("[1-9]\\d*")) {
            out.add(new Check(reach, "(" + r + " = 0)", "division_by_zero"));
          }
          if (List.of("+", "-", "*", "/").contains(b.op())
              && bounds.mayOverflow(b, names(scope))) {
            // TLA+ integers are unbounded: the exact result is tested against poolcheck's range
            out.add(new Check(reach, b.op().equals("/")
                ? "(" + l + " = (-2147483647 - 1) /\\ " + r + " = -1)"
                : "~((" + l + ") " + b.op() + " (" + r + ") \\in (-2147483647 - 1)..2147483647)",
                "arithmetic_overflow"));
          }
        }
      }
    } else if (e instanceof Expr.Call c) {
      switch (c.function()) {
        case "head" -> {
          Storage s = exprs.storage(((Expr.Name) c.args().get(0)).name(), scope);
          out.add(new Check(reach, "(Len(" + exprs.read(s, scope) + ") = 0)",
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
    } else if (e instanceof Expr.At at && at.instance() != null) {
      walk(at.instance(), reach, scope, out);
      String i = exprs.expr(at.instance(), scope);
      int n = shape.process(at.process()).instances();
      if (!i.matches("\\d+") || Integer.parseInt(i) >= n) {
        out.add(new Check(reach, "~(" + i + " \\in 0.." + (n - 1) + ")", "index_out_of_range"));
      }
    } else if (e instanceof Expr.Quantifier q) {
      Type.Scalar d = shape.domain(q.domain());
      String prior = reach;
      for (int v = d.lo(); v <= d.hi(); v++) {
        Scope inner = scope.with(scope.bindings().with(q.variable(), v, d));
        walk(q.body(), prior, inner, out);
        String body = exprs.expr(q.body(), inner);
        if (q.kind().equals("forall")) prior = and(prior, body);
        if (q.kind().equals("exists")) prior = and(prior, "~" + TlaExpressions.paren(body));
      }
    }
  }

  /** An index that is a literal in range, or a variable whose type keeps it in range. */
  private boolean safe(Expr index, String text, Type.Scalar domain, Scope scope) {
    if (domain instanceof Type.Range r && text.matches("-?\\d+")) {
      int k = Integer.parseInt(text);
      return k >= r.lo() && k <= r.hi();
    }
    if (domain instanceof Type.Enum en && text.startsWith("\"")) {
      return en.values().contains(text.substring(1, text.length() - 1));
    }
    if (index instanceof Expr.Name n && !scope.bindings().values().containsKey(n.name())
        && !scope.quantified().contains(n.name())) {
      Storage s = exprs.storage(n.name(), scope);
      return s != null && s.type() instanceof Type.Scalar t && t.kind().equals(domain.kind())
          && t.lo() >= domain.lo() && t.hi() <= domain.hi();
    }
    return domain instanceof Type.Bool;
  }

  private static String and(String a, String b) {
    if (a.equals("TRUE")) return b;
    return "(" + a + " /\\ " + b + ")";
  }
}
