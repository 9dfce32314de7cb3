package poolcheck.export;

import java.util.List;
import poolcheck.check.Type;
import poolcheck.export.TlaExpressions.Scope;
import poolcheck.language.Expr;

/**
 * {@link RuntimeChecks} in TLA+, as conditions over the symbolic state. Written as
 * {@code Assert} conjuncts before the expression, TLC names the failure poolcheck reports instead
 * of stopping with its own evaluation error. TLA+ integers are unbounded: an overflow is the
 * exact result tested against poolcheck's range.
 */
final class TlaChecks implements RuntimeChecks.Dialect<Scope> {
  private static final String MIN = "(-2147483647 - 1)";

  private final TlaExpressions exprs;
  private final RuntimeChecks<Scope> checks;

  TlaChecks(ModelShape shape, TlaExpressions exprs) {
    this.exprs = exprs;
    this.checks = new RuntimeChecks<>(shape, this);
  }

  List<RuntimeChecks.Check> of(Expr e, Scope scope) {
    return checks.of(e, scope);
  }

  @Override
  public String always() {
    return "TRUE";
  }

  @Override
  public String and(String a, String b) {
    if (a.equals("TRUE")) return b;
    return "(" + a + " /\\ " + b + ")";
  }

  @Override
  public String not(String a) {
    return "~" + TlaExpressions.paren(a);
  }

  @Override
  public String expr(Expr e, Scope scope) {
    return exprs.expr(e, scope);
  }

  @Override
  public Scope bind(Scope scope, String variable, int value, Type.Scalar type) {
    return scope.with(scope.bindings().with(variable, value, type));
  }

  @Override
  public ValueBounds.Names names(Scope scope) {
    return exprs.names(scope);
  }

  @Override
  public Type type(String name, Scope scope) {
    return exprs.storage(name, scope).type();
  }

  @Override
  public String arrayIndexFails(Expr i, String text, Type.Scalar domain, Scope scope) {
    if (safe(i, text, domain, scope)) return null;
    return "~(" + text + " \\in " + TlaExpressions.set(domain) + ")";
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

  @Override
  public String containerIndexFails(String container, String i, Scope scope) {
    return "(" + i + " < 0 \\/ " + i + " >= " + length(container, scope) + ")";
  }

  @Override
  public String emptyFails(String container, Scope scope) {
    return "(" + length(container, scope) + " = 0)";
  }

  private String length(String container, Scope scope) {
    return "Len(" + exprs.read(exprs.storage(container, scope), scope) + ")";
  }

  @Override
  public String divisorFails(Expr divisor, Scope scope) {
    String r = exprs.expr(divisor, scope);
    return r.matches("[1-9]\\d*") ? null : "(" + r + " = 0)";
  }

  @Override
  public String negationOverflows(String operand) {
    return "(" + operand + " = " + MIN + ")";
  }

  @Override
  public String binaryOverflows(String op, String l, String r) {
    return op.equals("/") ? "(" + l + " = " + MIN + " /\\ " + r + " = -1)"
        : "~((" + l + ") " + op + " (" + r + ") \\in " + MIN + "..2147483647)";
  }

  @Override
  public boolean checksInstance(Expr instance, Scope scope) {
    return true;
  }

  @Override
  public String instanceFails(String i, int n) {
    if (i.matches("\\d+") && Integer.parseInt(i) < n) return null;
    return "~(" + i + " \\in 0.." + (n - 1) + ")";
  }
}
