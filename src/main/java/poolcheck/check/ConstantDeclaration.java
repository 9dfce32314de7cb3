package poolcheck.check;

import static poolcheck.language.ErrorCode.BAD_OVERRIDE;
import static poolcheck.language.ErrorCode.NOT_CONSTANT;
import static poolcheck.language.ErrorCode.OUT_OF_RANGE;
import static poolcheck.language.ErrorCode.TYPE_MISMATCH;

import java.util.List;
import java.util.Map;
import poolcheck.language.Decl;
import poolcheck.language.Expr;
import poolcheck.language.Position;

/**
 * A constant's value in force: a -D override, else its setting in the selected configuration,
 * else its default. The value is checked against the default's type, against the constant's
 * own bounds, and for naming the constant itself (it has no value yet to take).
 */
final class ConstantDeclaration {
  private final Checking ctx;
  private final Reports reports;
  /** -D NAME=VALUE, as written, and where each stands on the command line. */
  private final Map<String, String> overrides;
  private final Map<String, Position> overridePositions;
  /** The selected configuration's settings by constant, and its name (null: none). */
  private final Map<String, Decl.Setting> configured;
  private final String configuration;

  ConstantDeclaration(Checking ctx, Map<String, String> overrides,
      Map<String, Position> overridePositions, Map<String, Decl.Setting> configured,
      String configuration) {
    this.ctx = ctx;
    this.reports = ctx.reports();
    this.overrides = overrides;
    this.overridePositions = overridePositions;
    this.configured = configured;
    this.configuration = configuration;
  }

  /** The constant {@code c} with its value in force, or throws what is wrong (reported). */
  CheckedModel.Constant value(Decl.Const c) {
    ExprChecker exprs = ctx.exprs();
    ctx.guard(c.value());
    if (configured.containsKey(c.name())) ctx.guard(configured.get(c.name()).value());
    ownValue(c);
    int value;
    Type kind;
    if (overrides.containsKey(c.name())) {
      Type declaredKind = exprs.constant(c.value(), Scope.GLOBAL).type();
      kind = declaredKind instanceof Type.Scalar s ? s.kind() : declaredKind;
      value = parseOverride(c.name(), overrides.get(c.name()), kind);
    } else if (configured.containsKey(c.name())) {
      Type declaredKind = exprs.constant(c.value(), Scope.GLOBAL).type();
      Decl.Setting setting = configured.get(c.name());
      ExprChecker.Typed t = exprs.constant(setting.value(), Scope.GLOBAL);
      kind = t.type() instanceof Type.Scalar s ? s.kind() : t.type();
      ctx.names().expect(setting.value().pos(), declaredKind, kind, "a value of the same type as "
          + "the default of " + c.name());
      value = exprs.evaluate(t.term(), setting.value().pos());
    } else {
      ExprChecker.Typed t = exprs.constant(c.value(), Scope.GLOBAL);
      kind = t.type() instanceof Type.Scalar s ? s.kind() : t.type();
      value = exprs.evaluate(t.term(), c.value().pos());
    }
    if (kind instanceof Type.Enum) {
      throw reports.error(TYPE_MISMATCH, c.value().pos(), "type mismatch: a constant is an "
          + "integer or a boolean, found " + kind.describe());
    }
    if (c.bounds() != null) {
      Type bounds = ctx.resolveType(c.bounds());
      if (!(bounds instanceof Type.Range r) || kind != Type.INT) {
        throw reports.error(TYPE_MISMATCH, c.bounds().pos(), "type mismatch: the bounds of "
            + "constant '"
            + c.name() + "' must be an integer range");
      }
      if (value < r.lo() || value > r.hi()) {
        Position at = overrides.containsKey(c.name()) ? overridePositions.get(c.name())
            : c.value().pos();
        throw reports.error(OUT_OF_RANGE, at, "constant " + c.name() + " = " + value
            + " is out of its range " + r.describe());
      }
    }
    return new CheckedModel.Constant(c.name(), kind, value, c.pos());
  }

  /**
   * A constant whose value (its default, or its configuration's setting, either perhaps
   * through a def) names the constant itself has no value to take: said here, since the name
   * is declared but not yet valued, which reads elsewhere as an error already reported.
   */
  private void ownValue(Decl.Const c) {
    Decl.Setting setting = configured.get(c.name());
    for (Expr value : setting == null ? List.of(c.value())
        : List.of(c.value(), setting.value())) {
      if (!names(value, c.name())) continue;
      boolean set = setting != null && value == setting.value();
      throw reports.error(NOT_CONSTANT, set ? setting.pos() : c.pos(), "not a constant "
          + "expression: constant '" + c.name() + "' is used in its own " + (set
          ? "setting in configuration '" + configuration + "'" : "value")
          + ", directly or through a def; a value may use only constants declared before it");
    }
  }

  /** Whether {@code e} mentions {@code name} as a value (kinds added later: not seen). */
  private static boolean names(Expr e, String name) {
    if (e instanceof Expr.Name n) return n.name().equals(name);
    if (e instanceof Expr.Index ix) {
      return names(ix.target(), name) || names(ix.index(), name);
    }
    if (e instanceof Expr.Unary u) return names(u.operand(), name);
    if (e instanceof Expr.Binary b) {
      return names(b.left(), name) || names(b.right(), name);
    }
    if (e instanceof Expr.Call call) {
      return call.args().stream().anyMatch(a -> names(a, name));
    }
    return false;
  }

  /** -D is read before the model's names: an expression of them goes in a config block. */
  private static final String LITERAL_ONLY = " (a -D value is a literal; a constant, def or "
      + "expression goes in a config block)";

  private int parseOverride(String name, String text, Type kind) {
    Position at = overridePositions.get(name);
    if (kind == Type.BOOL) {
      if (text.equals("true")) return 1;
      if (text.equals("false")) return 0;
      throw reports.error(BAD_OVERRIDE, at, "-D " + name + "=" + text + ": expected true or false"
          + LITERAL_ONLY);
    }
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw reports.error(BAD_OVERRIDE, at, "-D " + name + "=" + text + ": expected an integer"
          + LITERAL_ONLY);
    }
  }
}
