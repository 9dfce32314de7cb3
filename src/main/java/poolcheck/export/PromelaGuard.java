package poolcheck.export;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import poolcheck.check.Action;
import poolcheck.check.Type;
import poolcheck.export.PromelaExpressions.Scope;
import poolcheck.export.PromelaExpressions.Substitution;
import poolcheck.export.StepPaths.Cond;
import poolcheck.export.StepPaths.Leaf;
import poolcheck.export.StepPaths.Node;
import poolcheck.language.Expr;

/**
 * The condition, over the state before a step, under which one of its ways through runs to its
 * end (or to a goto) without a {@code when} blocking: SPIN must not start a d_step that would
 * block part-way. What the way assigned before a when is substituted, slot by slot. Only Promela
 * needs it: a TLA+ action is a formula over the state before the step already.
 */
final class PromelaGuard {
  private final PromelaExpressions exprs;
  private final PromelaChecks checks;
  private final Checked checked;

  PromelaGuard(PromelaExpressions exprs, PromelaChecks checks, Checked checked) {
    this.exprs = exprs;
    this.checks = checks;
    this.checked = checked;
  }

  String enabled(List<Node> nodes, int from, Scope scope) {
    for (int n = from; n < nodes.size(); n++) {
      if (!hasWhen(nodes.subList(n, nodes.size()))) return "1";
      Node node = nodes.get(n);
      Substitution sub = scope.substitution();
      if (node instanceof Cond c) {
        Scope here = scope.with(c.bindings(), sub);
        String condition = exprs.expr(c.action().condition(), here);
        String a = enabled(then(c, nodes, n), 0, scope.with(scope.bindings(), sub.copy()));
        String b = enabled(otherwise(c, nodes, n), 0, scope.with(scope.bindings(), sub.copy()));
        String fails = PromelaChecks.any(checks.of(c.action().condition(), here));
        if (a.equals(b)) return or(fails, a);
        return or(fails, "(" + condition + " -> " + a + " : " + b + ")");
      }
      Leaf leaf = (Leaf) node;
      Scope here = scope.with(leaf.bindings(), sub);
      Action s = leaf.action();
      if (s instanceof Action.When w) {
        String condition = exprs.expr(w.condition(), here);
        String fails = PromelaChecks.any(checks.of(w.condition(), here));
        return or(fails, and(condition, enabled(nodes, n + 1, scope)));
      } else if (s instanceof Action.Goto) {
        return "1";
      }
      // A statement that breaks a property ends its path with a violation, which poolcheck
      // reports: the path counts as enabled even though a later when would block.
      String broken = breaks(s, here);
      record(s, here);
      if (broken != null) return or(broken, enabled(nodes, n + 1, scope));
    }
    return "1";
  }

  /** The way through when the if at {@code nodes[n]} takes its then branch. */
  private static List<Node> then(Cond c, List<Node> nodes, int n) {
    List<Node> out = new ArrayList<>(c.then());
    out.addAll(nodes.subList(n + 1, nodes.size()));
    return out;
  }

  /** The way through when the if at {@code nodes[n]} takes its else branch. */
  private static List<Node> otherwise(Cond c, List<Node> nodes, int n) {
    List<Node> out = new ArrayList<>(c.otherwise());
    out.addAll(nodes.subList(n + 1, nodes.size()));
    return out;
  }

  /** Records in the scope's substitution what statement {@code s} writes. */
  private void record(Action s, Scope here) {
    Substitution sub = here.substitution();
    if (s instanceof Action.Assign a) {
      assign(a.target(), exprs.expr(a.value(), here), here);
    } else if (s instanceof Action.Push push) {
      Storage c = exprs.storage(push.container(), here);
      Type.Container ct = push.type();
      String v = exprs.expr(push.value(), here);
      String len = PromelaExpressions.length(c.name(), here);
      Map<String, String> next = new LinkedHashMap<>();
      for (int k = 0; k < ct.capacity(); k++) {
        next.put(c.name() + "#" + k, "(" + len + " == " + k + " -> " + v + " : "
            + PromelaExpressions.element(c.name(), k, here) + ")");
      }
      next.put(PromelaNames.length(c.name()), "(" + len + " + 1)");
      sub.values.putAll(next);
    } else if (s instanceof Action.Pop pop) {
      Storage c = exprs.storage(pop.container(), here);
      Type.Container ct = pop.type();
      String head = exprs.head(c.name(), ct, here);
      String len = PromelaExpressions.length(c.name(), here);
      int lo = ct.element().lo();
      Map<String, String> next = new LinkedHashMap<>();
      for (int k = 0; k < ct.capacity(); k++) {
        String value;
        if (ct.fifo()) {
          value = k + 1 < ct.capacity() ? PromelaExpressions.element(c.name(), k + 1, here)
              : Integer.toString(lo);
        } else {
          value = "(" + len + " - 1 == " + k + " -> " + lo + " : "
              + PromelaExpressions.element(c.name(), k, here) + ")";
        }
        next.put(c.name() + "#" + k, value);
      }
      next.put(PromelaNames.length(c.name()), "(" + len + " - 1)");
      sub.values.putAll(next);
      if (pop.target() != null) assign(pop.target(), head, here);
    }
  }

  /**
   * Over the state before the step, whether this way through leaves a different state: always
   * when it ends at another label than {@code own}; when it jumps back to {@code own}, whether
   * some variable it wrote now differs. The liveness checker counts a step that changes nothing
   * as no step at all.
   */
  String moves(List<Node> nodes, int from, Scope scope, int own) {
    for (int n = from; n < nodes.size(); n++) {
      Node node = nodes.get(n);
      Substitution sub = scope.substitution();
      if (node instanceof Cond c) {
        Scope here = scope.with(c.bindings(), sub);
        String condition = exprs.expr(c.action().condition(), here);
        String a = moves(then(c, nodes, n), 0, scope.with(scope.bindings(), sub.copy()), own);
        String b = moves(otherwise(c, nodes, n), 0, scope.with(scope.bindings(), sub.copy()),
            own);
        return a.equals(b) ? a : "(" + condition + " -> " + a + " : " + b + ")";
      }
      Leaf leaf = (Leaf) node;
      if (leaf.action() instanceof Action.Goto g) return g.pc() == own ? changed(sub) : "1";
      record(leaf.action(), scope.with(leaf.bindings(), sub));
    }
    return "1";
  }

  /** Whether a written slot differs from its value before the step; "0" when none was. */
  private static String changed(Substitution sub) {
    List<String> differs = new ArrayList<>();
    for (Map.Entry<String, String> e : sub.values.entrySet()) {
      int hash = e.getKey().indexOf('#');
      String old = hash < 0 ? e.getKey()
          : e.getKey().substring(0, hash) + "[" + e.getKey().substring(hash + 1) + "]";
      if (!e.getValue().equals(old)) differs.add("(" + e.getValue() + " != " + old + ")");
    }
    if (differs.isEmpty()) return "0";
    return differs.size() == 1 ? differs.get(0) : "(" + String.join(" || ", differs) + ")";
  }

  /** When this statement breaks a property (over the state before it), or null if never. */
  private String breaks(Action s, Scope here) {
    List<String> failures = new ArrayList<>();
    for (Expr e : evaluated(s)) {
      String fails = PromelaChecks.any(checks.of(e, here));
      if (fails != null) failures.add(fails);
    }
    if (s instanceof Action.Assert a) {
      if (!checked.covers(a.property())) return null;
      failures.add("!" + wrap(exprs.expr(a.condition(), here)));
    } else if (s instanceof Action.Assign a) {
      storeBreaks(a.target(), exprs.expr(a.value(), here), here, failures);
    } else if (s instanceof Action.Push p) {
      Type.Container ct = p.type();
      failures.add("(" + length(p.container(), p.pos(), here) + " == " + ct.capacity() + ")");
      outOfRange(exprs.expr(p.value(), here), ct.element(), failures);
    } else if (s instanceof Action.Pop p) {
      Storage c = exprs.storage(p.container(), here);
      failures.add("(" + length(p.container(), p.pos(), here) + " == 0)");
      if (p.target() != null) {
        storeBreaks(p.target(), exprs.head(c.name(), p.type(), here), here, failures);
      }
    }
    if (failures.isEmpty()) return null;
    return failures.size() == 1 ? failures.get(0) : "(" + String.join(" || ", failures) + ")";
  }

  /** len(container) as the expression writer writes it, the step's writes substituted. */
  private String length(Action.Place container, poolcheck.language.Position pos, Scope here) {
    return exprs.expr(new Expr.Call(pos, "len", ImmutableList.of(new Expr.Name(pos,
        container.name()))), here);
  }

  /** The expressions a statement evaluates. */
  private List<Expr> evaluated(Action s) {
    List<Expr> out = new ArrayList<>();
    if (s instanceof Action.Assign a) {
      if (a.target().index() != null) out.add(a.target().index());
      if (a.target().second() != null) out.add(a.target().second());
      out.add(a.value());
    } else if (s instanceof Action.Push p) {
      out.add(p.value());
    } else if (s instanceof Action.Pop p && p.target() != null && p.target().index() != null) {
      out.add(p.target().index());
      if (p.target().second() != null) out.add(p.target().second());
    } else if (s instanceof Action.Assert a && checked.covers(a.property())) {
      out.add(a.condition());
    }
    return out;
  }

  private void storeBreaks(Action.Target target, String value, Scope here,
      List<String> failures) {
    if (target.index() == null) {
      outOfRange(value, target.stored(), failures);
    } else {
      Type.Array a = (Type.Array) target.variable().type();
      indexBreaks(target.index(), a.index(), here, failures);
      if (target.second() != null) indexBreaks(target.second(), a.second(), here, failures);
      outOfRange(value, a.element(), failures);
    }
  }

  /** An index outside its dimension, unless it is known to be inside. */
  private void indexBreaks(Expr index, Type.Scalar dimension, Scope here,
      List<String> failures) {
    String i = exprs.expr(index, here);
    Integer fixed = exprs.constantValue(index, here);
    if ((fixed == null || fixed < dimension.lo() || fixed > dimension.hi())
        && !exprs.within(index, dimension.lo(), dimension.hi(), here)) {
      failures.add("(" + i + " < " + dimension.lo() + " || " + i + " > " + dimension.hi()
          + ")");
    }
  }

  private static void outOfRange(String value, Type.Scalar type, List<String> failures) {
    if (!(type instanceof Type.Range r)) return;
    if (value.matches("-?\\d+")) {
      int v = Integer.parseInt(value);
      if (v >= r.lo() && v <= r.hi()) return;
    }
    failures.add("(" + value + " < " + r.lo() + " || " + value + " > " + r.hi() + ")");
  }

  /** Records an assignment in the substitution: a computed index updates every slot. */
  private void assign(Action.Target target, String value, Scope here) {
    Substitution sub = here.substitution();
    Storage s = exprs.storage(target.variable(), here);
    if (target.index() == null) {
      sub.values.put(s.name(), value);
      return;
    }
    Type.Array a = (Type.Array) s.type();
    String i = target.second() != null
        ? PromelaExpressions.cell(exprs.expr(target.index(), here),
            exprs.expr(target.second(), here), a)
        : PromelaExpressions.fold(PromelaExpressions.offset(exprs.expr(target.index(),
            here), a.index().lo()));
    Map<String, String> next = new LinkedHashMap<>();
    for (int k = 0; k < a.slots(); k++) {
      String old = PromelaExpressions.element(s.name(), k, here);
      if (i.equals(Integer.toString(k))) {
        next.put(s.name() + "#" + k, value);
      } else if (!i.matches("-?\\d+")) {
        next.put(s.name() + "#" + k, "(" + i + " == " + k + " -> " + value + " : " + old + ")");
      }
    }
    sub.values.putAll(next);
  }

  private static boolean hasWhen(List<Node> nodes) {
    for (Node n : nodes) {
      if (n instanceof Leaf l && l.action() instanceof Action.When) return true;
      if (n instanceof Cond c && (hasWhen(c.then()) || hasWhen(c.otherwise()))) return true;
    }
    return false;
  }

  static String wrap(String s) {
    return s.startsWith("(") && s.endsWith(")") ? s : "(" + s + ")";
  }

  static String or(String a, String b) {
    if (a == null) return b;
    if (b.equals("1")) return "1";
    return "(" + a + " || " + b + ")";
  }

  static String and(String a, String b) {
    if (a.equals("1")) return b;
    if (b.equals("1")) return a;
    return a + " && " + b;
  }
}
