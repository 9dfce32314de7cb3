package poolcheck.export;

import static poolcheck.language.ErrorCode.NOT_EXPORTABLE;

import java.util.ArrayList;
import java.util.List;
import poolcheck.check.Action;
import poolcheck.check.CheckedStep;
import poolcheck.check.Type;
import poolcheck.export.ExportWalk.Instance;
import poolcheck.export.PromelaExpressions.Scope;
import poolcheck.export.PromelaExpressions.Substitution;
import poolcheck.export.StepPaths.Cond;
import poolcheck.export.StepPaths.Leaf;
import poolcheck.export.StepPaths.Node;
import poolcheck.language.DeepStack;
import poolcheck.language.Diagnostic;
import poolcheck.language.Expr;
import poolcheck.language.ModelException;
import poolcheck.language.Position;
import poolcheck.system.Property;
import poolcheck.system.StateView;
import poolcheck.system.Value;

/**
 * Writes a model as Promela for SPIN, so that SPIN's search and poolcheck's explore the same
 * graph: every model step is one {@code d_step} (one SPIN transition, no intermediate state), the
 * state vector is the model's variables, locals and program counters (all global), and the
 * properties are assertions named after them. The {@link ExportWalk} decides what is written;
 * this is its Promela dialect. docs/export.md states how SPIN's figures relate to poolcheck's.
 */
public final class PromelaExport implements ExportWalk.Dialect {
  /** Program counters start here until the init process writes the initial state. */
  static final int NOT_STARTED = 255;

  /** The macro holding every {@code assume} (reserved in {@link PromelaNames}). */
  private static final String ASSUMED = "poolcheck_assumed";
  private final ModelShape shape;
  private final ExportWalk walk;
  private final PromelaExpressions exprs;
  private final PromelaChecks checks;
  private final PromelaGuard guards;
  private final StringBuilder out = new StringBuilder();

  private final Checked checked;
  /**
   * Each step an atomic sequence of its guard and a d_step, so that the d_step's start is a
   * state SPIN marks reached only when the step is taken, and SPIN's unreached report lists the
   * steps never taken. Costs one stored SPIN state per (state, enabled path) and a step per step.
   */
  private final boolean stepStates;

  /** The liveness properties written as ltl formulas (those SPIN can check as poolcheck does). */
  private final List<Temporal.LeadsTo> live;
  private final PromelaLiveness.Decision liveness;
  /** What the export leaves out or cannot express, one warning line each. */
  private final List<String> dropped;
  /** The ways through weakly fair instances' steps where they change nothing, as options. */
  private final StringBuilder stutterCopies = new StringBuilder();
  /** Each instance's step guards, for the stutter option of an instance with no fairness. */
  private final java.util.Map<String, List<String>> guardsOf = new java.util.HashMap<>();

  /** A Promela model and what it leaves out of the model it was exported from. */
  public record File(String text, List<String> dropped) {}

  private PromelaExport(ModelShape shape, Checked checked, Temporal temporal,
      boolean stepStates) throws ModelException {
    this.shape = shape;
    this.checked = checked;
    this.stepStates = stepStates;
    this.liveness = PromelaLiveness.decide(shape, checked, temporal, stepStates);
    this.live = liveness.exported();
    this.dropped = liveness.dropped();
    this.walk = new ExportWalk(shape, checked);
    this.exprs = new PromelaExpressions(shape);
    this.checks = new PromelaChecks(shape, exprs);
    this.guards = new PromelaGuard(exprs, checks, checked);
  }

  public static String render(ModelShape shape) throws ModelException {
    return render(shape, Checked.all(shape));
  }

  /** Only the {@code checked} properties become assertions. */
  public static String render(ModelShape shape, Checked checked) throws ModelException {
    return render(shape, checked, Temporal.NONE, false).text();
  }

  /**
   * With the checked liveness properties as ltl formulas where SPIN's weak fairness is
   * poolcheck's, and every property or fairness it cannot express listed in {@link File#dropped}.
   * {@code stepStates}: as {@link #renderWithStepStates}.
   */
  public static File render(ModelShape shape, Checked checked, Temporal temporal,
      boolean stepStates) throws ModelException {
    // Deeply nested expressions (docs/language.md, Limits) need more than a default stack.
    return DeepStack.callModel(() -> {
      PromelaExport export = new PromelaExport(shape, checked, temporal, stepStates);
      return new File(export.render(), export.dropped);
    });
  }

  /**
   * As {@link #render(ModelShape, Checked)}, with every step a state of its own for SPIN's
   * unreached report (export --spin-coverage): a step is listed there exactly when poolcheck
   * reports it unreached. Not for state counts: SPIN stores the states between guards and
   * d_steps too (docs/export.md).
   */
  public static String renderWithStepStates(ModelShape shape, Checked checked)
      throws ModelException {
    return render(shape, checked, Temporal.NONE, true).text();
  }

  private String render() throws ModelException {
    FlatNames.check(shape, PromelaNames::id, "Promela");
    if (shape.processes().stream().mapToInt(p -> p.steps().size()).max().orElse(0)
        >= NOT_STARTED) {
      throw new ModelException(new Diagnostic(NOT_EXPORTABLE, new Position(shape.source(), 1, 1),
          "export: a process with " + NOT_STARTED + " or more steps does not fit a byte pc"));
    }
    walk.walk(this);
    ltl();
    return ValueBounds.noMinimumLiteral(out.toString());
  }

  // ---- state

  @Override
  public void declarations(List<Instance> instances) {
    line("/* " + shape.name() + ": exported from " + shape.source() + " by poolcheck export "
        + "--to promela. */");
    line("/* Each model step is one d_step; verify with: spin -o1 -o2 -a FILE && gcc "
        + "-DNOREDUCE -DBFS -DSAFETY -o pan pan.c && ./pan (docs/export.md). */");
    if (!live.isEmpty()) {
      line("/* The ltl formulas at the end are the liveness properties: leave them out of the "
          + "safety run with gcc -DNOCLAIM; check each with gcc -DNOREDUCE " + nfair()
          + " -o pan pan.c && ./pan -a -f -N L_name. */");
    }
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
    for (ModelShape.Variable v : shape.globals()) declare(PromelaNames.id(v.name()), v.type());
    for (Instance i : instances) {
      line("byte " + i.pc() + " = " + NOT_STARTED + ";");
      for (ModelShape.Variable v : i.process().locals()) {
        declare(InstanceNames.local(i.process(), i.index(), v.name()), v.type());
      }
    }
    if (!live.isEmpty()) {
      line("/* The liveness properties' premises (lp_) and goals (lq_), written after every step:");
      line("   functions of the state, so they add no states. */");
      for (Temporal.LeadsTo p : live) {
        if (p.p() != null) line("bool " + PromelaLiveness.premise(p) + ";");
        line("bool " + PromelaLiveness.goal(p) + ";");
      }
    }
    line("");
    if (!shape.checked().assumptions().isEmpty()) {
      // false where evaluating it fails: that state is reported (invariants below), not expanded
      Scope global = new Scope(null, 0, StepPaths.Bindings.NONE, null);
      List<String> each = new ArrayList<>();
      for (Expr a : shape.checked().assumptions()) each.add(predicate(a, global));
      line("/* assume: a state outside it takes no step, and is no deadlock */");
      line("#define " + ASSUMED + " (" + String.join(" && ", each) + ")");
      line("");
    }
  }

  private void declare(String name, Type type) {
    if (type instanceof Type.Scalar s) {
      line(PromelaNames.type(s) + " " + name + ";");
    } else if (type instanceof Type.Array a) {
      // a two-dimensional array flattened row-major: SPIN has no arrays of arrays
      line(PromelaNames.type(a.element()) + " " + name + "[" + a.slots() + "];");
    } else if (type instanceof Type.Container c) {
      line(PromelaNames.type(c.element()) + " " + name + "[" + c.capacity() + "];");
      line("byte " + PromelaNames.length(name) + ";");
    }
  }

  /**
   * One d_step per initial state: SPIN starts from the state before it (every pc NOT_STARTED),
   * one state and one step more than poolcheck counts.
   */
  @Override
  public void initial(List<StateView> states, List<ModelShape.InitialViolation> violations) {
    line("init {");
    line("  if");
    for (StateView s : states) {
      line("  :: d_step {");
      assignState(s);
      invariants("    ");
      observe("    ");
      line("  }");
    }
    // A way through init that breaks a property: poolcheck reports it with no steps.
    for (ModelShape.InitialViolation v : violations) {
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
    for (Instance i : walk.instances()) {
      ModelShape.Process p = i.process();
      String inst = i.modelName();
      for (ModelShape.Variable v : p.locals()) {
        assignValue(InstanceNames.local(p, i.index(), v.name()), v.type(), s.get(inst + "."
            + v.name()), "    ");
      }
      line("    " + i.pc() + " = " + p.labelIndex(s.get(inst + ".pc").toString()) + ";");
    }
  }

  private void assignValue(String name, Type type, Value value, String indent) {
    if (type instanceof Type.Scalar) {
      line(indent + name + " = " + literal(value) + ";");
    } else if (type instanceof Type.Array a) {
      List<Value> elements = new ArrayList<>();
      for (Value v : ((Value.Array) value).values()) {
        if (v instanceof Value.Array row) elements.addAll(row.values()); else elements.add(v);
      }
      for (int i = 0; i < a.slots(); i++) {
        line(indent + name + "[" + i + "] = " + literal(elements.get(i)) + ";");
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

  /** Invariants hold after init and after every step: asserted at the end of each d_step. */
  private void invariants(String indent) {
    Scope global = new Scope(null, 0, StepPaths.Bindings.NONE, null);
    for (ModelShape.Invariant inv : walk.checkedInvariants()) {
      evaluation(inv.condition(), global, indent);
      line(indent + check(exprs.expr(inv.condition(), global), inv.name()));
    }
    for (Expr a : shape.checked().assumptions()) evaluation(a, global, indent);
  }

  @Override
  public void invariants(List<ModelShape.Invariant> all, List<ModelShape.Invariant> reported) {
    // asserted at the end of every d_step instead
  }

  /** Asserts, in evaluation order, that evaluating {@code e} raises no runtime property. */
  private void evaluation(Expr e, Scope scope, String indent) {
    for (RuntimeChecks.Check c : checks.of(e, scope)) {
      line(indent + check("!" + PromelaGuard.wrap(c.condition()), c.property()));
    }
  }

  /** Records each liveness premise and goal over the state the d_step leaves. */
  private void observe(String indent) {
    Scope global = new Scope(null, 0, StepPaths.Bindings.NONE, null);
    for (Temporal.LeadsTo p : live) {
      if (p.p() != null) line(indent + PromelaLiveness.premise(p) + " = " + predicate(p.p(), global) + ";");
      line(indent + PromelaLiveness.goal(p) + " = " + predicate(p.q(), global) + ";");
    }
  }

  /** A condition that is false where evaluating it fails, as the liveness checker reads it. */
  private String predicate(Expr e, Scope scope) {
    String text = PromelaGuard.wrap(exprs.expr(e, scope));
    String fails = PromelaChecks.any(checks.of(e, scope));
    return fails == null ? text : "(!" + PromelaGuard.wrap(fails) + " && " + text + ")";
  }

  /**
   * The -DNFAIR pan -f needs: it stops with "too many processes" once processes + 1 reach
   * 4 * NFAIR. Counted as if the init process, the deadlock monitor, poolcheck_stutter and the
   * never claim were all there.
   */
  private String nfair() {
    int processes = walk.instances().size() + 4;
    return "-DNFAIR=" + Math.max(2, (processes + 1) / 4 + 1);
  }

  /** The liveness properties, after the processes: one never claim each, chosen with -N. */
  private void ltl() {
    if (live.isEmpty()) return;
    line("");
    line("/* Liveness under the model's fairness: gcc -DNOREDUCE " + nfair() + " -o pan pan.c && "
        + "./pan -a -f -N L_name (docs/export.md). */");
    for (Temporal.LeadsTo p : live) {
      String q = PromelaLiveness.goal(p);
      String formula = switch (p.kind()) {
        case EVENTUALLY -> "<> " + q;
        case INFINITELY -> "[] <> " + q;
        case LEADS_TO -> "[] (" + PromelaLiveness.premise(p) + " -> <> " + q + ")";
      };
      line("ltl L_" + p.name() + " { " + formula + " } /* " + p.pos() + " */");
    }
  }

  private static String check(String condition, String property) {
    return "assert(" + condition + " || " + PromelaNames.property(property) + " == 0);";
  }

  // ---- processes

  @Override
  public void beginInstance(Instance i) {
    // a process may be named as a Promela keyword (skip): renamed as any model name
    line("active proctype " + PromelaNames.id(i.name()) + "() {");
    // Blocked here is a valid end: the monitor, not SPIN's end-state check, reports deadlocks.
    line("end_" + i.name() + ":");
    line("  do");
  }

  @Override
  public void endInstance(Instance i) {
    List<String> guards = guardsOf.get(i.name());
    if (!live.isEmpty() && !liveness.fair(i) && guards != null) {
      // SPIN's pan -f makes every process weakly fair; an instance poolcheck does not make fair
      // may instead stay enabled for ever without moving: it stutters, which keeps the state.
      line("  :: d_step { /* " + i.modelName() + " stutters: it has no fairness */");
      line("       " + String.join(" || ", guards.stream().map(PromelaGuard::wrap).toList())
          + " -> skip");
      line("     }");
    }
    line("  od");
    line("}");
    line("");
  }

  /** One d_step per way through: a d_step cannot choose. */
  @Override
  public void step(ExportWalk.Step s) {
    for (int j = 0; j < s.paths().size(); j++) path(s, j);
  }

  private void path(ExportWalk.Step s, int j) {
    Instance inst = s.instance();
    CheckedStep step = s.step();
    List<Node> path = s.paths().get(j);
    String pc = inst.pc();
    Scope scope = new Scope(inst.process(), inst.index(), StepPaths.Bindings.NONE, null);
    String guard = guards.enabled(path, 0, scope.with(StepPaths.Bindings.NONE,
        new Substitution()));
    if (step.guard() != null) {
      // A guard whose evaluation fails is a violation poolcheck reports: the step runs to it.
      guard = PromelaGuard.or(PromelaChecks.any(checks.of(step.guard(), scope)),
          PromelaGuard.and(exprs.expr(step.guard(), scope), guard));
    }
    if (!shape.checked().assumptions().isEmpty()) guard = PromelaGuard.and(ASSUMED, guard);
    guard = PromelaGuard.and("(" + pc + " == " + step.pc() + ")", guard);
    guardsOf.computeIfAbsent(inst.name(), k -> new ArrayList<>()).add(guard);
    if (!live.isEmpty() && liveness.fair(inst) && PromelaLiveness.jumpsTo(path, step.pc())) {
      // A weakly fair instance's way back to its own label may change nothing: then it is no
      // step of the instance for poolcheck, so it runs in poolcheck_stutter instead.
      String moves = guards.moves(path, 0, scope.with(StepPaths.Bindings.NONE,
          new Substitution()), step.pc());
      if (!moves.equals("1")) {
        int mark = out.length();
        option(s, j, PromelaGuard.and(guard, "!" + PromelaGuard.wrap(moves)),
            ", where it changes nothing");
        stutterCopies.append(out, mark, out.length());
        out.setLength(mark);
        if (!moves.equals("0")) {
          option(s, j, PromelaGuard.and(guard, PromelaGuard.wrap(moves)), "");
        }
        return;
      }
    }
    option(s, j, guard, "");
  }

  /** One do option: the d_step of way {@code j} through a step, started by {@code guard}. */
  private void option(ExportWalk.Step s, int j, String guard, String note) {
    Instance inst = s.instance();
    CheckedStep step = s.step();
    List<Node> path = s.paths().get(j);
    int paths = s.paths().size();
    String pc = inst.pc();
    Scope scope = new Scope(inst.process(), inst.index(), StepPaths.Bindings.NONE, null);
    String comment = "/* " + inst.modelName() + " " + step.label()
        + (step.kernelFunction() != null ? " @" + step.kernelFunction() : "")
        + (paths > 1 ? ", path " + (j + 1) + " of " + paths : "") + note + " */";
    if (stepStates) {
      // One line: SPIN names the d_step by this line in its unreached report.
      line("  :: atomic { " + guard + " -> d_step { " + comment);
    } else {
      line("  :: d_step { " + comment);
      line("       " + guard + " ->");
    }
    String end = inst.name() + "_" + step.label() + "_" + j + "_end";
    Body body = new Body(inst, pc, end);
    if (step.guard() != null) evaluation(step.guard(), scope, "       ");
    boolean jumped = body.block(path, scope, "       ");
    if (!jumped) line("       " + pc + " = " + step.next() + ";");
    if (body.usedEnd) line("     " + end + ":");
    if (walk.checkedInvariants().isEmpty() && live.isEmpty()
        && shape.checked().assumptions().isEmpty()) {
      if (body.usedEnd) line("       skip");
    } else {
      invariants("       ");
      observe("       ");
    }
    line(stepStates ? "     } }" : "     }");
  }

  /** The statements of one path inside its d_step, written as they run. */
  private final class Body implements StatementWalk.Dialect<Scope> {
    final Instance instance;
    final String pc;
    final String end;
    final StatementWalk<Scope> statements;
    boolean usedEnd;
    /** Where the statement being written starts its lines. */
    String indent;
    Scope scope;

    Body(Instance instance, String pc, String end) {
      this.instance = instance;
      this.pc = pc;
      this.end = end;
      this.statements = new StatementWalk<>(this, checked);
    }

    /** Emits the nodes; true when the block ends in a goto at its top level. */
    boolean block(List<Node> nodes, Scope scope, String indent) {
      for (Node n : nodes) {
        if (n instanceof Cond c) {
          Scope here = scope.with(c.bindings(), null);
          evaluation(c.action().condition(), here, indent);
          line(indent + "if");
          line(indent + ":: " + exprs.expr(c.action().condition(), here) + " ->");
          branch(c.then(), scope, indent);
          line(indent + ":: else ->");
          branch(c.otherwise(), scope, indent);
          line(indent + "fi;");
          continue;
        }
        Leaf leaf = (Leaf) n;
        if (leaf.action() instanceof Action.Goto g) {
          line(indent + pc + " = " + g.pc() + ";");
          return true;
        }
        this.indent = indent;
        this.scope = scope;
        statements.leaf(leaf);
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

    @Override
    public Scope scope(StepPaths.Bindings bindings) {
      return scope.with(bindings, null);
    }

    @Override
    public Storage storage(Action.Place place, Scope scope) {
      return exprs.storage(place, scope);
    }

    @Override
    public String expr(Expr e, Scope scope) {
      return exprs.expr(e, scope);
    }

    @Override
    public void evaluate(Expr e, Scope scope) {
      evaluation(e, scope, indent);
    }

    @Override
    public void require(String holds, String property) {
      line(indent + check(holds, property));
    }

    @Override
    public String inRange(String text, Type.Range r) {
      return "(" + r.lo() + " <= " + text + " && " + text + " <= " + r.hi() + ")";
    }

    @Override
    public String indexInRange(Expr index, String text, Type.Scalar domain, Scope scope) {
      Integer fixed = exprs.constantValue(index, scope);
      if ((fixed != null && fixed >= domain.lo() && fixed <= domain.hi())
          || exprs.within(index, domain.lo(), domain.hi(), scope)) {
        return null;
      }
      return "(" + domain.lo() + " <= " + text + " && " + text + " <= " + domain.hi() + ")";
    }

    @Override
    public String hasRoom(Storage c, Scope scope) {
      return PromelaNames.length(c.name()) + " < " + ((Type.Container) c.type()).capacity();
    }

    @Override
    public String nonEmpty(Storage c, Scope scope) {
      return PromelaNames.length(c.name()) + " > 0";
    }

    @Override
    public void assign(Storage s, String value, Scope scope) {
      line(indent + s.name() + " = " + value + ";");
    }

    @Override
    public void assignElement(Storage s, String index, String value, Scope scope) {
      Type.Array a = (Type.Array) s.type();
      // a two-dimensional array's index is already its flat offset (cell)
      line(indent + s.name() + "[" + (a.second() != null ? index
          : PromelaExpressions.offset(index, a.index().lo())) + "] = " + value + ";");
    }

    @Override
    public String cell(String first, String second, Type.Array array) {
      return PromelaExpressions.cell(first, second, array);
    }

    @Override
    public void push(Storage c, String value, Scope scope) {
      String len = PromelaNames.length(c.name());
      line(indent + c.name() + "[" + len + "] = " + value + ";");
      line(indent + len + " = " + len + " + 1;");
    }

    @Override
    public void pop(Action.Pop p, Storage c, Scope scope) {
      Type.Container ct = p.type();
      String len = PromelaNames.length(c.name());
      if (p.target() != null) {
        statements.store(p.target(), null, exprs.head(c.name(), ct, scope), scope);
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
    }

    /** The d_step's guard already implies it; a false one here is SPIN's error, not a block. */
    @Override
    public void when(String condition) {
      line(indent + condition + ";");
    }
  }

  // ---- deadlock

  /**
   * SPIN's timeout is true exactly when no other statement is executable: then the state has no
   * enabled step, and it is a deadlock unless the final predicate holds.
   */
  @Override
  public void finalStates(List<Instance> instances, boolean deadlock) {
    if (stutterCopies.length() > 0) {
      line("/* The ways through weakly fair instances' steps back to their own label, where they");
      line("   change nothing: poolcheck counts them as no step of the instance, so they run in a");
      line("   process of their own, whose pan -f fairness they meet whenever they run. */");
      line("active proctype poolcheck_stutter() {");
      line("end_stutter:");
      line("  do");
      out.append(stutterCopies);
      line("  od");
      line("}");
      line("");
    }
    if (!deadlock) return;
    String fin;
    Scope global = new Scope(null, 0, StepPaths.Bindings.NONE, null);
    if (shape.finalCondition() != null) {
      fin = exprs.expr(shape.finalCondition(), global);
    } else {
      List<String> done = new ArrayList<>();
      for (Instance i : instances) done.add(i.pc() + " == " + i.process().doneIndex());
      fin = done.isEmpty() ? "true" : "(" + String.join(" && ", done) + ")";
    }
    line("/* Deadlock: no step is enabled (timeout) in a state that is not final. */");
    line("active proctype poolcheck_deadlock() {");
    line("end_monitor:");
    line("  do");
    if (!shape.checked().assumptions().isEmpty()) fin = "(" + fin + " || !" + ASSUMED + ")";
    line("  :: atomic { timeout && !" + (fin.startsWith("(") ? fin : "(" + fin + ")") + " -> "
        + check("false", "deadlock") + " }");
    line("  od");
    line("}");
  }

  private void line(String s) {
    out.append(s).append('\n');
  }
}
