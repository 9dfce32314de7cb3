package poolcheck.language;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lowers first-class locks to the core language once {@link StepGranularity} has checked how the
 * model's steps group their accesses. A lock is a variable holding its owner: 0 when free, else
 * 1 + the instance's index among all instances in declaration order. {@code lock(l)} is a guarded
 * assignment (blocks while another instance holds it), {@code unlock(l)} an assignment, and the
 * misuses become named assertions, so the compiled stepper, the reference interpreter and both
 * exports see plain variables and agree on locks without knowing about them.
 */
public final class Locks {
  public static final String REACQUIRED = "lock_reacquired";
  public static final String NOT_HELD = "lock_not_held";
  public static final String HELD_AT_EXIT = "lock_held_at_exit";

  private final List<String> locks = new ArrayList<>();

  private Locks() {}

  /**
   * Checks the model's step granularity and lowers its locks. The rule applies to a model that
   * uses the vocabulary (a lock, a guard, a ghost, an atomic step); other models are returned
   * unchanged until every shipped model follows it (docs/language.md, "Step granularity").
   */
  public static ImmutableList<Decl> lower(ImmutableList<Decl> decls) throws ModelException {
    if (!usesLocking(decls)) return decls;
    StepGranularity.check(decls);
    return new Locks().rewrite(decls);
  }

  /**
   * Lowers without checking the rule: only for tests that show what the rule prevents (a folded
   * step that verifies although the split one fails).
   */
  static ImmutableList<Decl> lowerWithoutTheRule(ImmutableList<Decl> decls) {
    return new Locks().rewrite(decls);
  }

  private static boolean usesLocking(List<Decl> decls) {
    for (Decl d : decls) {
      if (d instanceof Decl.Lock || d instanceof Decl.Var v && (v.guard() != null || v.ghost())) {
        return true;
      }
      if (d instanceof Decl.Process p) {
        if (p.locals().stream().anyMatch(v -> v.guard() != null)) return true;
        for (Decl.Step s : p.steps()) {
          if (s.atomicReason() != null || hasLockOp(s.body())) return true;
        }
      }
      if (d instanceof Decl.Init i && hasLockOp(i.body())) return true;
    }
    return false;
  }

  private static boolean hasLockOp(List<Stmt> body) {
    for (Stmt s : body) {
      if (s instanceof Stmt.LockOp || s.blocks().stream().anyMatch(Locks::hasLockOp)) {
        return true;
      }
    }
    return false;
  }

  private ImmutableList<Decl> rewrite(ImmutableList<Decl> decls) {
    Map<String, Expr> ownerBase = new LinkedHashMap<>();
    Expr total = null;
    for (Decl d : decls) {
      if (d instanceof Decl.Lock l) locks.add(l.name());
      if (d instanceof Decl.Process p) {
        ownerBase.put(p.name(), total);
        Expr count = instances(p);
        total = total == null ? count : new Expr.Binary(p.pos(), "+", total, count);
      }
    }
    ImmutableList.Builder<Decl> out = ImmutableList.builder();
    for (Decl d : decls) {
      if (d instanceof Decl.Lock l) {
        Expr hi = total == null ? new Expr.IntLit(l.pos(), 0) : total;
        out.add(new Decl.Var(l.pos(), l.name(),
            new TypeExpr.Range(l.pos(), new Expr.IntLit(l.pos(), 0), hi),
            new Expr.IntLit(l.pos(), 0)));
      } else if (d instanceof Decl.Var v && (v.guard() != null || v.ghost())) {
        out.add(new Decl.Var(v.pos(), v.name(), v.type(), v.init()));
      } else if (d instanceof Decl.Process p) {
        out.add(process(p, ownerBase.get(p.name())));
      } else {
        out.add(d);
      }
    }
    return out.build();
  }

  private static Expr instances(Decl.Process p) {
    return p.instances() == null ? new Expr.IntLit(p.pos(), 1) : p.instances();
  }

  private Decl.Process process(Decl.Process p, Expr base) {
    Position at = p.pos();
    Expr first = base == null ? new Expr.IntLit(at, 1)
        : new Expr.Binary(at, "+", new Expr.IntLit(at, 1), base);
    Expr me = new Expr.Binary(at, "+", first, new Expr.Self(at));
    ImmutableList.Builder<Decl.Step> steps = ImmutableList.builder();
    for (int k = 0; k < p.steps().size(); k++) {
      Decl.Step s = p.steps().get(k);
      ImmutableList.Builder<Stmt> body = ImmutableList.builder();
      body.addAll(block(s.body(), me));
      // Falling off the last step ends the process: a body that reaches its end there exits.
      if (k == p.steps().size() - 1 && !locks.isEmpty()) body.add(exitCheck(s.pos(), me));
      steps.add(new Decl.Step(s.pos(), s.label(), s.kernelFunction(), s.guard(), body.build(),
          s.atomicReason()));
    }
    return new Decl.Process(p.pos(), p.name(), p.instances(), p.locals(), steps.build());
  }

  private ImmutableList<Stmt> block(List<Stmt> body, Expr me) {
    ImmutableList.Builder<Stmt> out = ImmutableList.builder();
    for (Stmt s : body) {
      if (s instanceof Stmt.LockOp l) {
        Expr lock = new Expr.Name(l.lockPos(), l.lock());
        Position at = l.pos();
        if (l.acquire()) {
          out.add(new Stmt.Assert(at, REACQUIRED, new Expr.Binary(at, "!=", lock, me)));
          out.add(new Stmt.When(at, new Expr.Binary(at, "==", lock, new Expr.IntLit(at, 0))));
          out.add(new Stmt.Assign(at, lock, me));
        } else {
          out.add(new Stmt.Assert(at, NOT_HELD, new Expr.Binary(at, "==", lock, me)));
          out.add(new Stmt.Assign(at, lock, new Expr.IntLit(at, 0)));
        }
      } else if (s instanceof Stmt.Goto g && g.label().equals("done") && !locks.isEmpty()) {
        out.add(exitCheck(g.pos(), me));
        out.add(g);
      } else if (s instanceof Stmt.If i) {
        out.add(new Stmt.If(i.pos(), i.condition(), block(i.then(), me), block(i.otherwise(),
            me)));
      } else if (s instanceof Stmt.Either e) {
        ImmutableList.Builder<ImmutableList<Stmt>> branches = ImmutableList.builder();
        for (ImmutableList<Stmt> b : e.branches()) branches.add(block(b, me));
        out.add(new Stmt.Either(e.pos(), branches.build()));
      } else if (s instanceof Stmt.Choose c) {
        out.add(new Stmt.Choose(c.pos(), c.variable(), c.domain(), block(c.body(), me)));
      } else if (s instanceof Stmt.For f) {
        out.add(new Stmt.For(f.pos(), f.variable(), f.domain(), block(f.body(), me)));
      } else {
        out.add(s);
      }
    }
    return out.build();
  }

  /** {@code assert lock_held_at_exit: l1 != me && l2 != me ...;} before the process ends. */
  private Stmt exitCheck(Position at, Expr me) {
    Expr all = null;
    for (String l : locks) {
      Expr free = new Expr.Binary(at, "!=", new Expr.Name(at, l), me);
      all = all == null ? free : new Expr.Binary(at, "&&", all, free);
    }
    return new Stmt.Assert(at, HELD_AT_EXIT, all);
  }
}
