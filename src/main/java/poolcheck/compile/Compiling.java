package poolcheck.compile;

import poolcheck.check.Checker;
import poolcheck.check.Symbols;
import poolcheck.system.Property;

/**
 * What compiling one checked model shares: the checker's result (its tables, property ids) and
 * the coverage sites met.
 */
record Compiling(Checker checker, Sites sites) {
  Symbols symbols() {
    return checker.symbols();
  }

  /** The property of that name, as the checker registered it. */
  Property property(String name) {
    return checker.properties().get(checker.checked().propertyIds().get(name));
  }

  ExprCompiler exprs() {
    return new ExprCompiler(this);
  }
}
