package poolcheck.export;

import java.util.ArrayList;
import java.util.List;
import poolcheck.check.Type;
import poolcheck.export.PromelaExpressions.Scope;
import poolcheck.language.Expr;

/**
 * {@link RuntimeChecks} in Promela: C's operators on SPIN's 32-bit ints, which wrap silently, so
 * an overflow is tested without computing it; an index known in range is not tested at all.
 */
final class PromelaChecks implements RuntimeChecks.Dialect<Scope> {
  private static final String MIN = "(-2147483647 - 1)";

  private final PromelaExpressions exprs;
  private final RuntimeChecks<Scope> checks;

  PromelaChecks(ModelShape shape, PromelaExpressions exprs) {
    this.exprs = exprs;
    this.checks = new RuntimeChecks<>(shape, this);
  }

  List<RuntimeChecks.Check> of(Expr e, Scope scope) {
    return checks.of(e, scope);
  }

  /** Whether evaluating any of these fails, or null when none can. */
  static String any(List<RuntimeChecks.Check> checks) {
    if (checks.isEmpty()) return null;
    List<String> terms = new ArrayList<>();
    for (RuntimeChecks.Check c : checks) terms.add(c.condition());
    return terms.size() == 1 ? terms.get(0) : "(" + String.join(" || ", terms) + ")";
  }

  @Override
  public String always() {
    return "1";
  }

  @Override
  public String and(String a, String b) {
    if (a.equals("1")) return b;
    return "(" + a + " && " + b + ")";
  }

  @Override
  public String not(String a) {
    return "!" + wrap(a);
  }

  @Override
  public String expr(Expr e, Scope scope) {
    return exprs.expr(e, scope);
  }

  @Override
  public Scope bind(Scope scope, String variable, int value, Type.Scalar type) {
    return scope.bind(variable, value, type);
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
    Integer fixed = exprs.constantValue(i, scope);
    if ((fixed != null && fixed >= domain.lo() && fixed <= domain.hi())
        || exprs.within(i, domain.lo(), domain.hi(), scope)) {
      return null;
    }
    return "(" + text + " < " + domain.lo() + " || " + text + " > " + domain.hi() + ")";
  }

  @Override
  public String containerIndexFails(String container, String i, Scope scope) {
    return "(" + i + " < 0 || " + i + " >= " + length(container, scope) + ")";
  }

  @Override
  public String emptyFails(String container, Scope scope) {
    return "(" + length(container, scope) + " == 0)";
  }

  private String length(String container, Scope scope) {
    return PromelaExpressions.length(exprs.storage(container, scope).name(), scope);
  }

  @Override
  public String divisorFails(Expr divisor, Scope scope) {
    Integer k = exprs.constantValue(divisor, scope);
    if (k != null && k != 0) return null;
    return "(" + exprs.expr(divisor, scope) + " == 0)";
  }

  @Override
  public String negationOverflows(String operand) {
    return "(" + wrap(operand) + " == " + MIN + ")";
  }

  /** Written so that computing the condition cannot overflow C's int itself. */
  @Override
  public String binaryOverflows(String op, String l, String r) {
    String a = wrap(l);
    String c = wrap(r);
    return switch (op) {
      case "+" -> "((" + c + " > 0 && " + a + " > 2147483647 - " + c + ") || (" + c
          + " < 0 && " + a + " < " + MIN + " - " + c + "))";
      case "-" -> "((" + c + " < 0 && " + a + " > 2147483647 + " + c + ") || (" + c
          + " > 0 && " + a + " < " + MIN + " + " + c + "))";
      case "*" -> "((" + a + " > 0 && " + c + " > 0 && " + a + " > 2147483647 / " + c
          + ") || (" + a + " > 0 && " + c + " < 0 && " + c + " < " + MIN + " / " + a
          + ") || (" + a + " < 0 && " + c + " > 0 && " + a + " < " + MIN + " / " + c
          + ") || (" + a + " < 0 && " + c + " < 0 && " + a + " < 2147483647 / " + c + "))";
      default -> "(" + a + " == " + MIN + " && " + c + " == -1)";
    };
  }

  @Override
  public boolean checksInstance(Expr instance, Scope scope) {
    return exprs.constantValue(instance, scope) == null;
  }

  @Override
  public String instanceFails(String i, int n) {
    return "(" + i + " < 0 || " + i + " >= " + n + ")";
  }

  private static String wrap(String s) {
    if (s.matches("[A-Za-z_0-9]+(\\[[^\\]]*\\])?")) return s;
    return s.startsWith("(") && s.endsWith(")") ? s : "(" + s + ")";
  }
}
