package poolcheck.compile;

import poolcheck.check.CheckedModel;
import poolcheck.system.Property;

/**
 * What compiling one checked model shares: the frozen result of checking (names, slots,
 * property ids, checked steps) and the coverage sites met.
 */
record Compiling(CheckedModel checked, Sites sites) {
  /** The property of that name, as the checker registered it. */
  Property property(String name) {
    return checked.property(name);
  }

  ExprCompiler exprs() {
    return new ExprCompiler(this);
  }
}
