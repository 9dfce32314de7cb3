package poolcheck.language;

import com.google.common.collect.ImmutableList;

/** Top-level declarations. */
public sealed interface Decl {
  Position pos();

  /** Calls the visitor's method for this kind of declaration. */
  <R> R accept(Visitor<R> v);

  /**
   * One method per kind of declaration: a pass written as a visitor is exhaustive, so a new kind
   * fails to compile until every such pass says what it does with it (an {@code instanceof}
   * chain would let it fall through unnoticed).
   */
  interface Visitor<R> {
    R modelName(ModelName d);

    R include(Include d);

    R constant(Const d);

    R typeAlias(TypeAlias d);

    R enumeration(Enum d);

    R variable(Var d);

    R lock(Lock d);

    R init(Init d);

    R process(Process d);

    R inline(Inline d);

    R invariant(Invariant d);

    R finalState(Final d);

    R def(Def d);

    R assume(Assume d);

    R fairness(Fairness d);

    R liveness(Liveness d);

    R config(Config d);
  }

  /**
   * A pass with work for only some kinds of declaration (the cost bounds, the property
   * compiler, the checker's first pass): it overrides those and passes over every other kind,
   * here in one place instead of a page of empty methods in each. A pass that must decide about
   * every kind implements {@link Visitor} itself; a new kind added here is passed over by these,
   * so adding one means reading their subclasses ({@code extends Decl.Selective}).
   */
  abstract class Selective implements Visitor<Void> {
    @Override
    public Void modelName(ModelName d) {
      return null;
    }

    @Override
    public Void include(Include d) {
      return null;
    }

    @Override
    public Void constant(Const d) {
      return null;
    }

    @Override
    public Void typeAlias(TypeAlias d) {
      return null;
    }

    @Override
    public Void enumeration(Enum d) {
      return null;
    }

    @Override
    public Void variable(Var d) {
      return null;
    }

    @Override
    public Void lock(Lock d) {
      return null;
    }

    @Override
    public Void init(Init d) {
      return null;
    }

    @Override
    public Void process(Process d) {
      return null;
    }

    @Override
    public Void inline(Inline d) {
      return null;
    }

    @Override
    public Void invariant(Invariant d) {
      return null;
    }

    @Override
    public Void finalState(Final d) {
      return null;
    }

    @Override
    public Void def(Def d) {
      return null;
    }

    @Override
    public Void assume(Assume d) {
      return null;
    }

    @Override
    public Void fairness(Fairness d) {
      return null;
    }

    @Override
    public Void liveness(Liveness d) {
      return null;
    }

    @Override
    public Void config(Config d) {
      return null;
    }
  }

  record ModelName(Position pos, String name) implements Decl {
    public <R> R accept(Visitor<R> v) {
      return v.modelName(this);
    }
  }

  /** Removed by the {@link ModelLoader}, which splices in the named file's declarations. */
  record Include(Position pos, String path) implements Decl {
    public <R> R accept(Visitor<R> v) {
      return v.include(this);
    }
  }

  /** bounds is null when the constant is unbounded. */
  record Const(Position pos, String name, TypeExpr bounds, Expr value) implements Decl {
    public <R> R accept(Visitor<R> v) {
      return v.constant(this);
    }
  }

  record TypeAlias(Position pos, String name, TypeExpr type) implements Decl {
    public <R> R accept(Visitor<R> v) {
      return v.typeAlias(this);
    }
  }

  record Enum(Position pos, String name, ImmutableList<String> values,
      ImmutableList<Position> valuePositions) implements Decl {
    public <R> R accept(Visitor<R> v) {
      return v.enumeration(this);
    }
  }

  /**
   * init is null when the variable takes its type's default; guard is null for a variable no
   * lock protects. A ghost variable ({@code ghost var}) is the model's bookkeeping, not memory:
   * steps write it freely and only assertions and properties read it.
   */
  record Var(Position pos, String name, TypeExpr type, Expr init, Guard guard, boolean ghost)
      implements Decl {
    public <R> R accept(Visitor<R> v) {
      return v.variable(this);
    }

    public Var(Position pos, String name, TypeExpr type, Expr init) {
      this(pos, name, type, init, null, false);
    }
  }

  /**
   * {@code guarded_by lock} on a variable: every access holds the lock. {@code readOnce}: readers
   * may skip the lock on purpose (READ_ONCE), each such read counting as an unguarded access.
   */
  record Guard(Position pos, String lock, boolean readOnce) {}

  /** {@code lock producer_lock;}: free, or held by one process instance. */
  record Lock(Position pos, String name) implements Decl {
    public <R> R accept(Visitor<R> v) {
      return v.lock(this);
    }
  }

  record Init(Position pos, ImmutableList<Stmt> body) implements Decl {
    public <R> R accept(Visitor<R> v) {
      return v.init(this);
    }
  }

  /** instances is null for a single-instance process. */
  /**
   * A process. {@code uses} are inline expansions still to splice in, each before the step at
   * its index; the {@link ModelLoader} expands them, so later stages see only steps.
   */
  record Process(Position pos, String name, Expr instances, ImmutableList<Var> locals,
      ImmutableList<Step> steps, ImmutableList<InlineUse> uses) implements Decl {
    public <R> R accept(Visitor<R> v) {
      return v.process(this);
    }

    public Process(Position pos, String name, Expr instances, ImmutableList<Var> locals,
        ImmutableList<Step> steps) {
      this(pos, name, instances, locals, steps, ImmutableList.of());
    }
  }

  /**
   * A named sequence of steps shared by several processes, like Promela's inline:
   * {@code inline return_page(back) { unmap: {...} put: {... goto back; } }}. A parameter
   * stands for a label in gotos and for an expression elsewhere.
   */
  record Inline(Position pos, String name, ImmutableList<String> parameters,
      ImmutableList<Step> steps) implements Decl {
    public <R> R accept(Visitor<R> v) {
      return v.inline(this);
    }
  }

  /** {@code inline return_page(poll);} inside a process, before the step at {@code index}. */
  record InlineUse(Position pos, String name, ImmutableList<Expr> arguments, int index) {}

  record Invariant(Position pos, String name, Expr condition) implements Decl {
    public <R> R accept(Visitor<R> v) {
      return v.invariant(this);
    }
  }

  record Final(Position pos, Expr condition) implements Decl {
    public <R> R accept(Visitor<R> v) {
      return v.finalState(this);
    }
  }

  /**
   * {@code def NAME(params) = body;}: a named expression, expanded at each use with the
   * arguments in place of the parameters (removed by the {@link ModelLoader}: later stages see
   * only expressions). A def without parameters is used by its name.
   */
  record Def(Position pos, String name, ImmutableList<String> parameters,
      ImmutableList<Position> parameterPositions, Expr body) implements Decl {
    public <R> R accept(Visitor<R> v) {
      return v.def(this);
    }
  }

  /**
   * {@code assume EXPR;}: a state constraint, TLC's CONSTRAINT: a reachable state where it is
   * false is checked against the invariants but not stored, counted or expanded.
   */
  record Assume(Position pos, Expr condition) implements Decl {
    public <R> R accept(Visitor<R> v) {
      return v.assume(this);
    }
  }

  /** Fairness of process instances: weak (WF) or strong (SF), for every instance of each. */
  record Fairness(Position pos, boolean strong, ImmutableList<String> processes,
      ImmutableList<Position> positions) implements Decl {
    public <R> R accept(Visitor<R> v) {
      return v.fairness(this);
    }
  }

  /**
   * A liveness property, always in leads-to form: EVENTUALLY is "initial ~> q", INFINITELY is
   * "true ~> q" (always eventually), LEADS_TO is "p ~> q". p is null for the first two.
   */
  record Liveness(Position pos, String name, LivenessKind kind, Expr p, Expr q)
      implements Decl {
    public <R> R accept(Visitor<R> v) {
      return v.liveness(this);
    }
  }

  enum LivenessKind {
    EVENTUALLY, INFINITELY, LEADS_TO
  }

  /** A documented configuration: constant values the proofs ledger checks the model at. */
  record Config(Position pos, String name, ImmutableList<Setting> settings) implements Decl {
    public <R> R accept(Visitor<R> v) {
      return v.config(this);
    }
  }

  record Setting(Position pos, String constant, Expr value) {}

  /**
   * A labelled atomic step; kernelFunction and guard may be null. atomicReason is non-null for
   * {@code atomic "reason"}: the step stands for one hardware atomic (cmpxchg, atomic_inc) and
   * may make several unguarded accesses.
   */
  record Step(Position pos, String label, String kernelFunction, Expr guard,
      ImmutableList<Stmt> body, String atomicReason) {
    public Step(Position pos, String label, String kernelFunction, Expr guard,
        ImmutableList<Stmt> body) {
      this(pos, label, kernelFunction, guard, body, null);
    }
  }
}
