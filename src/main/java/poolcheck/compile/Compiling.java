package poolcheck.compile;

import poolcheck.check.Checking;
import poolcheck.check.Names;
import poolcheck.check.PropertyTable;
import poolcheck.check.Reports;
import poolcheck.check.Symbols;

/**
 * What compiling one model shares: the checker's tables and reports (step and property
 * expressions are still typed as they are compiled) and the coverage sites met.
 */
record Compiling(Checking checking, Sites sites) {
  Symbols symbols() {
    return checking.symbols();
  }

  Reports reports() {
    return checking.reports();
  }

  PropertyTable properties() {
    return checking.properties();
  }

  Names names() {
    return checking.names();
  }

  ExprCompiler exprs() {
    return new ExprCompiler(this);
  }
}
