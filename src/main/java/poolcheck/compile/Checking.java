package poolcheck.compile;

import poolcheck.check.Symbols;
import poolcheck.check.Reports;
import poolcheck.check.PropertyTable;
import poolcheck.check.Limits;
import poolcheck.check.Type;
import poolcheck.language.Expr;
import poolcheck.language.TypeExpr;

/**
 * What checking one model shares, each part with one job: the name tables being filled, the
 * errors found, the coverage sites met, the properties registered and the limits in force. The
 * expression, statement, type and cost checkers each take this instead of the whole compiler.
 */
record Checking(Symbols symbols, Reports reports, Sites sites, PropertyTable properties,
    Limits limits) {
  ExprCompiler exprs() {
    return new ExprCompiler(this);
  }

  Type resolveType(TypeExpr t) {
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
