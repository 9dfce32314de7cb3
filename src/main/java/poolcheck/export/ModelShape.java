package poolcheck.export;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import poolcheck.check.CheckedModel;
import poolcheck.check.CheckedStep;
import poolcheck.check.Type;
import poolcheck.language.Expr;
import poolcheck.language.TypeExpr;
import poolcheck.system.Property;
import poolcheck.system.PropertySelection;
import poolcheck.system.StateView;
import poolcheck.system.SuccessorSink;
import poolcheck.system.TransitionSystem;

/**
 * A model as exporters see it: the {@link CheckedModel}'s resolved types, constants
 * in force, instances with their program-counter labels and locals and step bodies as written,
 * plus what only running the built system tells (the initial states, init's failures) and the
 * engine's properties. Read-only, so that exporters never repeat the checker's name and type
 * resolution.
 */
public record ModelShape(String name, String source, ImmutableMap<String, Constant> constants,
    ImmutableMap<String, Type.Enum> enums, ImmutableMap<String, Type> types,
    ImmutableList<Variable> globals,
    ImmutableList<Process> processes, ImmutableList<Invariant> invariants, Expr finalCondition,
    ImmutableList<StateView> initialStates, ImmutableList<InitialViolation> initialViolations,
    ImmutableList<Property> properties, CheckedModel checked) {

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
   * steps().size()} for done. The steps are the checker's, resolved once.
   */
  public record Process(String name, int instances, boolean indexed,
      ImmutableList<Variable> locals, ImmutableList<CheckedStep> steps) {
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

  /**
   * The shape of a model: names, types and steps from its {@link CheckedModel}, the initial
   * states and properties from the system built from it (the exporters see no compiler).
   */
  public static ModelShape of(TransitionSystem model, CheckedModel checked) {
    ImmutableMap.Builder<String, Constant> constants = ImmutableMap.builder();
    checked.constants().forEach((n, c) -> constants.put(n, new Constant(n, c.value(),
        c.kind() == Type.BOOL)));
    ImmutableMap.Builder<String, Type.Enum> enums = ImmutableMap.builder();
    checked.types().forEach((n, t) -> {
      if (t instanceof Type.Enum e && e.name().equals(n)) enums.put(n, e);
    });
    ImmutableList.Builder<Variable> globals = ImmutableList.builder();
    checked.globals().values().forEach(v -> globals.add(new Variable(v.name(), v.type())));
    ImmutableList.Builder<Process> processes = ImmutableList.builder();
    for (CheckedModel.Process p : checked.processes().values()) {
      ImmutableList.Builder<Variable> locals = ImmutableList.builder();
      p.localTypes().forEach((n, t) -> locals.add(new Variable(n, t)));
      processes.add(new Process(p.name(), p.instances(), p.indexed(), locals.build(),
          p.checkedSteps()));
    }
    ImmutableList.Builder<Invariant> invariants = ImmutableList.builder();
    checked.invariants().forEach(i -> invariants.add(new Invariant(i.name(), i.condition())));
    Initial initial = initial(model);
    return new ModelShape(model.name(), checked.source(), constants.build(), enums.build(),
        checked.types(), globals.build(), processes.build(), invariants.build(),
        checked.finalCondition(), initial.states(), initial.violations(), model.properties(),
        checked);
  }

  private record Initial(ImmutableList<StateView> states,
      ImmutableList<InitialViolation> violations) {}

  /** Distinct initial states in the order the compiler produces them, and init's failures. */
  private static Initial initial(TransitionSystem model) {
    Set<List<Integer>> seen = new LinkedHashSet<>();
    List<StateView> out = new ArrayList<>();
    List<InitialViolation> violations = new ArrayList<>();
    model.stepper(PropertySelection.all(model)).initialStates(new SuccessorSink() {
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

  /** A finite type written in a step (a choose, for or quantifier domain), as checked. */
  public Type.Scalar domain(TypeExpr t) {
    return checked.domain(t);
  }

  /** The value of a constant expression (the checker has already accepted it). */
  public int constant(Expr e) {
    return checked.constant(e);
  }
}
