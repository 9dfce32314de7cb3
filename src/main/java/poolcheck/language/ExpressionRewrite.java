package poolcheck.language;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * Rebuilds a declaration with every expression in it passed through {@link #expr}: the walk the
 * loader's passes over expressions share (def expansion, record fields). A pass overrides what
 * it does differently: its expressions, what a bound variable means ({@link #binding}), a
 * process's scope ({@link #inProcess}), the names a goto or a lock operation gives ({@link
 * #jump}, {@link #lockOp}); a declaration with no expression is kept as it is.
 */
abstract class ExpressionRewrite implements Decl.Visitor<Decl> {
  abstract Expr expr(Expr e);

  /** The rewrite of a {@code choose} or {@code for} body, where {@code variable} is bound. */
  ExpressionRewrite binding(String variable, Position pos) {
    return this;
  }

  /** The rewrite of a process's guards and step bodies. */
  ExpressionRewrite inProcess(Decl.Process p) {
    return this;
  }

  /**
   * {@code e} with each expression in it passed through {@link #expr}, and a quantifier's body
   * through its {@link #binding}: what a pass returns for the kinds it does not treat itself.
   * A visitor, not a chain of tests, so that a new kind of expression cannot pass through
   * unrewritten.
   */
  final Expr children(Expr e) {
    return e.accept(children);
  }

  private final Expr.Visitor<Expr> children = new Expr.Visitor<>() {
    @Override
    public Expr intLit(Expr.IntLit e) {
      return e;
    }

    @Override
    public Expr boolLit(Expr.BoolLit e) {
      return e;
    }

    @Override
    public Expr name(Expr.Name e) {
      return e;
    }

    @Override
    public Expr self(Expr.Self e) {
      return e;
    }

    @Override
    public Expr index(Expr.Index ix) {
      return new Expr.Index(ix.pos(), expr(ix.target()), expr(ix.index()));
    }

    @Override
    public Expr unary(Expr.Unary u) {
      return new Expr.Unary(u.pos(), u.op(), expr(u.operand()));
    }

    @Override
    public Expr binary(Expr.Binary b) {
      return new Expr.Binary(b.pos(), b.op(), expr(b.left()), expr(b.right()));
    }

    @Override
    public Expr call(Expr.Call c) {
      ImmutableList.Builder<Expr> args = ImmutableList.builder();
      for (Expr a : c.args()) args.add(expr(a));
      return new Expr.Call(c.pos(), c.function(), args.build());
    }

    @Override
    public Expr at(Expr.At at) {
      return new Expr.At(at.pos(), at.process(), at.instance() == null ? null
          : expr(at.instance()), at.label(), at.labelPos());
    }

    @Override
    public Expr quantifier(Expr.Quantifier q) {
      TypeExpr domain = domain(q.domain());
      return new Expr.Quantifier(q.pos(), q.kind(), q.variable(), domain,
          binding(q.variable(), q.pos()).expr(q.body()));
    }

    @Override
    public Expr localOf(Expr.LocalOf l) {
      return new Expr.LocalOf(l.pos(), l.process(), l.instance() == null ? null
          : expr(l.instance()), l.local(), l.localPos());
    }

    @Override
    public Expr recordLit(Expr.RecordLit e) {
      return e; // taken apart by Records, or refused by the checker: no pass looks inside
    }
  };

  /** A domain of {@code choose}, {@code for} or a quantifier: a range's bounds rewritten. */
  TypeExpr domain(TypeExpr t) {
    if (t instanceof TypeExpr.Range r) {
      return new TypeExpr.Range(r.pos(), expr(r.lo()), expr(r.hi()));
    }
    return t;
  }

  final ImmutableList<Stmt> block(List<Stmt> body) {
    ImmutableList.Builder<Stmt> out = ImmutableList.builder();
    for (Stmt s : body) out.add(stmt(s));
    return out.build();
  }

  final Stmt stmt(Stmt s) {
    return s.accept(statements);
  }

  private final Stmt.Visitor<Stmt> statements = new Stmt.Visitor<>() {
    @Override
    public Stmt assign(Stmt.Assign a) {
      return new Stmt.Assign(a.pos(), expr(a.target()), expr(a.value()));
    }

    @Override
    public Stmt push(Stmt.Push p) {
      return new Stmt.Push(p.pos(), expr(p.container()), expr(p.value()));
    }

    @Override
    public Stmt pop(Stmt.Pop p) {
      return new Stmt.Pop(p.pos(), p.target() == null ? null : expr(p.target()),
          expr(p.container()));
    }

    @Override
    public Stmt ifElse(Stmt.If i) {
      return new Stmt.If(i.pos(), expr(i.condition()), block(i.then()), block(i.otherwise()));
    }

    @Override
    public Stmt when(Stmt.When w) {
      return new Stmt.When(w.pos(), expr(w.condition()));
    }

    @Override
    public Stmt either(Stmt.Either e) {
      ImmutableList.Builder<ImmutableList<Stmt>> branches = ImmutableList.builder();
      for (ImmutableList<Stmt> branch : e.branches()) branches.add(block(branch));
      return new Stmt.Either(e.pos(), branches.build());
    }

    @Override
    public Stmt choose(Stmt.Choose c) {
      TypeExpr domain = domain(c.domain());
      return new Stmt.Choose(c.pos(), c.variable(), domain,
          binding(c.variable(), c.pos()).block(c.body()));
    }

    @Override
    public Stmt forEach(Stmt.For f) {
      TypeExpr domain = domain(f.domain());
      return new Stmt.For(f.pos(), f.variable(), domain,
          binding(f.variable(), f.pos()).block(f.body()));
    }

    @Override
    public Stmt assertion(Stmt.Assert a) {
      return new Stmt.Assert(a.pos(), a.name(), expr(a.condition()));
    }

    @Override
    public Stmt jump(Stmt.Goto g) {
      return ExpressionRewrite.this.jump(g);
    }

    @Override
    public Stmt skip(Stmt.Skip k) {
      return k;
    }

    @Override
    public Stmt lockOp(Stmt.LockOp l) {
      return ExpressionRewrite.this.lockOp(l);
    }
  };

  /** A goto names a label, not an expression: kept, unless a pass renames labels. */
  Stmt jump(Stmt.Goto g) {
    return g;
  }

  /** A lock operation names a lock, not an expression: kept, unless a pass renames locks. */
  Stmt lockOp(Stmt.LockOp l) {
    return l;
  }

  /** A process's steps, guards and bodies rewritten in its scope. */
  final ImmutableList<Decl.Step> steps(Decl.Process p) {
    ExpressionRewrite in = inProcess(p);
    ImmutableList.Builder<Decl.Step> steps = ImmutableList.builder();
    for (Decl.Step s : p.steps()) {
      steps.add(new Decl.Step(s.pos(), s.label(), s.kernelFunction(), s.guard() == null ? null
          : in.expr(s.guard()), in.block(s.body()), s.atomicReason()));
    }
    return steps.build();
  }

  @Override
  public Decl modelName(Decl.ModelName d) {
    return d;
  }

  @Override
  public Decl include(Decl.Include d) {
    return d;
  }

  @Override
  public Decl constant(Decl.Const c) {
    return new Decl.Const(c.pos(), c.name(), c.bounds(), expr(c.value()));
  }

  @Override
  public Decl typeAlias(Decl.TypeAlias d) {
    return d;
  }

  @Override
  public Decl enumeration(Decl.Enum d) {
    return d;
  }

  @Override
  public Decl variable(Decl.Var v) {
    return new Decl.Var(v.pos(), v.name(), v.type(), v.init() == null ? null : expr(v.init()),
        v.guard(), v.ghost());
  }

  @Override
  public Decl lock(Decl.Lock d) {
    return d;
  }

  @Override
  public Decl init(Decl.Init i) {
    return new Decl.Init(i.pos(), block(i.body()));
  }

  @Override
  public Decl process(Decl.Process p) {
    return new Decl.Process(p.pos(), p.name(), p.instances(), p.locals(), steps(p), p.uses());
  }

  @Override
  public Decl inline(Decl.Inline d) {
    return d; // expanded into the processes that use it, rewritten there
  }

  @Override
  public Decl invariant(Decl.Invariant i) {
    return new Decl.Invariant(i.pos(), i.name(), expr(i.condition()));
  }

  @Override
  public Decl finalState(Decl.Final f) {
    return new Decl.Final(f.pos(), expr(f.condition()));
  }

  @Override
  public Decl def(Decl.Def d) {
    return d;
  }

  @Override
  public Decl assume(Decl.Assume a) {
    return new Decl.Assume(a.pos(), expr(a.condition()));
  }

  @Override
  public Decl fairness(Decl.Fairness d) {
    return d;
  }

  @Override
  public Decl liveness(Decl.Liveness l) {
    return new Decl.Liveness(l.pos(), l.name(), l.kind(), l.p() == null ? null : expr(l.p()),
        expr(l.q()));
  }

  @Override
  public Decl config(Decl.Config d) {
    return d;
  }
}
