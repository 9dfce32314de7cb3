package poolcheck.export;

import static poolcheck.export.Formula.atom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import poolcheck.check.Type;
import poolcheck.system.StateView;
import poolcheck.system.Value;
import poolcheck.check.Action;
import poolcheck.check.CheckedStep;
import poolcheck.export.ExportWalk.Instance;
import poolcheck.export.Formula.And;
import poolcheck.export.Formula.If;
import poolcheck.export.Formula.Let;
import poolcheck.export.Formula.Or;
import poolcheck.language.DeepStack;
import poolcheck.language.Expr;
import poolcheck.language.ModelException;
import poolcheck.export.StepPaths.Cond;
import poolcheck.export.StepPaths.Leaf;
import poolcheck.export.StepPaths.Node;
import poolcheck.export.TlaExpressions.Scope;

/**
 * Writes a model as a TLA+ module and a TLC configuration whose behaviours are the model's: one
 * variable per model variable, local and program counter; Init is the model's set of initial
 * states; one action per step of each instance, each a disjunction of the step's ways through
 * (the same paths the Promela export uses); invariants as INVARIANTs; assertions and runtime
 * errors as TLC's Assert; and a Done action that lets final states stutter, so that TLC's
 * deadlock check reports exactly the model's deadlocks. The {@link ExportWalk} decides what is
 * written; this is its TLA+ dialect.
 */
public final class TlaExport implements ExportWalk.Dialect {
  /**
   * The module text and its configuration; {@code dropped} what they leave out or approximate,
   * one {@code file:line:column: warning PC201: ...} line each.
   */
  public record Files(String module, String config, List<String> dropped) {}

  private final ModelShape shape;
  private final TlaExpressions exprs;
  private final TlaChecks checks;
  private final List<String> variables = new ArrayList<>();
  private final StringBuilder out = new StringBuilder();
  private final StringBuilder cfg = new StringBuilder();
  /** The Next disjuncts: every step's action, then Done. */
  private final List<String> actions = new ArrayList<>();
  private final String module;
  /** Whether TLC checks deadlocks: set when the walk reaches the final states. */
  private boolean deadlock;

  private final Checked checked;
  private final Temporal temporal;
  /** Each instance's actions, by instance name, for its fairness. */
  private final Map<String, List<String>> instanceActions = new LinkedHashMap<>();
  /** The operator holding every {@code assume} (reserved: a model's Assumption is Assumption_). */
  private static final String ASSUMED = "Assumption";

  private TlaExport(ModelShape shape, Checked checked, Temporal temporal, String module) {
    this.shape = shape;
    this.checked = checked;
    this.temporal = temporal;
    this.module = module;
    this.exprs = new TlaExpressions(shape);
    this.checks = new TlaChecks(shape, exprs);
  }

  /** A TLA+ module name for a model: letters, digits and underscores. */
  public static String moduleName(String model) {
    String name = model.replaceAll("[^A-Za-z0-9_]", "_");
    return name.matches(".*[A-Za-z].*") ? name : "M" + name;
  }

  public static Files render(ModelShape shape, String module) throws ModelException {
    return render(shape, module, Checked.all(shape));
  }

  /** Only the {@code checked} properties become Asserts, INVARIANTs and the deadlock check. */
  public static Files render(ModelShape shape, String module, Checked checked)
      throws ModelException {
    return render(shape, module, checked, Temporal.NONE);
  }

  /**
   * As {@link #render(ModelShape, String, Checked)}, with the checked liveness properties as
   * PROPERTYs and the processes' fairness as WF/SF conjuncts of Spec.
   */
  public static Files render(ModelShape shape, String module, Checked checked,
      Temporal temporal) throws ModelException {
    // Deeply nested expressions (docs/language.md, Limits) need more than a default stack.
    Files files = DeepStack.callModel(() -> new TlaExport(shape, checked, temporal, module)
        .render());
    return new Files(ValueBounds.noMinimumLiteral(files.module()),
        ValueBounds.noMinimumLiteral(files.config()), files.dropped());
  }

  private Files render() throws ModelException {
    FlatNames.check(shape, TlaExpressions::id, "TLA+");
    new ExportWalk(shape, checked).walk(this);
    List<Temporal.LeadsTo> live = temporal.checked(checked);
    if (!live.isEmpty()) {
      // Fairness is part of Spec, which TLC reads only as SPECIFICATION, not as INIT/NEXT.
      int at = cfg.indexOf("INIT Init\nNEXT Next\n");
      cfg.replace(at, at + "INIT Init\nNEXT Next\n".length(), "SPECIFICATION Spec\n");
      for (Temporal.LeadsTo p : live) cfg.append("PROPERTY Live_").append(p.name()).append('\n');
    }
    cfg.append("CHECK_DEADLOCK ").append(deadlock ? "TRUE" : "FALSE").append('\n');
    line("=".repeat(42 + module.length()));
    List<String> dropped = new ArrayList<>();
    for (poolcheck.language.Position p : exprs.negativeDivisors()) {
      dropped.add(new poolcheck.language.Diagnostic(poolcheck.language.ErrorCode.NOT_EXPORTABLE,
          p, "tla: this / or % may have a negative divisor, where the Integers module leaves "
          + "\\div and % undefined (poolcheck floors); TLC's answer there is TLC's own")
          .renderWarning());
    }
    return new Files(out.toString(), cfg.toString(), List.copyOf(dropped));
  }

  @Override
  public void declarations(List<Instance> instances) {
    for (ModelShape.Variable v : shape.globals()) variables.add(TlaExpressions.id(v.name()));
    for (Instance i : instances) {
      variables.add(i.pc());
      for (ModelShape.Variable v : i.process().locals()) {
        variables.add(InstanceNames.local(i.process(), i.index(), v.name()));
      }
    }
    String rule = "-".repeat(20);
    line(rule + " MODULE " + module + " " + rule);
    line("(* " + shape.name() + ": exported from " + shape.source() + " by poolcheck export "
        + "--to tla. *)");
    line("(* Check with TLC and " + module + ".cfg; docs/export.md says how its figures "
        + "compare. *)");
    line("EXTENDS Integers, Sequences, FiniteSets, TLC");
    line("");
    for (ModelShape.Constant c : shape.constants().values()) {
      line(TlaExpressions.id(c.name()) + " == " + (c.bool() ? (c.value() != 0 ? "TRUE" : "FALSE")
          : TlaExpressions.scalar(new Type.Range(c.value(), c.value()), c.value())));
    }
    line("");
    line("VARIABLES " + String.join(", ", variables));
    line("");
    line("vars == <<" + String.join(", ", variables) + ">>");
    line("");
  }

  @Override
  public void beginInstance(Instance instance) {
    // an instance's steps are actions of their own
  }

  @Override
  public void endInstance(Instance instance) {
    // nothing closes an instance
  }

  @Override
  public void invariants(List<ModelShape.Invariant> all, List<ModelShape.Invariant> reported) {
    Scope global = new Scope(null, 0, StepPaths.Bindings.NONE, Set.of(), Map.of());
    for (ModelShape.Invariant inv : all) {
      String name = "Inv_" + inv.name();
      List<Item> evaluation = new ArrayList<>();
      evaluation(inv.condition(), global, evaluation);
      if (evaluation.isEmpty()) {
        line(name + " == " + exprs.expr(inv.condition(), global));
      } else {
        // A failure while evaluating the invariant is the runtime property poolcheck reports.
        List<Formula> conj = new ArrayList<>();
        for (Item i : evaluation) conj.add(((Conjunct) i).formula());
        conj.add(atom(exprs.expr(inv.condition(), global)));
        line(name + " ==");
        emit(new And(conj), 2);
      }
      if (reported.contains(inv)) cfg.append("INVARIANT ").append(name).append('\n');
    }
  }

  // ---- initial states

  @Override
  public void initial(List<StateView> initialStates,
      List<ModelShape.InitialViolation> violations) {
    cfg.append("\\* TLC configuration for ").append(module)
        .append(" (poolcheck export --to tla)\n");
    cfg.append("INIT Init\nNEXT Next\n");
    List<Formula> states = new ArrayList<>();
    for (StateView s : initialStates) {
      List<Formula> conj = new ArrayList<>();
      for (ModelShape.Variable v : shape.globals()) {
        conj.add(atom(TlaExpressions.id(v.name()) + " = " + value(v.type(), s.get(v.name()))));
      }
      for (Instance i : new ExportWalk(shape, checked).instances()) {
        String inst = i.modelName();
        conj.add(atom(i.pc() + " = " + TlaExpressions.literal(s.get(inst + ".pc"))));
        for (ModelShape.Variable v : i.process().locals()) {
          conj.add(atom(InstanceNames.local(i.process(), i.index(), v.name()) + " = "
              + value(v.type(), s.get(inst + "." + v.name()))));
        }
      }
      states.add(new And(conj));
    }
    // A way through init that breaks a property: TLC reports it while computing Init.
    for (ModelShape.InitialViolation v : violations) {
      states.add(check("FALSE", v.property()).formula());
    }
    line("Init ==");
    emit(states.size() == 1 ? states.get(0) : new Or(states), 2);
    line("");
    assumption();
  }

  /**
   * {@code assume} as a conjunct of every step and a stutter in Done: a state outside the
   * constraint is stored, counted and checked as poolcheck does, takes no step and is no deadlock
   * (TLC's CONSTRAINT would not count it). Its evaluation failing is the runtime property
   * poolcheck reports there.
   */
  private void assumption() {
    if (shape.checked().assumptions().isEmpty()) return;
    Scope global = new Scope(null, 0, StepPaths.Bindings.NONE, Set.of(), Map.of());
    List<Formula> conj = new ArrayList<>();
    boolean mayFail = false;
    for (Expr a : shape.checked().assumptions()) {
      List<Item> evaluation = new ArrayList<>();
      evaluation(a, global, evaluation);
      mayFail |= !evaluation.isEmpty();
      for (Item i : evaluation) conj.add(((Conjunct) i).formula());
      conj.add(condition(exprs.expr(a, global)));
    }
    line("\\* assume: a state outside it takes no step (Done lets it stutter)");
    line(ASSUMED + " ==");
    emit(new And(conj), 2);
    line("");
    if (mayFail) {
      // An invariant, so that TLC reports the failure in the state itself, as poolcheck does,
      // not one step later while computing its successors.
      line(ASSUMED + "Evaluates == " + ASSUMED + " \\/ ~" + ASSUMED);
      line("");
      cfg.append("INVARIANT ").append(ASSUMED).append("Evaluates\n");
    }
  }

  private static String value(Type type, Value v) {
    if (type instanceof Type.Array a && a.second() != null) {
      // a function of functions, row by row: [k_ \in I |-> row] when every row is the same
      Type.Array row = new Type.Array(a.element(), a.second());
      Value.Array rows = (Value.Array) v;
      if (rows.values().stream().distinct().count() == 1) {
        // r_, not k_: a row [k_ \\in J |-> v] inside may not redeclare the outer bound name
        return "[r_ \\in " + TlaExpressions.set(a.index()) + " |-> "
            + value(row, rows.values().get(0)) + "]";
      }
      List<String> out = new ArrayList<>();
      for (int i = 0; i < rows.values().size(); i++) {
        out.add(TlaExpressions.literal(rows.keys().get(i)) + " :> "
            + value(row, rows.values().get(i)));
      }
      return "(" + String.join(" @@ ", out) + ")";
    }
    if (type instanceof Type.Array a) {
      String lit = TlaExpressions.literal(v);
      if (lit != null) return lit;
      return "[k_ \\in " + TlaExpressions.set(a.index()) + " |-> "
          + TlaExpressions.literal(((Value.Array) v).values().get(0)) + "]";
    }
    return TlaExpressions.literal(v);
  }

  // ---- steps

  /** One action per step of an instance: a disjunction of its ways through. */
  @Override
  public void step(ExportWalk.Step s) {
    Instance inst = s.instance();
    CheckedStep step = s.step();
    definitions = 0;
    String name = inst.name() + "_" + step.label();
    String pc = inst.pc();
    Scope scope = new Scope(inst.process(), inst.index(), StepPaths.Bindings.NONE, Set.of(),
        Map.of());
    List<Formula> conj = new ArrayList<>();
    conj.add(atom(pc + " = " + TlaExpressions.string(step.label())));
    if (!shape.checked().assumptions().isEmpty()) conj.add(atom(ASSUMED + " = TRUE"));
    if (step.guard() != null) {
      List<Item> evaluation = new ArrayList<>();
      evaluation(step.guard(), scope, evaluation);
      for (Item item : evaluation) conj.add(((Conjunct) item).formula());
      conj.add(condition(exprs.expr(step.guard(), scope)));
    }
    List<Formula> ways = new ArrayList<>();
    for (List<Node> path : s.paths()) {
      ways.add(path(path, 0, scope, new LinkedHashMap<>(), new ArrayList<>(), pc,
          step.nextLabel()));
    }
    conj.add(ways.size() == 1 ? ways.get(0) : new Or(ways));
    line("\\* " + inst.modelName() + " " + step.label()
        + (step.kernelFunction() != null ? " @" + step.kernelFunction() : "") + " ("
        + step.pos() + ")");
    line(name + " ==");
    emit(new And(conj), 2);
    line("");
    actions.add(name);
    instanceActions.computeIfAbsent(inst.name(), k -> new ArrayList<>()).add(name);
  }

  /** A conjunct, or a LET definition that names a value for what follows. */
  private sealed interface Item {}

  private record Conjunct(Formula formula) implements Item {}

  private record Definition(String name, String value) implements Item {
    Formula.Definition formula() {
      return new Formula.Definition(name, value);
    }
  }

  /** Names LET definitions uniquely within one action (TLA+ forbids shadowing). */
  private int definitions;

  /**
   * The formula of one path from node {@code n} on, {@code state} the values so far. An if
   * whose branches neither block nor jump is merged (each variable it changes becomes IF c THEN
   * .. ELSE ..); any other if splits the rest of the path in two.
   */
  private Formula path(List<Node> nodes, int n, Scope scope, Map<String, String> state,
      List<Item> items, String pc, String next) {
    for (int j = n; j < nodes.size(); j++) {
      Node node = nodes.get(j);
      if (node instanceof Cond c) {
        Scope here = new Scope(scope.process(), scope.instance(), c.bindings(), Set.of(), state);
        String condition = exprs.expr(c.action().condition(), here);
        evaluation(c.action().condition(), here, items);
        if (straight(c.then()) && straight(c.otherwise())) {
          merge(c, condition, scope, state, items);
          continue;
        }
        List<Node> then = new ArrayList<>(c.then());
        then.addAll(nodes.subList(j + 1, nodes.size()));
        List<Node> otherwise = new ArrayList<>(c.otherwise());
        otherwise.addAll(nodes.subList(j + 1, nodes.size()));
        items.add(new Conjunct(new If(condition,
            path(then, 0, scope, new LinkedHashMap<>(state), new ArrayList<>(), pc, next),
            path(otherwise, 0, scope, new LinkedHashMap<>(state), new ArrayList<>(), pc, next))));
        return build(items, 0);
      }
      Leaf leaf = (Leaf) node;
      if (leaf.action() instanceof Action.Goto g) {
        items.add(new Conjunct(finish(state, pc, g.label())));
        return build(items, 0);
      }
      leaf(leaf, scope, state, items);
    }
    items.add(new Conjunct(finish(state, pc, next)));
    return build(items, 0);
  }

  private static boolean straight(List<Node> nodes) {
    for (Node n : nodes) {
      if (n instanceof Leaf l && (l.action() instanceof Action.When
          || l.action() instanceof Action.Goto)) {
        return false;
      }
      if (n instanceof Cond c && !(straight(c.then()) && straight(c.otherwise()))) return false;
    }
    return true;
  }

  private void merge(Cond c, String condition, Scope scope, Map<String, String> state,
      List<Item> items) {
    Map<String, String> then = new LinkedHashMap<>(state);
    List<Item> thenItems = new ArrayList<>();
    straight(c.then(), scope, then, thenItems);
    Map<String, String> otherwise = new LinkedHashMap<>(state);
    List<Item> otherwiseItems = new ArrayList<>();
    straight(c.otherwise(), scope, otherwise, otherwiseItems);
    // The branches' definitions are pure and evaluated only where used: hoist them.
    List<Formula> thenChecks = hoist(thenItems, items);
    List<Formula> otherwiseChecks = hoist(otherwiseItems, items);
    if (!thenChecks.isEmpty() || !otherwiseChecks.isEmpty()) {
      items.add(new Conjunct(new If(condition, conjunction(thenChecks),
          conjunction(otherwiseChecks))));
    }
    for (String v : variables) {
      String a = then.getOrDefault(v, v);
      String b = otherwise.getOrDefault(v, v);
      if (a.equals(b)) {
        if (!a.equals(state.getOrDefault(v, v))) state.put(v, a);
        continue;
      }
      define(v, "IF " + condition + " THEN " + a + " ELSE " + b, state, items);
    }
  }

  private void straight(List<Node> nodes, Scope scope, Map<String, String> state,
      List<Item> items) {
    for (Node n : nodes) {
      if (n instanceof Cond c) {
        Scope here = new Scope(scope.process(), scope.instance(), c.bindings(), Set.of(), state);
        evaluation(c.action().condition(), here, items);
        merge(c, exprs.expr(c.action().condition(), here), scope, state, items);
      } else {
        leaf((Leaf) n, scope, state, items);
      }
    }
  }

  private static List<Formula> hoist(List<Item> from, List<Item> to) {
    List<Formula> checks = new ArrayList<>();
    for (Item i : from) {
      if (i instanceof Definition d) to.add(d);
      if (i instanceof Conjunct c) checks.add(c.formula());
    }
    return checks;
  }

  private static Formula conjunction(List<Formula> items) {
    return items.isEmpty() ? atom("TRUE") : new And(items);
  }

  /** Names a new value of variable v with a LET definition, so later reads stay short. */
  private void define(String v, String value, Map<String, String> state, List<Item> items) {
    String name = v + "__" + (++definitions);
    items.add(new Definition(name, value));
    state.put(v, name);
  }

  private Formula build(List<Item> items, int from) {
    List<Formula> conj = new ArrayList<>();
    for (int i = from; i < items.size(); i++) {
      if (items.get(i) instanceof Conjunct c) {
        conj.add(c.formula());
        continue;
      }
      List<Formula.Definition> defs = new ArrayList<>();
      int j = i;
      while (j < items.size() && items.get(j) instanceof Definition d) {
        defs.add(d.formula());
        j++;
      }
      conj.add(new Let(defs, build(items, j)));
      break;
    }
    return conj.size() == 1 ? conj.get(0) : new And(conj);
  }

  private void leaf(Leaf leaf, Scope scope, Map<String, String> state, List<Item> items) {
    new Way(scope, state, items).statements.leaf(leaf);
  }

  /** Asserts, in evaluation order, that evaluating {@code e} raises no runtime property. */
  private void evaluation(Expr e, Scope scope, List<Item> items) {
    for (RuntimeChecks.Check c : checks.of(e, scope)) {
      items.add(check("~" + TlaExpressions.paren(c.condition()), c.property()));
    }
  }

  /**
   * A statement of a way through as conjuncts and definitions over the state before the step:
   * {@code state} maps each variable to its value so far.
   */
  private final class Way implements StatementWalk.Dialect<Scope> {
    final Scope scope;
    final Map<String, String> state;
    final List<Item> items;
    final StatementWalk<Scope> statements;

    Way(Scope scope, Map<String, String> state, List<Item> items) {
      this.scope = scope;
      this.state = state;
      this.items = items;
      this.statements = new StatementWalk<>(this, checked);
    }

    @Override
    public Scope scope(StepPaths.Bindings bindings) {
      return new Scope(scope.process(), scope.instance(), bindings, Set.of(), state);
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
      evaluation(e, scope, items);
    }

    @Override
    public void require(String holds, String property) {
      items.add(check(holds, property));
    }

    @Override
    public String inRange(String text, Type.Range range) {
      return text + " \\in " + TlaExpressions.set(range);
    }

    /** Enum and bool indices are in range by their type. */
    @Override
    public String indexInRange(Expr index, String text, Type.Scalar domain, Scope scope) {
      if (domain instanceof Type.Enum || domain instanceof Type.Bool) return null;
      return text + " \\in " + TlaExpressions.set(domain);
    }

    @Override
    public String hasRoom(Storage c, Scope scope) {
      return "Len(" + exprs.read(c, scope) + ") < " + ((Type.Container) c.type()).capacity();
    }

    @Override
    public String nonEmpty(Storage c, Scope scope) {
      return "Len(" + exprs.read(c, scope) + ") > 0";
    }

    /** A long value gets a name, so later reads stay short. */
    @Override
    public void assign(Storage s, String value, Scope scope) {
      if (value.length() <= 40) {
        state.put(s.name(), value);
      } else {
        define(s.name(), value, state, items);
      }
    }

    /** EXCEPT ![p][c]: a function of functions takes the path of both indices. */
    @Override
    public String cell(String first, String second, Type.Array array) {
      return first + "][" + second;
    }

    @Override
    public void assignElement(Storage s, String index, String value, Scope scope) {
      define(s.name(), "[" + exprs.read(s, scope) + " EXCEPT ![" + index + "] = " + value + "]",
          state, items);
    }

    @Override
    public void push(Storage c, String value, Scope scope) {
      define(c.name(), "Append(" + exprs.read(c, scope) + ", " + value + ")", state, items);
    }

    @Override
    public void pop(Action.Pop pop, Storage c, Scope scope) {
      Type.Container ct = pop.type();
      String cur = exprs.read(c, scope);
      String rest = ct.fifo() ? "Tail(" + cur + ")" : "SubSeq(" + cur + ", 1, Len(" + cur
          + ") - 1)";
      if (pop.target() == null) {
        define(c.name(), rest, state, items);
        return;
      }
      // The value leaves before the container changes: name it first.
      String popped = "popped__" + (++definitions);
      items.add(new Definition(popped, TlaExpressions.head(cur, ct)));
      define(c.name(), rest, state, items);
      statements.store(pop.target(), null, popped, scope);
    }

    @Override
    public void when(String condition) {
      items.add(new Conjunct(condition(condition)));
    }
  }

  /**
   * A state condition as a conjunct of an action. TLC computes successors by exploring every
   * disjunct and existential of an action, so a condition such as {@code Len(s) = 0 \/ Head(s)
   * = 1} would have its second disjunct evaluated on an empty s; compared with TRUE it is
   * evaluated as an expression, left to right, as poolcheck evaluates it.
   */
  private static Formula condition(String text) {
    return atom(text.contains("\\/") || text.contains("\\E") || text.contains("=>")
        ? "(" + text + ") = TRUE" : text);
  }

  private static Conjunct check(String condition, String property) {
    return new Conjunct(atom("Assert(" + condition + ", " + TlaExpressions.string(property)
        + ")"));
  }

  /** Primes every changed variable and the program counter; the rest is UNCHANGED. */
  private Formula finish(Map<String, String> state, String pc, String label) {
    List<Formula> conj = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    for (String v : variables) {
      if (v.equals(pc)) {
        conj.add(atom(pc + "' = " + TlaExpressions.string(label)));
      } else if (state.containsKey(v) && !state.get(v).equals(v)) {
        conj.add(atom(v + "' = " + state.get(v)));
      } else {
        unchanged.add(v);
      }
    }
    // Always written, empty or not, so that every path ends the same way.
    conj.add(atom("UNCHANGED <<" + String.join(", ", unchanged) + ">>"));
    return new And(conj);
  }

  // ---- final states

  /**
   * Done lets a final state stutter, so TLC's deadlock check (on or off as the export checks
   * deadlocks) reports exactly the model's deadlocks; then Next and Spec.
   */
  @Override
  public void finalStates(List<Instance> instances, boolean deadlock) {
    this.deadlock = deadlock;
    String fin;
    if (shape.finalCondition() != null) {
      fin = exprs.expr(shape.finalCondition(), new Scope(null, 0, StepPaths.Bindings.NONE,
          Set.of(), Map.of()));
    } else {
      List<String> done = new ArrayList<>();
      for (Instance i : instances) done.add(i.pc() + " = \"done\"");
      fin = String.join(" /\\ ", done);
    }
    line("\\* A final state stutters, so TLC's deadlock check reports only the model's deadlocks.");
    if (!shape.checked().assumptions().isEmpty()) {
      fin = "(" + fin + ") \\/ ~(" + ASSUMED + " = TRUE)";
    }
    line("Done ==");
    emit(new And(List.of(condition(fin), atom("UNCHANGED vars"))), 2);
    line("");
    actions.add("Done");
    line("Next ==");
    for (String a : actions) line("  \\/ " + a);
    line("");
    List<String> fair = fairness(instances);
    line("Spec == Init /\\ [][Next]_vars" + (fair.isEmpty() ? "" : " /\\ Fairness"));
    line("");
    leadsTo();
  }

  /**
   * Proc_i (the steps of instance i) and Fairness, the conjunction of WF_vars(Proc_i) or
   * SF_vars(Proc_i) for each fair instance: {@code <<Proc_i>>_vars} is a step of i that changes
   * the state, so it is enabled and taken exactly when the liveness checker counts i enabled and
   * taken. Returns the conjuncts, empty when no instance is fair.
   */
  private List<String> fairness(List<Instance> instances) {
    List<String> conj = new ArrayList<>();
    for (Instance i : instances) {
      Temporal.Fair f = temporal.of(i.process().name());
      List<String> steps = instanceActions.get(i.name());
      if (f == null || steps == null) continue;
      line("Proc_" + i.name() + " == " + String.join(" \\/ ", steps));
      conj.add((f.strong() ? "SF_vars(" : "WF_vars(") + "Proc_" + i.name() + ")");
    }
    if (conj.isEmpty()) return conj;
    line("");
    line("\\* fairness as declared in the model (fairness weak: WF, strong: SF), per instance");
    line("Fairness ==");
    for (String c : conj) line("  /\\ " + c);
    line("");
    return conj;
  }

  /**
   * Each checked liveness property as a temporal formula: p ~> q, <>q from the initial states,
   * []<>q. A premise or goal whose evaluation fails counts as false, as the checker counts it.
   */
  private void leadsTo() {
    Scope global = new Scope(null, 0, StepPaths.Bindings.NONE, Set.of(), Map.of());
    for (Temporal.LeadsTo p : temporal.checked(checked)) {
      String q = predicate(p.q(), global);
      String formula = switch (p.kind()) {
        case EVENTUALLY -> "<>" + q;
        case INFINITELY -> "[]<>" + q;
        case LEADS_TO -> predicate(p.p(), global) + " ~> " + q;
      };
      line("\\* liveness " + p.name() + " (" + p.pos() + ")");
      line("Live_" + p.name() + " == " + formula);
    }
    if (!temporal.checked(checked).isEmpty()) line("");
  }

  /** A state predicate that is false where evaluating it fails. */
  private String predicate(Expr e, Scope scope) {
    String text = TlaExpressions.paren(exprs.expr(e, scope));
    List<String> fails = new ArrayList<>();
    for (RuntimeChecks.Check c : checks.of(e, scope)) fails.add(c.condition());
    if (fails.isEmpty()) return text;
    return "(~(" + String.join(" \\/ ", fails) + ") /\\ " + text + ")";
  }

  private void emit(Formula f, int column) {
    String pad = " ".repeat(column);
    for (String l : Formula.lines(f)) line(pad + l);
  }

  private void line(String s) {
    out.append(s).append('\n');
  }
}
