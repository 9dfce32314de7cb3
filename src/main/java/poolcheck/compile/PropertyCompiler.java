package poolcheck.compile;

import poolcheck.check.Symbols;
import poolcheck.check.Scope;
import poolcheck.check.Reports;
import poolcheck.check.PropertyTable;
import static poolcheck.language.ErrorCode.DUPLICATE_DECLARATION;
import static poolcheck.language.ErrorCode.UNKNOWN_NAME;

import java.util.ArrayList;
import java.util.List;
import poolcheck.check.CheckedModel;
import poolcheck.language.Decl;
import poolcheck.language.Expr;
import poolcheck.system.Site;

/**
 * Compiles the declarations that say what is checked of the states (invariants, the final-state
 * predicate, assumptions, liveness properties and fairness) into the model being built, once
 * every name and step is known. Properties were registered, with their ids, before any step.
 * The conditions are kept as written too, for the checked model.
 */
final class PropertyCompiler implements Decl.Visitor<Void> {
  private final Symbols symbols;
  private final Reports reports;
  private final Sites sites;
  private final PropertyTable properties;
  private final ExprCompiler exprs;
  private final CompiledModel.Builder model;
  private final List<CheckedModel.Invariant> invariants = new ArrayList<>();
  private Expr finalCondition;
  private final List<Expr> assumptions = new ArrayList<>();

  PropertyCompiler(Compiling ctx, CompiledModel.Builder model) {
    this.symbols = ctx.symbols();
    this.reports = ctx.reports();
    this.sites = ctx.sites();
    this.properties = ctx.properties();
    this.exprs = ctx.exprs();
    this.model = model;
  }

  List<CheckedModel.Invariant> invariants() {
    return invariants;
  }

  /** The final-state predicate as written, null if the model has none. */
  Expr finalCondition() {
    return finalCondition;
  }

  List<Expr> assumptions() {
    return assumptions;
  }

  @Override
  public Void modelName(Decl.ModelName d) {
    return null;
  }

  @Override
  public Void include(Decl.Include d) {
    return null;
  }

  @Override
  public Void constant(Decl.Const d) {
    return null;
  }

  @Override
  public Void typeAlias(Decl.TypeAlias d) {
    return null;
  }

  @Override
  public Void enumeration(Decl.Enum d) {
    return null;
  }

  @Override
  public Void variable(Decl.Var d) {
    return null;
  }

  @Override
  public Void lock(Decl.Lock d) {
    return null;
  }

  @Override
  public Void init(Decl.Init d) {
    return null;
  }

  @Override
  public Void process(Decl.Process d) {
    return null;
  }

  @Override
  public Void inline(Decl.Inline d) {
    return null;
  }

  @Override
  public Void invariant(Decl.Invariant inv) {
    invariants.add(new CheckedModel.Invariant(inv.name(), inv.condition()));
    Code code = exprs.bool(inv.condition(), Scope.PROPERTY);
    model.invariant(properties.get(inv.name()).id(), code,
        sites.site(Site.Kind.INVARIANT, inv.pos(), inv.name()));
    model.invariantReads(properties.get(inv.name()).id(),
        exprs.reads(inv.condition(), Scope.PROPERTY));
    return null;
  }

  @Override
  public Void finalState(Decl.Final fin) {
    finalCondition = fin.condition();
    if (model.hasFinal()) {
      throw reports.error(DUPLICATE_DECLARATION, fin.pos(), "duplicate final-state "
          + "predicate: only one 'final' declaration is allowed");
    }
    model.finalPredicate(exprs.bool(fin.condition(), Scope.PROPERTY),
        sites.site(Site.Kind.FINAL, fin.pos(), null));
    return null;
  }

  @Override
  public Void def(Decl.Def d) {
    return null;
  }

  @Override
  public Void assume(Decl.Assume a) {
    assumptions.add(a.condition());
    model.assumption(exprs.bool(a.condition(), Scope.PROPERTY));
    return null;
  }

  @Override
  public Void fairness(Decl.Fairness fair) {
    for (int k = 0; k < fair.processes().size(); k++) {
      String name = fair.processes().get(k);
      Symbols.Process proc = symbols.processes.get(name);
      if (proc == null) {
        throw reports.error(UNKNOWN_NAME, fair.positions().get(k), "unknown process '" + name
            + "' in fairness declaration");
      }
      model.fairness(name, fair.strong());
    }
    return null;
  }

  @Override
  public Void liveness(Decl.Liveness live) {
    Code p = live.p() == null ? null : exprs.bool(live.p(), Scope.PROPERTY);
    Code q = exprs.bool(live.q(), Scope.PROPERTY);
    model.liveness(properties.get(live.name()), live.kind(), p, q,
        p == null ? -1 : sites.site(Site.Kind.LEADS_TO, live.pos(), live.name()));
    return null;
  }

  @Override
  public Void config(Decl.Config d) {
    return null;
  }
}
