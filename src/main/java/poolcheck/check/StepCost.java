package poolcheck.check;

import static poolcheck.language.ErrorCode.STEP_TOO_COSTLY;

import java.util.List;
import poolcheck.language.Decl;
import poolcheck.language.Expr;
import poolcheck.language.Position;
import poolcheck.language.Stmt;
import poolcheck.language.TypeExpr;

/**
 * Upper bounds on what one step costs from one state, from the text alone: how many successors
 * it can produce (choose and either multiply them), how long its longest path is (a step runs as
 * a chain of nested calls, loops unrolled) and how many expression nodes it evaluates in all
 * (quantifiers multiply them). A model over the {@link Limits} is refused at load time: a
 * {@code choose} over 2^31 values would otherwise hang the first expansion.
 */
final class StepCost {
  private final Checking ctx;
  private final Limits limits;

  /** One statement list's cost: successors, longest path, total evaluation work. */
  private record Cost(long successors, long length, long work) {
    static final Cost NONE = new Cost(1, 0, 0);
  }

  StepCost(Checking ctx) {
    this.ctx = ctx;
    this.limits = ctx.limits();
  }

  /** Records a PC142 for each step, init block or property over a bound. */
  void check(List<Decl> decls) {
    long initStores = 0;
    for (CheckedModel.Variable v : ctx.symbols().globals.values()) {
      initStores += CheckedModel.width(v.type());
    }
    for (Symbols.Process p : ctx.symbols().processes.values()) {
      for (Type t : p.localTypes.values()) {
        initStores = Limits.plus(initStores, Limits.times(p.instances, CheckedModel.width(t)));
      }
    }
    Bounds bounds = new Bounds(initStores);
    for (Decl d : decls) {
      try {
        d.accept(bounds);
      } catch (CheckError e) {
        // recorded
      }
    }
  }

  /** Each declaration's part of the bound: its steps, init block or property; others add none. */
  private final class Bounds extends Decl.Selective {
    /** Slots the initial assignment stores before any init block runs. */
    private final long initStores;

    Bounds(long initStores) {
      this.initStores = initStores;
    }

    @Override
    public Void init(Decl.Init init) {
      Cost cost = block(init.body());
      bound(init.pos(), "the initial assignment", new Cost(cost.successors,
          Limits.plus(cost.length, initStores), cost.work));
      return null;
    }

    @Override
    public Void process(Decl.Process p) {
      for (Decl.Step s : p.steps()) {
        Cost body = block(s.body());
        long guard = s.guard() == null ? 0 : expr(s.guard());
        bound(s.pos(), "step " + p.name() + "." + s.label(), new Cost(body.successors,
            body.length + 1, Limits.plus(body.work, guard)));
      }
      return null;
    }

    @Override
    public Void invariant(Decl.Invariant inv) {
      return property(inv.pos(), "invariant " + inv.name(), inv.condition());
    }

    @Override
    public Void finalState(Decl.Final f) {
      return property(f.pos(), "the final-state predicate", f.condition());
    }

    @Override
    public Void assume(Decl.Assume a) {
      return property(a.pos(), "the assumption", a.condition());
    }

    @Override
    public Void liveness(Decl.Liveness live) {
      return property(live.pos(), "liveness property " + live.name(), live.p(), live.q());
    }

    /** A property's conditions (a missing one is null), all evaluated in every state. */
    private Void property(Position at, String what, Expr... conditions) {
      long work = 0;
      for (Expr c : conditions) {
        if (c != null) work = Limits.plus(work, expr(c));
      }
      evaluation(at, what, work);
      return null;
    }
  }

  /** A constant expression, evaluated at load time. */
  void constant(Expr e) {
    evaluation(e.pos(), "the constant expression", expr(e), "");
  }

  private void bound(Position at, String what, Cost cost) {
    if (cost.successors > limits.successors()) {
      throw ctx.reports().error(STEP_TOO_COSTLY, at, what + " can produce " + count(cost.successors)
          + " successors from one state (choose and either multiply), more than "
          + limits.successors() + "; " + Limits.raise("max-successors"));
    }
    if (cost.length > limits.stepLength()) {
      throw ctx.reports().error(STEP_TOO_COSTLY, at, what + " runs up to " + count(cost.length)
          + " statements in a row (loops unrolled, array elements initialised one by one), "
          + "more than " + limits.stepLength() + "; " + Limits.raise("max-step-length"));
    }
    evaluation(at, what, cost.work, " from one state");
  }

  private void evaluation(Position at, String what, long work) {
    evaluation(at, what, work, " from one state");
  }

  private void evaluation(Position at, String what, long work, String when) {
    if (work > limits.evaluation()) {
      throw ctx.reports().error(STEP_TOO_COSTLY, at, what + " evaluates up to " + count(work)
          + " expression nodes" + when + " (quantifiers, choose and for multiply), more "
          + "than " + limits.evaluation() + "; " + Limits.raise("max-evaluation"));
    }
  }

  private static String count(long n) {
    return n == Long.MAX_VALUE ? "more than 2^63" : Long.toString(n);
  }

  /** Fold from the end: what follows a branching statement runs once per branch. */
  private Cost block(List<Stmt> body) {
    long successors = 1;
    long length = 0;
    long work = 0;
    for (int i = body.size() - 1; i >= 0; i--) {
      Cost s = statement(body.get(i));
      work = Limits.plus(s.work, Limits.times(s.successors, work));
      successors = Limits.times(s.successors, successors);
      length = Limits.plus(s.length, length);
    }
    return new Cost(successors, length, work);
  }

  private Cost statement(Stmt s) {
    return s.accept(statements);
  }

  /** What one statement costs: the branching ones by their blocks, the rest by their exprs. */
  private final Stmt.Visitor<Cost> statements = new Stmt.Visitor<>() {
    @Override
    public Cost ifElse(Stmt.If i) {
      Cost then = block(i.then());
      Cost otherwise = block(i.otherwise());
      return new Cost(Math.max(then.successors, otherwise.successors),
          Limits.plus(1, Math.max(then.length, otherwise.length)),
          Limits.plus(expr(i.condition()), Math.max(then.work, otherwise.work)));
    }

    @Override
    public Cost either(Stmt.Either e) {
      long successors = 0;
      long length = 0;
      long work = 0;
      for (List<Stmt> b : e.branches()) {
        Cost branch = block(b);
        successors = Limits.plus(successors, branch.successors);
        length = Math.max(length, branch.length);
        work = Limits.plus(work, branch.work);
      }
      return new Cost(successors, Limits.plus(1, length), work);
    }

    @Override
    public Cost choose(Stmt.Choose ch) {
      long n = domain(ch.domain(), "choose");
      Cost body = block(ch.body());
      return new Cost(Limits.times(n, body.successors), Limits.plus(1, body.length),
          Limits.plus(n, Limits.times(n, body.work)));
    }

    @Override
    public Cost forEach(Stmt.For f) {
      long n = domain(f.domain(), "for");
      Cost body = block(f.body());
      return new Cost(Limits.power(body.successors, n),
          Limits.plus(1, Limits.times(n, Limits.plus(body.length, 1))),
          Limits.times(Limits.times(n, Limits.power(body.successors, n)), body.work));
    }

    @Override
    public Cost assign(Stmt.Assign a) {
      return simple(expr(a.target()), expr(a.value()));
    }

    @Override
    public Cost push(Stmt.Push p) {
      return simple(expr(p.container()), expr(p.value()));
    }

    @Override
    public Cost pop(Stmt.Pop p) {
      return simple(p.target() == null ? 0 : expr(p.target()), expr(p.container()));
    }

    @Override
    public Cost when(Stmt.When w) {
      return simple(expr(w.condition()));
    }

    @Override
    public Cost assertion(Stmt.Assert a) {
      return simple(expr(a.condition()));
    }

    @Override
    public Cost jump(Stmt.Goto g) {
      return simple();
    }

    @Override
    public Cost skip(Stmt.Skip k) {
      return simple();
    }

    @Override
    public Cost lockOp(Stmt.LockOp l) {
      return simple();
    }
  };

  /** A statement that neither branches nor loops: one in a row, its expressions' work. */
  private static Cost simple(long... exprWork) {
    long work = 0;
    for (long w : exprWork) work = Limits.plus(work, w);
    return new Cost(1, 1, work);
  }

  /** Expression nodes evaluated, quantifier bodies once per value of the domain. */
  private long expr(Expr e) {
    return e.accept(exprs);
  }

  private final Expr.Visitor<Long> exprs = new Expr.Visitor<>() {
    @Override
    public Long intLit(Expr.IntLit e) {
      return 1L;
    }

    @Override
    public Long boolLit(Expr.BoolLit e) {
      return 1L;
    }

    @Override
    public Long name(Expr.Name e) {
      return 1L;
    }

    @Override
    public Long self(Expr.Self e) {
      return 1L;
    }

    @Override
    public Long index(Expr.Index e) {
      return node(expr(e.target()), expr(e.index()));
    }

    @Override
    public Long unary(Expr.Unary e) {
      return node(expr(e.operand()));
    }

    @Override
    public Long binary(Expr.Binary e) {
      return node(expr(e.left()), expr(e.right()));
    }

    @Override
    public Long call(Expr.Call e) {
      return node(e.args().stream().mapToLong(StepCost.this::expr).toArray());
    }

    @Override
    public Long at(Expr.At e) {
      return e.instance() == null ? 1L : node(expr(e.instance()));
    }

    @Override
    public Long quantifier(Expr.Quantifier q) {
      long n = domain(q.domain(), q.kind());
      return Limits.plus(1, Limits.times(n, expr(q.body())));
    }

    @Override
    public Long localOf(Expr.LocalOf e) {
      return e.instance() == null ? 1L : node(expr(e.instance()));
    }

    @Override
    public Long recordLit(Expr.RecordLit r) {
      throw new IllegalStateException("records are flattened by the loader");
    }
  };

  /** One node and its operands' work. */
  private static long node(long... operands) {
    long work = 1;
    for (long w : operands) work = Limits.plus(work, w);
    return work;
  }

  private long domain(TypeExpr t, String what) {
    Type type = ctx.resolveType(t);
    if (!(type instanceof Type.Scalar s)) return 1; // reported where the statement is compiled
    return Limits.values(s);
  }
}
