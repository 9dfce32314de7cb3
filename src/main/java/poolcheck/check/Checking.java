package poolcheck.check;

import poolcheck.language.Expr;
import poolcheck.language.TypeExpr;

/**
 * What checking one model shares, each part with one job: the name tables being filled, the
 * errors found, the properties registered and the limits in force. The constant, statement,
 * type and cost checkers (and the expression compiler, which still types step expressions as it
 * compiles them) each take this instead of the whole checker.
 */
record Checking(Symbols symbols, Reports reports, PropertyTable properties,
    Limits limits) {
  public Names names() {
    return new Names(this);
  }

  ExprChecker exprs() {
    return new ExprChecker(this);
  }

  public Type resolveType(TypeExpr t) {
    return new TypeResolver(this).resolve(t);
  }

  /** A type that can be stored: anything but int. */
  Type resolveVariableType(TypeExpr t) {
    return new TypeResolver(this).resolveVariable(t);
  }

  /**
   * A constant expression is evaluated while the model loads: one with a quantifier over 2^31
   * values would hang the load, so its cost is bounded like a step's (PC142).
   */
  void guard(Expr e) {
    new StepCost(this).constant(e);
  }
}
