package poolcheck.check;

import static poolcheck.language.ErrorCode.FOR_OVER_SCALARSET;
import static poolcheck.language.ErrorCode.MISSING_LABEL;
import static poolcheck.language.ErrorCode.NOT_ALLOWED_HERE;
import static poolcheck.language.ErrorCode.NOT_ASSIGNABLE;
import static poolcheck.language.ErrorCode.TYPE_MISMATCH;
import static poolcheck.language.ErrorCode.UNKNOWN_NAME;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import poolcheck.language.Decl;
import poolcheck.language.Expr;
import poolcheck.language.Stmt;

/**
 * Checks the statements of every step and init block once, before anything is compiled, and
 * gives them back as {@link Action}s: what each writes resolved to a local or a global, each
 * {@code choose} and {@code for} domain to its type, each goto to its program-counter value and
 * each assert to the property it reports. A process's steps are checked once for all its
 * instances (a name means the same in each). The expressions inside are typed as they are
 * compiled (compile.ExprCompiler).
 *
 * <p>A statement list is checked last statement first, the order the compiler links it in, so
 * that of two mistakes in one step the same one is reported as before the two were split: the
 * first error abandons its step.
 */
final class StepChecker {
  private final Symbols symbols;
  private final Reports reports;
  private final Names names;

  public StepChecker(Checking ctx) {
    this.symbols = ctx.symbols();
    this.reports = ctx.reports();
    this.names = ctx.names();
  }

  /** The steps of {@code p} in program-counter order; null for a step with an error. */
  public List<CheckedStep> steps(Symbols.Process p) {
    Scope scope = Scope.of(p, 0);
    List<Decl.Step> steps = p.decl.steps();
    List<CheckedStep> out = new ArrayList<>();
    for (int k = 0; k < steps.size(); k++) {
      Decl.Step s = steps.get(k);
      String next = k + 1 < steps.size() ? steps.get(k + 1).label() : "done";
      try {
        ImmutableList<Action> body = block(s.body(), scope, p.name + "_" + s.label());
        out.add(new CheckedStep(s.pos(), k, s.label(), s.kernelFunction(), s.atomicReason(),
            s.guard(), body, k + 1, next));
      } catch (CheckError e) {
        out.add(null);
      }
    }
    return out;
  }

  /** The init blocks in text order, each checked; one with an error is left out. */
  public List<ImmutableList<Action>> inits(List<Decl> decls) {
    List<ImmutableList<Action>> out = new ArrayList<>();
    for (Decl d : decls) {
      if (!(d instanceof Decl.Init init)) continue;
      try {
        out.add(block(init.body(), Scope.INIT, "init"));
      } catch (CheckError e) {
        // recorded
      }
    }
    return out;
  }

  /** The name the engine reports an assert by: its own, or its step's place. */
  public static String assertName(Stmt.Assert a, String place) {
    return a.name() != null ? a.name() : "assert_" + place;
  }

  private ImmutableList<Action> block(List<Stmt> body, Scope scope, String place) {
    Action[] out = new Action[body.size()];
    for (int i = body.size() - 1; i >= 0; i--) {
      out[i] = body.get(i).accept(new Statement(scope, place));
    }
    return ImmutableList.copyOf(out);
  }

  /** One statement checked in its scope ({@code place} names its step's asserts). */
  private final class Statement implements Stmt.Visitor<Action> {
    private final Scope scope;
    private final String place;

    Statement(Scope scope, String place) {
      this.scope = scope;
      this.place = place;
    }

    @Override
    public Action assign(Stmt.Assign a) {
      return new Action.Assign(a.pos(), target(a.target(), scope), a.value());
    }

    @Override
    public Action push(Stmt.Push p) {
      return new Action.Push(p.pos(), container(p.container(), scope), p.value());
    }

    @Override
    public Action pop(Stmt.Pop p) {
      Action.Place container = container(p.container(), scope);
      return new Action.Pop(p.pos(), p.target() == null ? null : target(p.target(), scope),
          container, p.container().pos());
    }

    @Override
    public Action ifElse(Stmt.If i) {
      ImmutableList<Action> then = block(i.then(), scope, place);
      return new Action.If(i.pos(), i.condition(), then, block(i.otherwise(), scope, place));
    }

    @Override
    public Action when(Stmt.When w) {
      return new Action.When(w.pos(), w.condition());
    }

    @Override
    public Action either(Stmt.Either e) {
      ImmutableList.Builder<ImmutableList<Action>> branches = ImmutableList.builder();
      for (List<Stmt> b : e.branches()) branches.add(block(b, scope, place));
      return new Action.Either(e.pos(), branches.build());
    }

    @Override
    public Action choose(Stmt.Choose ch) {
      Scope inner = names.bind(ch.variable(), ch.domain(), scope, ch.pos());
      return new Action.Choose(ch.pos(), ch.variable(), inner.bound().get(ch.variable()).type(),
          block(ch.body(), inner, place));
    }

    @Override
    public Action forEach(Stmt.For f) {
      Scope inner = names.bind(f.variable(), f.domain(), scope, f.pos());
      Type.Scalar domain = inner.bound().get(f.variable()).type();
      if (domain instanceof Type.Symmetric sym) {
        throw reports.error(FOR_OVER_SCALARSET, f.domain().pos(), "for over scalarset "
            + sym.name() + " runs in the order of its values, which breaks its symmetry: use "
            + "choose, or forall/exists/count in expressions");
      }
      return new Action.For(f.pos(), f.variable(), domain, block(f.body(), inner, place));
    }

    @Override
    public Action assertion(Stmt.Assert a) {
      return new Action.Assert(a.pos(), assertName(a, place), a.condition());
    }

    @Override
    public Action jump(Stmt.Goto g) {
      Symbols.Process p = scope.process();
      if (p == null) {
        throw reports.error(NOT_ALLOWED_HERE, g.pos(), "goto is not allowed in init: only "
            + "steps of a process have labels");
      }
      if (g.label().equals("done")) return new Action.Goto(g.pos(), "done", p.doneLabel());
      Integer l = p.labels.get(g.label());
      if (l == null) {
        throw reports.error(MISSING_LABEL, g.pos(), "goto " + g.label() + ": no label '"
            + g.label() + "' in process '" + p.name + "' (labels: "
            + String.join(", ", p.labels.keySet()) + ")");
      }
      return new Action.Goto(g.pos(), g.label(), l);
    }

    @Override
    public Action skip(Stmt.Skip s) {
      return new Action.Skip(s.pos());
    }

    @Override
    public Action lockOp(Stmt.LockOp s) {
      throw new IllegalStateException("lock operations are lowered by the loader: " + s);
    }
  }

  private Action.Place container(Expr container, Scope scope) {
    CheckedModel.Variable v = names.storage(container, scope, "a fifo or lifo");
    names.container(v, container.pos());
    return place(v, scope);
  }

  /** What an assignment or a pop writes: a scalar variable or an element of an array. */
  private Action.Target target(Expr target, Scope scope) {
    if (target instanceof Expr.Name n) {
      if (scope.bound().containsKey(n.name()) || symbols.constants.containsKey(n.name())
          || symbols.enumValues.containsKey(n.name())) {
        throw reports.error(NOT_ASSIGNABLE, target.pos(), "cannot assign to '" + n.name()
            + "': it is not a variable");
      }
      CheckedModel.Variable v = names.variable(n.name(), scope);
      if (v == null) throw reports.error(UNKNOWN_NAME, target.pos(), "unknown name "
          + "'" + n.name() + "'");
      if (!(v.type() instanceof Type.Scalar)) {
        throw reports.error(TYPE_MISMATCH, target.pos(), "type mismatch: cannot assign a value to "
            + n.name() + ", a " + v.type().describe());
      }
      return new Action.Target(place(v, scope), null, target);
    }
    if (target instanceof Expr.Index ix && ix.target() instanceof Expr.Index row) {
      return cellTarget(row, ix, scope);
    }
    if (target instanceof Expr.Index ix) {
      CheckedModel.Variable v = names.storage(ix.target(), scope, "an array");
      if (v.type() instanceof Type.Array a && a.second() != null) {
        throw names.wrongIndexCount(v, a, ix.target().pos(), 1);
      }
      if (!(v.type() instanceof Type.Array)) {
        throw reports.error(NOT_ASSIGNABLE, target.pos(), "cannot assign to an element of "
            + "" + v.name()
            + ", a " + v.type().describe() + (v.type() instanceof Type.Container
                ? ": use push and pop" : ""));
      }
      return new Action.Target(place(v, scope), ix.index(), target);
    }
    throw reports.error(NOT_ASSIGNABLE, target.pos(), "cannot assign to this expression: "
        + "expected a variable or an array element");
  }

  /** {@code owner[p][c] = v}: an element of a two-dimensional array. */
  private Action.Target cellTarget(Expr.Index row, Expr.Index ix, Scope scope) {
    if (row.target() instanceof Expr.Index deeper) {
      CheckedModel.Variable v = names.storage(Names.innermost(deeper), scope, "an array");
      throw names.wrongIndexCount(v, v.type() instanceof Type.Array a ? a : null,
          Names.innermost(deeper).pos(), 3);
    }
    CheckedModel.Variable v = names.storage(row.target(), scope, "an array");
    if (!(v.type() instanceof Type.Array a)) {
      throw reports.error(NOT_ASSIGNABLE, ix.pos(), "cannot assign to an element of "
          + v.name() + ", a " + v.type().describe());
    }
    if (a.second() == null) throw names.wrongIndexCount(v, a, row.target().pos(), 2);
    return new Action.Target(place(v, scope), row.index(), ix, ix.index());
  }

  /** A variable {@link Names#variable} found: the process's local, else the global. */
  private static Action.Place place(CheckedModel.Variable v, Scope scope) {
    boolean local = scope.process() != null
        && scope.process().localTypes.containsKey(v.name());
    return new Action.Place(v.name(), local, v.type());
  }
}
