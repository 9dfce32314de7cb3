package poolcheck.compile;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import poolcheck.language.Decl;
import poolcheck.language.Expr;
import poolcheck.language.ParsedModel;
import poolcheck.language.Stmt;
import poolcheck.language.TypeExpr;
import poolcheck.system.Property;
import poolcheck.system.StateView;
import poolcheck.system.SuccessorSink;

/**
 * A checked model as exporters see it: resolved types, constant values in force, every instance
 * with its program-counter labels and locals, the step bodies as written, the properties and the
 * initial states. Read-only; built from a compiled model and the declarations it was compiled
 * from, so that exporters never repeat the checker's name and type resolution.
 */
public record ModelShape(String name, String source, ImmutableMap<String, Constant> constants,
    ImmutableMap<String, Type.Enum> enums, ImmutableMap<String, Type> types,
    ImmutableList<Variable> globals,
    ImmutableList<Process> processes, ImmutableList<Invariant> invariants, Expr finalCondition,
    ImmutableList<StateView> initialStates, ImmutableList<InitialViolation> initialViolations,
    ImmutableList<Property> properties) {

  /** A constant's value in force; booleans are 0 and 1. */
  public record Constant(String name, int value, boolean bool) {}

  public record Variable(String name, Type type) {}

  public record Invariant(String name, Expr condition) {}

  /**
   * A way through the initial assignment that breaks a property (an init assert, a value out of
   * range): poolcheck reports it with a trace of no steps; {@code state} is the state then.
   */
  public record InitialViolation(String property, StateView state) {}

  /**
   * A process type; instance {@code i} is named {@link #instanceName}. Labels are the steps'
   * labels in order; the program counter of an instance is a label's index or {@code
   * steps().size()} for done.
   */
  public record Process(String name, int instances, boolean indexed,
      ImmutableList<Variable> locals, ImmutableList<Decl.Step> steps) {
    public String instanceName(int i) {
      return indexed ? name + "[" + i + "]" : name;
    }

    /** The label's program-counter value, {@code steps().size()} for done, -1 if unknown. */
    public int labelIndex(String label) {
      if (label.equals("done")) return steps.size();
      for (int i = 0; i < steps.size(); i++) {
        if (steps.get(i).label().equals(label)) return i;
      }
      return -1;
    }

    public int doneIndex() {
      return steps.size();
    }
  }

  /** The shape of a model compiled from {@code parsed}. */
  public static ModelShape of(CompiledModel model, ParsedModel parsed) {
    Symbols symbols = model.symbols();
    ImmutableMap.Builder<String, Constant> constants = ImmutableMap.builder();
    symbols.constants.forEach((n, c) -> constants.put(n, new Constant(n, c.value(),
        c.kind() == Type.BOOL)));
    ImmutableMap.Builder<String, Type.Enum> enums = ImmutableMap.builder();
    symbols.types.forEach((n, t) -> {
      if (t instanceof Type.Enum e && e.name().equals(n)) enums.put(n, e);
    });
    ImmutableMap<String, Type> types = ImmutableMap.copyOf(symbols.types);
    ImmutableList.Builder<Variable> globals = ImmutableList.builder();
    symbols.globals.values().forEach(v -> globals.add(new Variable(v.name(), v.type())));
    ImmutableList.Builder<Process> processes = ImmutableList.builder();
    for (Symbols.Process p : symbols.processes.values()) {
      ImmutableList.Builder<Variable> locals = ImmutableList.builder();
      p.localTypes.forEach((n, t) -> locals.add(new Variable(n, t)));
      processes.add(new Process(p.name, p.instances, p.indexed, locals.build(),
          p.decl.steps()));
    }
    ImmutableList.Builder<Invariant> invariants = ImmutableList.builder();
    Expr finalCondition = null;
    for (Decl d : parsed.decls()) {
      if (d instanceof Decl.Invariant inv) invariants.add(new Invariant(inv.name(),
          inv.condition()));
      if (d instanceof Decl.Final f) finalCondition = f.condition();
    }
    Initial initial = initial(model);
    return new ModelShape(model.name(), model.source(), constants.build(), enums.build(),
        types, globals.build(), processes.build(), invariants.build(), finalCondition,
        initial.states(), initial.violations(), model.properties());
  }

  private record Initial(ImmutableList<StateView> states,
      ImmutableList<InitialViolation> violations) {}

  /** Distinct initial states in the order the compiler produces them, and init's failures. */
  private static Initial initial(CompiledModel model) {
    Set<List<Integer>> seen = new LinkedHashSet<>();
    List<StateView> out = new ArrayList<>();
    List<InitialViolation> violations = new ArrayList<>();
    model.initialStates(model.newFrame(model.allChecked()), new SuccessorSink() {
      @Override
      public void successor(int[] next, int transition) {
        List<Integer> key = new ArrayList<>();
        for (int x : next) key.add(x);
        if (seen.add(key)) out.add(model.view(next));
      }

      @Override
      public void violation(int property, int[] at, int transition) {
        violations.add(new InitialViolation(model.properties().get(property).name(),
            model.view(at)));
      }
    });
    return new Initial(ImmutableList.copyOf(out), ImmutableList.copyOf(violations));
  }

  /** The enum a value name belongs to, or null. */
  public Type.Enum enumOf(String value) {
    for (Type.Enum e : enums.values()) {
      if (e.values().contains(value)) return e;
    }
    return null;
  }

  /** The process type of that name, or null. */
  public Process process(String name) {
    for (Process p : processes) {
      if (p.name().equals(name)) return p;
    }
    return null;
  }

  /** The name of the property an assert statement checks, as the compiler registers it. */
  public static String assertName(Stmt.Assert a, String process, String label) {
    return a.name() != null ? a.name() : "assert_" + process + "_" + label;
  }

  /** The assert name in init blocks. */
  public static String initAssertName(Stmt.Assert a) {
    return a.name() != null ? a.name() : "assert_init";
  }

  /**
   * A finite type written in a step (a choose, for or quantifier domain) resolved with the
   * constants in force. The model has been checked, so the type exists and is finite.
   */
  public Type.Scalar domain(TypeExpr t) {
    if (t instanceof TypeExpr.Bool) return Type.BOOL;
    if (t instanceof TypeExpr.Range r) return new Type.Range(constant(r.lo()), constant(r.hi()));
    if (t instanceof TypeExpr.Named n && types.get(n.name()) instanceof Type.Scalar s) return s;
    throw new IllegalArgumentException("not a finite type: " + t);
  }

  /** The value of a constant expression (the checker has already accepted it). */
  public int constant(Expr e) {
    if (e instanceof Expr.IntLit i) return i.value();
    if (e instanceof Expr.BoolLit b) return b.value() ? 1 : 0;
    if (e instanceof Expr.Name n) {
      Constant c = constants.get(n.name());
      if (c != null) return c.value();
      Type.Enum en = enumOf(n.name());
      if (en != null) return en.values().indexOf(n.name());
    }
    if (e instanceof Expr.Unary u) {
      int a = constant(u.operand());
      return u.op().equals("!") ? a ^ 1 : -a;
    }
    if (e instanceof Expr.Binary b) {
      int x = constant(b.left());
      int y = constant(b.right());
      return switch (b.op()) {
        case "+" -> x + y;
        case "-" -> x - y;
        case "*" -> x * y;
        case "/" -> Math.floorDiv(x, y);
        case "%" -> Math.floorMod(x, y);
        default -> throw new IllegalArgumentException("not a constant expression: " + e);
      };
    }
    if (e instanceof Expr.Call c && (c.function().equals("min") || c.function().equals("max"))) {
      int x = constant(c.args().get(0));
      int y = constant(c.args().get(1));
      return c.function().equals("min") ? Math.min(x, y) : Math.max(x, y);
    }
    throw new IllegalArgumentException("not a constant expression: " + e);
  }
}
