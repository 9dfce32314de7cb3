package poolcheck.language;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which globals are private to one instance, for {@link StepGranularity}: memory that no other
 * context touches needs no lock and its accesses group freely.
 */
final class PrivateMemory {
  private PrivateMemory() {}

  /**
   * A global touched in steps by one single-instance process only, or only as {@code v[self]} by
   * the instances of one process, is private memory: no other context can observe it between
   * two steps, so its accesses commute with everything (Lipton's both-movers).
   */
  static Set<String> of(List<Decl.Process> processes, Set<String> globals, Set<String> locks) {
    Set<String> out = new HashSet<>();
    Map<String, Set<String>> users = new HashMap<>();
    Set<String> notSelfIndexed = new HashSet<>();
    for (Decl.Process p : processes) {
      Set<String> locals = localNames(p);
      for (Decl.Step s : p.steps()) {
        Uses u = new Uses(p.name(), locals, globals, users, notSelfIndexed);
        if (s.guard() != null) u.expr(s.guard(), Set.of());
        u.block(s.body(), Set.of());
      }
    }
    for (Map.Entry<String, Set<String>> e : users.entrySet()) {
      if (e.getValue().size() != 1 || locks.contains(e.getKey())) continue;
      String only = e.getValue().iterator().next();
      Decl.Process p = processes.stream().filter(q -> q.name().equals(only)).findFirst()
          .orElseThrow();
      boolean single = p.instances() == null
          || (p.instances() instanceof Expr.IntLit n && n.value() == 1);
      if (single || !notSelfIndexed.contains(e.getKey())) out.add(e.getKey());
    }
    return out;
  }

  static Set<String> localNames(Decl.Process p) {
    Set<String> out = new HashSet<>();
    for (Decl.Var v : p.locals()) out.add(v.name());
    return out;
  }

  /** Records which process touches which global, and whether always as {@code v[self]}. */
  private static final class Uses {
    final String process;
    final Set<String> locals;
    final Set<String> globals;
    final Map<String, Set<String>> users;
    final Set<String> notSelfIndexed;

    Uses(String process, Set<String> locals, Set<String> globals,
        Map<String, Set<String>> users, Set<String> notSelfIndexed) {
      this.process = process;
      this.locals = locals;
      this.globals = globals;
      this.users = users;
      this.notSelfIndexed = notSelfIndexed;
    }

    void block(List<Stmt> body, Set<String> bound) {
      for (Stmt s : body) {
        if (s instanceof Stmt.Assign a) {
          expr(a.target(), bound);
          expr(a.value(), bound);
        } else if (s instanceof Stmt.Push p) {
          expr(p.container(), bound);
          expr(p.value(), bound);
        } else if (s instanceof Stmt.Pop p) {
          if (p.target() != null) expr(p.target(), bound);
          expr(p.container(), bound);
        } else if (s instanceof Stmt.If i) {
          expr(i.condition(), bound);
        } else if (s instanceof Stmt.When w) {
          expr(w.condition(), bound);
        }
        Set<String> inner = bound;
        if (s instanceof Stmt.Choose c) inner = StepGranularity.with(bound, c.variable());
        if (s instanceof Stmt.For f) inner = StepGranularity.with(bound, f.variable());
        for (List<Stmt> b : StepGranularity.children(s)) block(b, inner);
      }
    }

    void expr(Expr e, Set<String> bound) {
      if (e instanceof Expr.Name n) {
        touch(n.name(), bound, false);
      } else if (e instanceof Expr.Index ix) {
        if (ix.target() instanceof Expr.Name n) {
          touch(n.name(), bound, ix.index() instanceof Expr.Self);
        } else {
          expr(ix.target(), bound);
        }
        expr(ix.index(), bound);
      } else if (e instanceof Expr.Unary u) {
        expr(u.operand(), bound);
      } else if (e instanceof Expr.Binary b) {
        expr(b.left(), bound);
        expr(b.right(), bound);
      } else if (e instanceof Expr.Call c) {
        for (Expr a : c.args()) expr(a, bound);
      } else if (e instanceof Expr.Quantifier q) {
        expr(q.body(), StepGranularity.with(bound, q.variable()));
      } else if (e instanceof Expr.At at && at.instance() != null) {
        expr(at.instance(), bound);
      }
    }

    private void touch(String name, Set<String> bound, boolean selfIndexed) {
      if (bound.contains(name) || locals.contains(name) || !globals.contains(name)) return;
      users.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(process);
      if (!selfIndexed) notSelfIndexed.add(name);
    }
  }
}
