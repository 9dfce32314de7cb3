package poolcheck.export;

import static poolcheck.language.ErrorCode.NOT_EXPORTABLE;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import poolcheck.check.Type;
import poolcheck.compile.ModelShape;
import poolcheck.system.Property;
import poolcheck.system.StateView;
import poolcheck.system.Value;
import poolcheck.export.PromelaExpressions.Scope;
import poolcheck.export.PromelaExpressions.Substitution;
import poolcheck.export.StepPaths.Cond;
import poolcheck.export.StepPaths.Leaf;
import poolcheck.export.StepPaths.Node;
import poolcheck.language.Decl;
import poolcheck.language.DeepStack;
import poolcheck.language.Diagnostic;
import poolcheck.language.Expr;
import poolcheck.language.ModelException;
import poolcheck.language.Position;
import poolcheck.language.Stmt;

/**
 * Writes a model as Promela for SPIN, so that SPIN's search and poolcheck's explore the same
 * graph: every model step is one {@code d_step} (one SPIN transition, no intermediate state), the
 * state vector is the model's variables, locals and program counters (all global), and the
 * properties are assertions named after them. docs/export.md states how SPIN's figures relate to
 * poolcheck's.
 */
public final class PromelaExport {
  /** Program counters start here until the init process writes the initial state. */
  static final int NOT_STARTED = 255;

  private final ModelShape shape;
  private final PromelaExpressions exprs;
  private final PromelaChecks checks;
  private final StringBuilder out = new StringBuilder();

  private final Checked checked;
  /**
   * Each step an atomic sequence of its guard and a d_step, so that the d_step's start is a
   * state SPIN marks reached only when the step is taken, and SPIN's unreached report lists the
   * steps never taken. Costs one stored SPIN state per (state, enabled path) and a step per step.
   */
  private final boolean stepStates;
  /** The step being written, for assert names. */
  private String process;
  private String label;

  private PromelaExport(ModelShape shape, Checked checked, boolean stepStates) {
    this.shape = shape;
    this.checked = checked;
    this.stepStates = stepStates;
    this.exprs = new PromelaExpressions(shape);
    this.checks = new PromelaChecks(shape, exprs);
  }

  public static String render(ModelShape shape) throws ModelException {
    return render(shape, Checked.all(shape));
  }

  /** Only the {@code checked} properties become assertions. */
  public static String render(ModelShape shape, Checked checked) throws ModelException {
    // Deeply nested expressions (docs/language.md, Limits) need more than a default stack.
    return DeepStack.callModel(() -> new PromelaExport(shape, checked, false).render());
  }

  /**
   * As {@link #render(ModelShape, Checked)}, with every step a state of its own for SPIN's
   * unreached report (export --spin-coverage): a step is listed there exactly when poolcheck
   * reports it unreached. Not for state counts: SPIN stores the states between guards and
   * d_steps too (docs/export.md).
   */
  public static String renderWithStepStates(ModelShape shape, Checked checked)
      throws ModelException {
    return DeepStack.callModel(() -> new PromelaExport(shape, checked, true).render());
  }

  private String render() throws ModelException {
    if (shape.processes().stream().mapToInt(p -> p.steps().size()).max().orElse(0)
        >= NOT_STARTED) {
      throw new ModelException(new Diagnostic(NOT_EXPORTABLE, new Position(shape.source(), 1, 1),
          "export: a process with " + NOT_STARTED + " or more steps does not fit a byte pc"));
    }
    line("/* " + shape.name() + ": exported from " + shape.source() + " by poolcheck export "
        + "--to promela. */");
    line("/* Each model step is one d_step; verify with: spin -o1 -o2 -a FILE && gcc "
        + "-DNOREDUCE -DBFS -DSAFETY -o pan pan.c && ./pan (docs/export.md). */");
    line("");
    for (ModelShape.Constant c : shape.constants().values()) {
      line("#define " + PromelaNames.id(c.name()) + " " + (c.bool() ? (c.value() != 0 ? "true"
          : "false") : Integer.toString(c.value())));
    }
    for (Type.Enum e : shape.enums().values()) {
      line("/* enum " + e.name() + " */");
      for (int i = 0; i < e.values().size(); i++) {
        line("#define " + PromelaNames.id(e.values().get(i)) + " " + i);
      }
    }
    line("");
    line("/* Property names. Every assertion reads assert(condition || P_name == 0): P_name is");
    line("   never 0, so the assertion is the condition, and SPIN's text of it names the "
        + "property. */");
    List<String> names = new ArrayList<>();
    for (Property p : shape.properties()) names.add(PromelaNames.property(p.name()));
    line("mtype = { " + String.join(", ", names) + " };");
    line("");
    declarations();
    line("");
    init();
    for (ModelShape.Process p : shape.processes()) {
      for (int i = 0; i < p.instances(); i++) process(p, i);
    }
    if (checked.covers("deadlock")) monitor();
    return ValueBounds.noMinimumLiteral(out.toString());
  }

  // ---- state

  private void declarations() {
    for (ModelShape.Variable v : shape.globals()) declare(PromelaNames.id(v.name()), v.type());
    for (ModelShape.Process p : shape.processes()) {
      for (int i = 0; i < p.instances(); i++) {
        line("byte " + InstanceNames.pc(p, i) + " = " + NOT_STARTED + ";");
        for (ModelShape.Variable v : p.locals()) {
          declare(InstanceNames.local(p, i, v.name()), v.type());
        }
      }
    }
  }

  private void declare(String name, Type type) {
    if (type instanceof Type.Scalar s) {
      line(PromelaNames.type(s) + " " + name + ";");
    } else if (type instanceof Type.Array a) {
      line(PromelaNames.type(a.element()) + " " + name + "[" + a.index().size() + "];");
    } else if (type instanceof Type.Container c) {
      line(PromelaNames.type(c.element()) + " " + name + "[" + c.capacity() + "];");
      line("byte " + PromelaNames.length(name) + ";");
    }
  }

  /**
   * One d_step per initial state: SPIN starts from the state before it (every pc NOT_STARTED),
   * one state and one step more than poolcheck counts.
   */
  private void init() {
    line("init {");
    line("  if");
    for (StateView s : shape.initialStates()) {
      line("  :: d_step {");
      assignState(s);
      invariants("    ");
      line("  }");
    }
    // A way through init that breaks a property: poolcheck reports it with no steps.
    for (ModelShape.InitialViolation v : shape.initialViolations()) {
      if (!checked.covers(v.property())) continue;
      line("  :: d_step {");
      assignState(v.state());
      line("    " + check("false", v.property()));
      line("  }");
    }
    line("  fi");
    line("}");
    line("");
  }

  private void assignState(StateView s) {
    for (ModelShape.Variable v : shape.globals()) {
      assignValue(PromelaNames.id(v.name()), v.type(), s.get(v.name()), "    ");
    }
    for (ModelShape.Process p : shape.processes()) {
      for (int i = 0; i < p.instances(); i++) {
        String inst = p.instanceName(i);
        for (ModelShape.Variable v : p.locals()) {
          assignValue(InstanceNames.local(p, i, v.name()), v.type(), s.get(inst + "."
              + v.name()), "    ");
        }
        line("    " + InstanceNames.pc(p, i) + " = "
            + p.labelIndex(s.get(inst + ".pc").toString()) + ";");
      }
    }
  }

  private void assignValue(String name, Type type, Value value, String indent) {
    if (type instanceof Type.Scalar) {
      line(indent + name + " = " + literal(value) + ";");
    } else if (type instanceof Type.Array a) {
      Value.Array arr = (Value.Array) value;
      for (int i = 0; i < a.index().size(); i++) {
        line(indent + name + "[" + i + "] = " + literal(arr.values().get(i)) + ";");
      }
    } else if (type instanceof Type.Container c) {
      Value.Sequence seq = (Value.Sequence) value;
      for (int i = 0; i < c.capacity(); i++) {
        String v = i < seq.elements().size() ? literal(seq.elements().get(i))
            : Integer.toString(c.element().lo());
        line(indent + name + "[" + i + "] = " + v + ";");
      }
      line(indent + PromelaNames.length(name) + " = " + seq.elements().size() + ";");
    }
  }

  private static String literal(Value v) {
    if (v instanceof Value.Bool b) return b.value() ? "true" : "false";
    if (v instanceof Value.Int i) return i.value() < 0 ? "(" + i.value() + ")"
        : Integer.toString(i.value());
    if (v instanceof Value.Enum e) return PromelaNames.id(e.name());
    throw new IllegalArgumentException("not a scalar: " + v);
  }

  private void invariants(String indent) {
    Scope global = new Scope(null, 0, StepPaths.Bindings.NONE, null);
    for (ModelShape.Invariant inv : shape.invariants()) {
      if (!checked.covers(inv.name())) continue;
      evaluation(inv.condition(), global, indent);
      line(indent + check(exprs.expr(inv.condition(), global), inv.name()));
    }
  }

  /** Asserts, in evaluation order, that evaluating {@code e} raises no runtime property. */
  private void evaluation(Expr e, Scope scope, String indent) {
    for (RuntimeChecks.Check c : checks.of(e, scope)) {
      line(indent + check("!" + wrap(c.condition()), c.property()));
    }
  }

  private static String check(String condition, String property) {
    return "assert(" + condition + " || " + PromelaNames.property(property) + " == 0);";
  }

  // ---- processes

  private void process(ModelShape.Process p, int i) throws ModelException {
    String inst = InstanceNames.instance(p, i);
    line("active proctype " + inst + "() {");
    // Blocked here is a valid end: the monitor, not SPIN's end-state check, reports deadlocks.
    line("end_" + inst + ":");
    line("  do");
    String pc = InstanceNames.pc(p, i);
    for (int k = 0; k < p.steps().size(); k++) {
      Decl.Step step = p.steps().get(k);
      List<ImmutableList<Node>> paths = StepPaths.of(shape, step.body());
      for (int j = 0; j < paths.size(); j++) {
        step(p, i, k, step, paths.get(j), j, paths.size());
      }
    }
    line("  od");
    line("}");
    line("");
  }

  private void step(ModelShape.Process p, int i, int k, Decl.Step step, List<Node> path, int j,
      int paths) throws ModelException {
    String pc = InstanceNames.pc(p, i);
    this.process = p.name();
    this.label = step.label();
    Scope scope = new Scope(p, i, StepPaths.Bindings.NONE, null);
    String guard = enabled(path, 0, scope.with(StepPaths.Bindings.NONE, new Substitution()));
    if (step.guard() != null) {
      // A guard whose evaluation fails is a violation poolcheck reports: the step runs to it.
      guard = or(PromelaChecks.any(checks.of(step.guard(), scope)),
          and(exprs.expr(step.guard(), scope), guard));
    }
    guard = and("(" + pc + " == " + k + ")", guard);
    String comment = "/* " + p.instanceName(i) + " " + step.label()
        + (step.kernelFunction() != null ? " @" + step.kernelFunction() : "")
        + (paths > 1 ? ", path " + (j + 1) + " of " + paths : "") + " */";
    if (stepStates) {
      // One line: SPIN names the d_step by this line in its unreached report.
      line("  :: atomic { " + guard + " -> d_step { " + comment);
    } else {
      line("  :: d_step { " + comment);
      line("       " + guard + " ->");
    }
    String end = InstanceNames.instance(p, i) + "_" + step.label() + "_" + j + "_end";
    Body body = new Body(p, i, step.label(), pc, end);
    if (step.guard() != null) evaluation(step.guard(), scope, "       ");
    boolean jumped = body.block(path, scope, "       ");
    if (!jumped) line("       " + pc + " = " + (k + 1) + ";");
    if (body.usedEnd) line("     " + end + ":");
    if (shape.invariants().stream().noneMatch(inv -> checked.covers(inv.name()))) {
      if (body.usedEnd) line("       skip");
    } else {
      invariants("       ");
    }
    line(stepStates ? "     } }" : "     }");
  }

  /**
   * The condition, over the state before the step, under which this path runs to its end (or
   * to a goto) without a {@code when} blocking: SPIN must not start a d_step that would block
   * part-way. What the path assigned before a when is substituted, slot by slot.
   */
  private String enabled(List<Node> nodes, int from, Scope scope) throws ModelException {
    for (int n = from; n < nodes.size(); n++) {
      if (!hasWhen(nodes.subList(n, nodes.size()))) return "1";
      Node node = nodes.get(n);
      Substitution sub = scope.substitution();
      if (node instanceof Cond c) {
        Scope here = scope.with(c.bindings(), sub);
        String condition = exprs.expr(c.stmt().condition(), here);
        List<Node> then = new ArrayList<>(c.then());
        then.addAll(nodes.subList(n + 1, nodes.size()));
        List<Node> otherwise = new ArrayList<>(c.otherwise());
        otherwise.addAll(nodes.subList(n + 1, nodes.size()));
        String a = enabled(then, 0, scope.with(scope.bindings(), sub.copy()));
        String b = enabled(otherwise, 0, scope.with(scope.bindings(), sub.copy()));
        String fails = PromelaChecks.any(checks.of(c.stmt().condition(), here));
        if (a.equals(b)) return or(fails, a);
        return or(fails, "(" + condition + " -> " + a + " : " + b + ")");
      }
      Leaf leaf = (Leaf) node;
      Scope here = scope.with(leaf.bindings(), sub);
      Stmt s = leaf.stmt();
      if (s instanceof Stmt.When w) {
        String condition = exprs.expr(w.condition(), here);
        String fails = PromelaChecks.any(checks.of(w.condition(), here));
        return or(fails, and(condition, enabled(nodes, n + 1, scope)));
      } else if (s instanceof Stmt.Goto) {
        return "1";
      }
      // A statement that breaks a property ends its path with a violation, which poolcheck
      // reports: the path counts as enabled even though a later when would block.
      String broken = breaks(s, here);
      if (s instanceof Stmt.Assign a) {
        assign(a.target(), exprs.expr(a.value(), here), here);
      } else if (s instanceof Stmt.Push push) {
        Storage c = storage(push.container(), here);
        Type.Container ct = (Type.Container) c.type();
        String v = exprs.expr(push.value(), here);
        String len = PromelaExpressions.length(c.name(), here);
        Map<String, String> next = new LinkedHashMap<>();
        for (int k = 0; k < ct.capacity(); k++) {
          next.put(c.name() + "#" + k, "(" + len + " == " + k + " -> " + v + " : "
              + PromelaExpressions.element(c.name(), k, here) + ")");
        }
        next.put(PromelaNames.length(c.name()), "(" + len + " + 1)");
        sub.values.putAll(next);
      } else if (s instanceof Stmt.Pop pop) {
        Storage c = storage(pop.container(), here);
        Type.Container ct = (Type.Container) c.type();
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
      if (broken != null) return or(broken, enabled(nodes, n + 1, scope));
    }
    return "1";
  }

  /** When this statement breaks a property (over the state before it), or null if never. */
  private String breaks(Stmt s, Scope here) {
    List<String> failures = new ArrayList<>();
    for (Expr e : evaluated(s)) {
      String fails = PromelaChecks.any(checks.of(e, here));
      if (fails != null) failures.add(fails);
    }
    if (s instanceof Stmt.Assert a) {
      if (!checked.covers(ModelShape.assertName(a, process, label))) return null;
      failures.add("!" + wrap(exprs.expr(a.condition(), here)));
    } else if (s instanceof Stmt.Assign a) {
      storeBreaks(a.target(), exprs.expr(a.value(), here), here, failures);
    } else if (s instanceof Stmt.Push p) {
      Storage c = storage(p.container(), here);
      Type.Container ct = (Type.Container) c.type();
      String len = exprs.expr(new Expr.Call(p.pos(), "len", ImmutableList.of(p.container())),
          here);
      failures.add("(" + len + " == " + ct.capacity() + ")");
      outOfRange(exprs.expr(p.value(), here), ct.element(), failures);
    } else if (s instanceof Stmt.Pop p) {
      Storage c = storage(p.container(), here);
      Type.Container ct = (Type.Container) c.type();
      String len = exprs.expr(new Expr.Call(p.pos(), "len", ImmutableList.of(p.container())),
          here);
      failures.add("(" + len + " == 0)");
      if (p.target() != null) {
        storeBreaks(p.target(), exprs.head(c.name(), ct, here), here, failures);
      }
    }
    if (failures.isEmpty()) return null;
    return failures.size() == 1 ? failures.get(0) : "(" + String.join(" || ", failures) + ")";
  }

  /** The expressions a statement evaluates. */
  private List<Expr> evaluated(Stmt s) {
    List<Expr> out = new ArrayList<>();
    if (s instanceof Stmt.Assign a) {
      if (a.target() instanceof Expr.Index ix) out.add(ix.index());
      out.add(a.value());
    } else if (s instanceof Stmt.Push p) {
      out.add(p.value());
    } else if (s instanceof Stmt.Pop p && p.target() instanceof Expr.Index ix) {
      out.add(ix.index());
    } else if (s instanceof Stmt.Assert a
        && checked.covers(ModelShape.assertName(a, process, label))) {
      out.add(a.condition());
    }
    return out;
  }

  private void storeBreaks(Expr target, String value, Scope here, List<String> failures) {
    if (target instanceof Expr.Name n) {
      outOfRange(value, (Type.Scalar) exprs.storage(n.name(), here).type(), failures);
    } else {
      Expr.Index ix = (Expr.Index) target;
      Type.Array a = (Type.Array) storage(ix.target(), here).type();
      String i = exprs.expr(ix.index(), here);
      Integer fixed = exprs.constantValue(ix.index(), here);
      if ((fixed == null || fixed < a.index().lo() || fixed > a.index().hi())
          && !exprs.within(ix.index(), a.index().lo(), a.index().hi(), here)) {
        failures.add("(" + i + " < " + a.index().lo() + " || " + i + " > " + a.index().hi()
            + ")");
      }
      outOfRange(value, a.element(), failures);
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

  private static String wrap(String s) {
    return s.startsWith("(") && s.endsWith(")") ? s : "(" + s + ")";
  }

  private static String or(String a, String b) {
    if (a == null) return b;
    if (b.equals("1")) return "1";
    return "(" + a + " || " + b + ")";
  }

  /** Records an assignment in the substitution: a computed index updates every slot. */
  private void assign(Expr target, String value, Scope here) {
    Substitution sub = here.substitution();
    if (target instanceof Expr.Name n) {
      sub.values.put(exprs.storage(n.name(), here).name(), value);
      return;
    }
    Expr.Index ix = (Expr.Index) target;
    Storage s = storage(ix.target(), here);
    Type.Array a = (Type.Array) s.type();
    String i = PromelaExpressions.fold(PromelaExpressions.offset(exprs.expr(ix.index(), here),
        a.index().lo()));
    Map<String, String> next = new LinkedHashMap<>();
    for (int k = 0; k < a.index().size(); k++) {
      String old = PromelaExpressions.element(s.name(), k, here);
      if (i.equals(Integer.toString(k))) {
        next.put(s.name() + "#" + k, value);
      } else if (!i.matches("-?\\d+")) {
        next.put(s.name() + "#" + k, "(" + i + " == " + k + " -> " + value + " : " + old + ")");
      }
    }
    sub.values.putAll(next);
  }

  private Storage storage(Expr name, Scope scope) {
    return exprs.storage(((Expr.Name) name).name(), scope);
  }

  private static boolean hasWhen(List<Node> nodes) {
    for (Node n : nodes) {
      if (n instanceof Leaf l && l.stmt() instanceof Stmt.When) return true;
      if (n instanceof Cond c && (hasWhen(c.then()) || hasWhen(c.otherwise()))) return true;
    }
    return false;
  }

  private static String and(String a, String b) {
    if (a.equals("1")) return b;
    if (b.equals("1")) return a;
    return a + " && " + b;
  }

  /** The statements of one path inside its d_step. */
  private final class Body {
    final ModelShape.Process process;
    final int instance;
    final String label;
    final String pc;
    final String end;
    boolean usedEnd;

    Body(ModelShape.Process process, int instance, String label, String pc, String end) {
      this.process = process;
      this.instance = instance;
      this.label = label;
      this.pc = pc;
      this.end = end;
    }

    /** Emits the nodes; true when the block ends in a goto at its top level. */
    boolean block(List<Node> nodes, Scope scope, String indent) {
      for (Node n : nodes) {
        if (n instanceof Cond c) {
          Scope here = scope.with(c.bindings(), null);
          evaluation(c.stmt().condition(), here, indent);
          line(indent + "if");
          line(indent + ":: " + exprs.expr(c.stmt().condition(), here) + " ->");
          branch(c.then(), scope, indent);
          line(indent + ":: else ->");
          branch(c.otherwise(), scope, indent);
          line(indent + "fi;");
          continue;
        }
        Leaf leaf = (Leaf) n;
        if (leaf.stmt() instanceof Stmt.Goto g) {
          line(indent + pc + " = " + process.labelIndex(g.label()) + ";");
          return true;
        }
        leaf(leaf.stmt(), scope.with(leaf.bindings(), null), indent);
      }
      return false;
    }

    private void branch(List<Node> nodes, Scope scope, String indent) {
      int mark = out.length();
      if (block(nodes, scope, indent + "   ")) {
        line(indent + "   goto " + end + ";");
        usedEnd = true;
      } else if (out.length() == mark) {
        line(indent + "   skip;");
      }
    }

    private void leaf(Stmt s, Scope scope, String indent) {
      if (s instanceof Stmt.Assign a) {
        store(a.target(), a.value(), exprs.expr(a.value(), scope), scope, indent);
      } else if (s instanceof Stmt.Push p) {
        Storage c = storage(p.container(), scope);
        Type.Container ct = (Type.Container) c.type();
        String len = PromelaNames.length(c.name());
        evaluation(p.value(), scope, indent);
        String v = exprs.expr(p.value(), scope);
        line(indent + check(len + " < " + ct.capacity(), "container_overflow"));
        range(v, ct.element(), indent);
        line(indent + c.name() + "[" + len + "] = " + v + ";");
        line(indent + len + " = " + len + " + 1;");
      } else if (s instanceof Stmt.Pop p) {
        Storage c = storage(p.container(), scope);
        Type.Container ct = (Type.Container) c.type();
        String len = PromelaNames.length(c.name());
        line(indent + check(len + " > 0", "container_underflow"));
        if (p.target() != null) {
          store(p.target(), null, exprs.head(c.name(), ct, scope), scope, indent);
        }
        if (ct.fifo()) {
          for (int i = 0; i + 1 < ct.capacity(); i++) {
            line(indent + c.name() + "[" + i + "] = " + c.name() + "[" + (i + 1) + "];");
          }
          line(indent + c.name() + "[" + (ct.capacity() - 1) + "] = " + ct.element().lo() + ";");
        } else {
          line(indent + c.name() + "[" + len + " - 1] = " + ct.element().lo() + ";");
        }
        line(indent + len + " = " + len + " - 1;");
      } else if (s instanceof Stmt.When w) {
        // The d_step's guard already implies it; a false one here is SPIN's error, not a block.
        evaluation(w.condition(), scope, indent);
        line(indent + exprs.expr(w.condition(), scope) + ";");
      } else if (s instanceof Stmt.Assert a) {
        String name = ModelShape.assertName(a, process.name(), label);
        if (checked.covers(name)) {
          evaluation(a.condition(), scope, indent);
          line(indent + check(exprs.expr(a.condition(), scope), name));
        }
      } else if (s instanceof Stmt.Skip) {
        // nothing
      } else {
        throw new IllegalStateException("unreachable: " + s);
      }
    }

    /** {@code valueExpr} is null for a popped value, which needs no evaluation. */
    private void store(Expr target, Expr valueExpr, String value, Scope scope, String indent) {
      if (target instanceof Expr.Name n) {
        Storage s = exprs.storage(n.name(), scope);
        if (valueExpr != null) evaluation(valueExpr, scope, indent);
        range(value, (Type.Scalar) s.type(), indent);
        line(indent + s.name() + " = " + value + ";");
      } else {
        Expr.Index ix = (Expr.Index) target;
        Storage s = storage(ix.target(), scope);
        Type.Array a = (Type.Array) s.type();
        String i = exprs.expr(ix.index(), scope);
        evaluation(ix.index(), scope, indent);
        Integer fixed = exprs.constantValue(ix.index(), scope);
        if ((fixed == null || fixed < a.index().lo() || fixed > a.index().hi())
            && !exprs.within(ix.index(), a.index().lo(), a.index().hi(), scope)) {
          line(indent + check("(" + a.index().lo() + " <= " + i + " && " + i + " <= "
              + a.index().hi() + ")", "index_out_of_range"));
        }
        if (valueExpr != null) evaluation(valueExpr, scope, indent);
        range(value, a.element(), indent);
        line(indent + s.name() + "[" + PromelaExpressions.offset(i, a.index().lo()) + "] = "
            + value + ";");
      }
    }

    /** Bools and enums are checked by the type checker; integer ranges at run time. */
    private void range(String value, Type.Scalar type, String indent) {
      if (!(type instanceof Type.Range r)) return;
      try {
        int v = Integer.parseInt(value.replace("(", "").replace(")", ""));
        if (v >= r.lo() && v <= r.hi()) return;
      } catch (NumberFormatException notLiteral) {
        // checked below
      }
      line(indent + check("(" + r.lo() + " <= " + value + " && " + value + " <= " + r.hi()
          + ")", "value_out_of_range"));
    }
  }

  // ---- deadlock

  /**
   * SPIN's timeout is true exactly when no other statement is executable: then the state has no
   * enabled step, and it is a deadlock unless the final predicate holds.
   */
  private void monitor() {
    String fin;
    Scope global = new Scope(null, 0, StepPaths.Bindings.NONE, null);
    if (shape.finalCondition() != null) {
      fin = exprs.expr(shape.finalCondition(), global);
    } else {
      List<String> done = new ArrayList<>();
      for (ModelShape.Process p : shape.processes()) {
        for (int i = 0; i < p.instances(); i++) {
          done.add(InstanceNames.pc(p, i) + " == " + p.doneIndex());
        }
      }
      fin = done.isEmpty() ? "true" : "(" + String.join(" && ", done) + ")";
    }
    line("/* Deadlock: no step is enabled (timeout) in a state that is not final. */");
    line("active proctype poolcheck_deadlock() {");
    line("end_monitor:");
    line("  do");
    line("  :: atomic { timeout && !" + (fin.startsWith("(") ? fin : "(" + fin + ")") + " -> "
        + check("false", "deadlock") + " }");
    line("  od");
    line("}");
  }

  private void line(String s) {
    out.append(s).append('\n');
  }
}
