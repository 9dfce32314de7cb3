package poolcheck.compile;

import poolcheck.check.CheckedModel;
import poolcheck.system.Site;

/**
 * Compiles the declarations that say what is checked of the states (invariants, the final-state
 * predicate, assumptions, liveness properties and fairness) into the model being built. The
 * checker has typed them, registered the properties with their ids and kept them, conditions as
 * written, in the checked model's {@link CheckedModel#spec()}: in text order, which is the order
 * their coverage sites are numbered in.
 */
final class PropertyCompiler implements CheckedModel.Spec.Visitor<Void> {
  private final Compiling ctx;
  private final Sites sites;
  private final ExprCompiler exprs;
  private final CompiledModel.Builder model;

  PropertyCompiler(Compiling ctx, CompiledModel.Builder model) {
    this.ctx = ctx;
    this.sites = ctx.sites();
    this.exprs = ctx.exprs();
    this.model = model;
  }

  @Override
  public Void invariant(CheckedModel.Invariant inv) {
    Code code = exprs.bool(inv.condition(), Scope.PROPERTY);
    model.invariant(ctx.property(inv.name()).id(), code,
        sites.site(Site.Kind.INVARIANT, inv.pos(), inv.name()));
    model.invariantReads(ctx.property(inv.name()).id(),
        exprs.reads(inv.condition(), Scope.PROPERTY));
    return null;
  }

  @Override
  public Void finalState(CheckedModel.Final fin) {
    if (model.hasFinal()) throw ExprCompiler.unchecked(fin.pos()); // one final only
    model.finalPredicate(exprs.bool(fin.condition(), Scope.PROPERTY),
        sites.site(Site.Kind.FINAL, fin.pos(), null));
    return null;
  }

  @Override
  public Void assume(CheckedModel.Assume a) {
    model.assumption(exprs.bool(a.condition(), Scope.PROPERTY));
    return null;
  }

  @Override
  public Void fairness(CheckedModel.Fairness fair) {
    for (String name : fair.processes()) model.fairness(name, fair.strong());
    return null;
  }

  @Override
  public Void liveness(CheckedModel.Liveness live) {
    Code p = live.p() == null ? null : exprs.bool(live.p(), Scope.PROPERTY);
    Code q = exprs.bool(live.q(), Scope.PROPERTY);
    model.liveness(ctx.property(live.name()), live.kind(), p, q,
        p == null ? -1 : sites.site(Site.Kind.LEADS_TO, live.pos(), live.name()));
    return null;
  }
}
