package poolcheck.proofs;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import poolcheck.check.Action;
import poolcheck.check.CheckedModel;
import poolcheck.check.CheckedStep;
import poolcheck.check.Type;
import poolcheck.language.Expr;

/**
 * What a search of a checked model explores, as text and as a digest: the variables the steps,
 * properties and initial state use, with their types and initial values; per process its
 * instances and the steps it can reach from its first, each guard and body with every constant
 * (and every variable no reached step changes) replaced by its value and every branch on a
 * constant condition reduced to the branch taken, a fall-through written as the jump it is; the
 * properties. Positions, comments, kernel-function names and atomic reasons are left out:
 * they change no state, no verdict and no trace length.
 *
 * <p>Why: the ledger's "stable at" runs cost hours, and a model's text digest moves with every
 * edit of the shared model, though most edits add a feature that a design has switched off. Two
 * models with the same structure explore the same graph (state for state, under the same
 * labels), so a run made on one stands for the other. Anything this cannot reduce (a condition
 * on a variable a reached step changes, a loop) is kept whole: the digest may differ where the
 * graphs do not, never the other way round.
 */
final class ExploredStructure {
  private final CheckedModel model;
  /**
   * Scalar variables (globals by name, locals as "process.local") taken to keep their initial
   * value, with that value: read as constants. {@link #text} keeps only those that no step it
   * reaches writes with another value, so in every reachable state they hold it.
   */
  private final Map<String, Object> fixed;
  /** Variables of {@link #fixed} that a printed step writes, or may write, with another value. */
  private final Set<String> written = new HashSet<>();
  private final StringBuilder out = new StringBuilder();
  /** Globals named anywhere printed: only their declarations go into the text. */
  private final Set<String> globalsUsed = new TreeSet<>();

  private ExploredStructure(CheckedModel model, Map<String, Object> fixed) {
    this.model = model;
    this.fixed = fixed;
  }

  /** SHA-256 over {@link #text}, as the ledger records it. */
  static String digest(CheckedModel model) {
    return "structure-sha256:" + Hashing.sha256().hashString(text(model),
        StandardCharsets.UTF_8);
  }

  /**
   * The canonical text the digest is taken over (for a person comparing two models). A
   * variable only a switched-off feature sets (a bulk's stage, say) guards code the feature
   * reaches: taking every variable as fixed and dropping, until none is left to drop, those a
   * reached step writes with another value leaves the ones no run can change (by induction
   * over a run: each step it takes is one reached, and none changes them).
   */
  static String text(CheckedModel model) {
    Map<String, Object> fixed = candidates(model);
    while (true) {
      ExploredStructure s = new ExploredStructure(model, fixed);
      StringBuilder body = s.body();
      if (!s.written.isEmpty()) {
        fixed = new HashMap<>(fixed);
        fixed.keySet().removeAll(s.written);
        continue;
      }
      StringBuilder head = new StringBuilder();
      for (String g : s.globalsUsed) {
        CheckedModel.Variable v = model.globals().get(g);
        if (v == null) continue;
        head.append("var ").append(g).append(" : ").append(v.type());
        Expr init = model.initialValues().get(g);
        if (init != null) head.append(" = ").append(s.expr(init, null, Set.of()));
        head.append('\n');
      }
      return head.append(body).toString();
    }
  }

  /** The bool, range and enum variables whose initial value is a constant. */
  private static Map<String, Object> candidates(CheckedModel model) {
    ExploredStructure none = new ExploredStructure(model, Map.of());
    Map<String, Object> out = new HashMap<>();
    for (CheckedModel.Variable v : model.globals().values()) {
      Expr init = model.initialValues().get(v.name());
      if (fixable(v.type()) && init != null) {
        Object value = none.value(init, null, Set.of());
        if (value != null) out.put(v.name(), value);
      }
    }
    for (CheckedModel.Process p : model.processes().values()) {
      for (Map.Entry<String, Type> local : p.localTypes().entrySet()) {
        Expr init = p.initialValues().get(local.getKey());
        if (fixable(local.getValue()) && init != null) {
          Object value = none.value(init, p, Set.of());
          if (value != null) out.put(p.name() + "." + local.getKey(), value);
        }
      }
    }
    return out;
  }

  /** Scalars whose values are plain (a scalarset's are permuted by symmetry: not those). */
  private static boolean fixable(Type t) {
    return t instanceof Type.Bool || t instanceof Type.Range || t instanceof Type.Enum;
  }

  /** The key of {@link #fixed} for a variable written or read in {@code p} (null: global). */
  private static String key(String name, boolean local, CheckedModel.Process p) {
    return local ? p.name() + "." + name : name;
  }

  /** A write of {@code value} (null: not a constant) to a whole variable. */
  private void writes(Action.Target t, Object value, CheckedModel.Process p) {
    if (t.index() != null) return;
    String k = key(t.variable().name(), t.variable().local(), p);
    if (fixed.containsKey(k) && !fixed.get(k).equals(value)) written.add(k);
  }

  private StringBuilder body() {
    for (List<Action> init : model.inits()) {
      out.append("init\n");
      actions(init, null, Set.of(), 1, new ArrayList<>());
    }
    for (CheckedModel.Process p : model.processes().values()) process(p);
    for (CheckedModel.Spec spec : model.spec()) spec(spec);
    for (poolcheck.system.Property p : model.properties()) {
      out.append("property ").append(p.name()).append(' ').append(p.kind()).append('\n');
    }
    return out;
  }

  private void process(CheckedModel.Process p) {
    out.append("process ").append(p.name()).append(p.indexed() ? "[" + p.instances() + "]" : "")
        .append('\n');
    for (Map.Entry<String, Type> local : new java.util.TreeMap<>(p.localTypes()).entrySet()) {
      out.append("  local ").append(local.getKey()).append(" : ").append(local.getValue());
      Expr init = p.initialValues().get(local.getKey());
      if (init != null) out.append(" = ").append(expr(init, p, Set.of()));
      out.append('\n');
    }
    List<CheckedStep> steps = p.checkedSteps();
    if (steps.isEmpty()) return;
    // the steps reachable from the first, through gotos in the branches taken and fall-throughs
    boolean[] reached = new boolean[steps.size() + 1];
    Deque<Integer> work = new ArrayDeque<>();
    reached[0] = true;
    work.push(0);
    String[] printed = new String[steps.size()];
    while (!work.isEmpty()) {
      int pc = work.pop();
      if (pc >= steps.size()) continue;
      CheckedStep step = steps.get(pc);
      StringBuilder saved = new StringBuilder(out);
      out.setLength(0);
      List<Integer> targets = new ArrayList<>();
      out.append("  step ").append(step.label());
      if (step.guard() != null) out.append(" when ").append(expr(step.guard(), p, Set.of()));
      out.append('\n');
      // a guard false by the constants: never taken, nothing after it reached through it
      boolean through = !Boolean.FALSE.equals(step.guard() == null ? null
          : truth(step.guard(), p, Set.of()))
          && actions(step.body(), p, Set.of(), 2, targets);
      if (through) {
        // falling through and jumping to the next label are the same move
        out.append("    goto ").append(label(p, step.next())).append('\n');
        targets.add(step.next());
      }
      printed[pc] = out.toString();
      out.setLength(0);
      out.append(saved);
      for (int t : targets) {
        if (t >= 0 && t <= steps.size() && !reached[t]) {
          reached[t] = true;
          work.push(t);
        }
      }
    }
    // in program-counter order: a step inserted where nothing jumps to it changes nothing
    for (String s : printed) {
      if (s != null) out.append(s);
    }
  }

  private static String label(CheckedModel.Process p, int pc) {
    return pc == p.doneLabel() ? "done" : p.checkedSteps().get(pc).label();
  }

  /**
   * Prints {@code actions} and says whether control can reach their end (false after an
   * unconditional goto); adds each goto's target to {@code targets}.
   */
  private boolean actions(List<Action> actions, CheckedModel.Process p, Set<String> bound,
      int depth, List<Integer> targets) {
    for (Action a : actions) {
      if (!action(a, p, bound, depth, targets)) return false;
    }
    return true;
  }

  private boolean action(Action a, CheckedModel.Process p, Set<String> bound, int depth,
      List<Integer> targets) {
    String indent = "  ".repeat(depth);
    if (a instanceof Action.If i) {
      Boolean c = truth(i.condition(), p, bound);
      if (c != null) return actions(c ? i.then() : i.otherwise(), p, bound, depth, targets);
      out.append(indent).append("if ").append(expr(i.condition(), p, bound)).append('\n');
      boolean a1 = actions(i.then(), p, bound, depth + 1, targets);
      out.append(indent).append("else\n");
      boolean a2 = actions(i.otherwise(), p, bound, depth + 1, targets);
      out.append(indent).append("end\n");
      return a1 || a2;
    }
    if (a instanceof Action.Either e) {
      out.append(indent).append("either\n");
      boolean any = false;
      for (List<Action> branch : e.branches()) {
        out.append(indent).append("or\n");
        any |= actions(branch, p, bound, depth + 1, targets);
      }
      out.append(indent).append("end\n");
      return any;
    }
    if (a instanceof Action.Choose c) {
      out.append(indent).append("choose ").append(c.variable()).append(" : ")
          .append(c.domain()).append('\n');
      actions(c.body(), p, with(bound, c.variable()), depth + 1, targets);
      out.append(indent).append("end\n");
      // an empty domain, or a body that jumps only sometimes: kept as reaching its end
      return true;
    }
    if (a instanceof Action.For f) {
      out.append(indent).append("for ").append(f.variable()).append(" : ").append(f.domain())
          .append('\n');
      actions(f.body(), p, with(bound, f.variable()), depth + 1, targets);
      out.append(indent).append("end\n");
      return true;
    }
    out.append(indent);
    if (a instanceof Action.Assign s) {
      writes(s.target(), value(s.value(), p, bound), p);
      out.append(target(s.target(), p, bound)).append(" := ").append(expr(s.value(), p, bound));
    } else if (a instanceof Action.Push s) {
      out.append("push ").append(place(s.container())).append(' ')
          .append(expr(s.value(), p, bound));
    } else if (a instanceof Action.Pop s) {
      out.append("pop ").append(place(s.container()));
      if (s.target() != null) {
        writes(s.target(), null, p);
        out.append(" into ").append(target(s.target(), p, bound));
      }
    } else if (a instanceof Action.When w) {
      out.append("when ").append(expr(w.condition(), p, bound)).append('\n');
      // false by the constants: the step is never enabled past here
      return !Boolean.FALSE.equals(truth(w.condition(), p, bound));
    } else if (a instanceof Action.Assert s) {
      out.append("assert ").append(s.property()).append(": ")
          .append(expr(s.condition(), p, bound));
    } else if (a instanceof Action.Goto g) {
      out.append("goto ").append(label(p, g.pc())).append('\n');
      targets.add(g.pc());
      return false;
    } else if (a instanceof Action.Skip) {
      out.append("skip");
    } else {
      throw new IllegalStateException("an action the structure does not print: " + a);
    }
    out.append('\n');
    return true;
  }

  private String target(Action.Target t, CheckedModel.Process p, Set<String> bound) {
    StringBuilder s = new StringBuilder(place(t.variable()));
    if (t.index() != null) s.append('[').append(expr(t.index(), p, bound)).append(']');
    if (t.second() != null) s.append('[').append(expr(t.second(), p, bound)).append(']');
    return s.toString();
  }

  private String place(Action.Place place) {
    if (!place.local()) globalsUsed.add(place.name());
    return (place.local() ? "local " : "") + place.name();
  }

  private void spec(CheckedModel.Spec spec) {
    if (spec instanceof CheckedModel.Invariant i) {
      out.append("invariant ").append(i.name()).append(": ").append(expr(i.condition(), null,
          Set.of()));
    } else if (spec instanceof CheckedModel.Final f) {
      out.append("final ").append(expr(f.condition(), null, Set.of()));
    } else if (spec instanceof CheckedModel.Assume a) {
      out.append("assume ").append(expr(a.condition(), null, Set.of()));
    } else if (spec instanceof CheckedModel.Liveness l) {
      out.append("liveness ").append(l.name()).append(' ').append(l.kind()).append(": ")
          .append(l.p() == null ? "-" : expr(l.p(), null, Set.of())).append(" ~> ")
          .append(expr(l.q(), null, Set.of()));
    } else if (spec instanceof CheckedModel.Fairness f) {
      out.append(f.strong() ? "strong fairness " : "weak fairness ").append(f.processes());
    } else {
      throw new IllegalStateException("a declaration the structure does not print: " + spec);
    }
    out.append('\n');
  }

  private static Set<String> with(Set<String> bound, String variable) {
    Set<String> s = new HashSet<>(bound);
    s.add(variable);
    return s;
  }

  /** The value of a condition made of constants and literals, or null if it reads state. */
  private Boolean truth(Expr e, CheckedModel.Process p, Set<String> bound) {
    Object v = value(e, p, bound);
    return v instanceof Boolean b ? b : null;
  }

  /** An Integer or Boolean when {@code e} is constant, else null. */
  private Object value(Expr e, CheckedModel.Process p, Set<String> bound) {
    if (e instanceof Expr.IntLit i) return i.value();
    if (e instanceof Expr.BoolLit b) return b.value();
    if (e instanceof Expr.Name n) return named(n.name(), p, bound);
    if (e instanceof Expr.Unary u) {
      Object a = value(u.operand(), p, bound);
      if (u.op().equals("!") && a instanceof Boolean b) return !b;
      if (u.op().equals("-") && a instanceof Integer i && i != Integer.MIN_VALUE) return -i;
      return null;
    }
    if (e instanceof Expr.Binary b) {
      Object x = value(b.left(), p, bound);
      Object y = value(b.right(), p, bound);
      if (x instanceof Boolean l && y instanceof Boolean r) {
        return switch (b.op()) {
          case "&&" -> l && r;
          case "||" -> l || r;
          case "==" -> l.equals(r);
          case "!=" -> !l.equals(r);
          default -> null;
        };
      }
      if (x instanceof Integer l && y instanceof Integer r) {
        return switch (b.op()) {
          case "==" -> l.intValue() == r.intValue();
          case "!=" -> l.intValue() != r.intValue();
          case "<" -> l < r;
          case "<=" -> l <= r;
          case ">" -> l > r;
          case ">=" -> l >= r;
          default -> null;
        };
      }
      if (x instanceof String l && y instanceof String r) {
        return switch (b.op()) {
          case "==" -> l.equals(r);
          case "!=" -> !l.equals(r);
          default -> null;
        };
      }
      // false && anything, true || anything: decided without the state
      if (b.op().equals("&&") && (Boolean.FALSE.equals(x) || Boolean.FALSE.equals(y))) {
        return false;
      }
      if (b.op().equals("||") && (Boolean.TRUE.equals(x) || Boolean.TRUE.equals(y))) {
        return true;
      }
    }
    return null;
  }

  /**
   * The value a name has wherever it is read, or null: a fixed variable's, a constant's, an
   * enum value (by name, as printed).
   */
  private Object named(String name, CheckedModel.Process p, Set<String> bound) {
    if (bound.contains(name)) return null;
    if (p != null && p.localTypes().containsKey(name)) return fixed.get(key(name, true, p));
    if (model.globals().containsKey(name)) return fixed.get(name);
    CheckedModel.Constant c = model.constants().get(name);
    if (c != null) return c.bool() ? (Object) (c.value() != 0) : (Object) c.value();
    return model.enumValues().containsKey(name) ? name : null;
  }

  private String expr(Expr e, CheckedModel.Process p, Set<String> bound) {
    Object v = value(e, p, bound);
    if (v != null) return v.toString();
    if (e instanceof Expr.Name n) {
      if (bound.contains(n.name())) return "?" + n.name();
      if (p != null && p.localTypes().containsKey(n.name())) return "local " + n.name();
      if (model.globals().containsKey(n.name())) globalsUsed.add(n.name());
      return n.name();
    }
    if (e instanceof Expr.Self) return "self";
    if (e instanceof Expr.Index i) {
      return expr(i.target(), p, bound) + "[" + expr(i.index(), p, bound) + "]";
    }
    if (e instanceof Expr.Unary u) return "(" + u.op() + expr(u.operand(), p, bound) + ")";
    if (e instanceof Expr.Binary b) {
      return "(" + expr(b.left(), p, bound) + " " + b.op() + " " + expr(b.right(), p, bound)
          + ")";
    }
    if (e instanceof Expr.Call c) {
      List<String> args = new ArrayList<>();
      for (Expr a : c.args()) args.add(expr(a, p, bound));
      return c.function() + "(" + String.join(", ", args) + ")";
    }
    if (e instanceof Expr.At a) {
      return "at(" + a.process() + (a.instance() == null ? "" : "[" + expr(a.instance(), p,
          bound) + "]") + ", " + a.label() + ")";
    }
    if (e instanceof Expr.Quantifier q) {
      return "(" + q.kind() + " " + q.variable() + " : " + model.domain(q.domain()) + ". "
          + expr(q.body(), p, with(bound, q.variable())) + ")";
    }
    if (e instanceof Expr.LocalOf l) {
      return l.process() + (l.instance() == null ? "" : "[" + expr(l.instance(), p, bound)
          + "]") + "." + l.local();
    }
    if (e instanceof Expr.RecordLit r) {
      List<String> fields = new ArrayList<>();
      for (int k = 0; k < r.fields().size(); k++) {
        fields.add(r.fields().get(k) + ": " + expr(r.values().get(k), p, bound));
      }
      return "{" + String.join(", ", fields) + "}";
    }
    throw new IllegalStateException("an expression the structure does not print: " + e);
  }
}
