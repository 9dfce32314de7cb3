package poolcheck.check;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import poolcheck.language.Expr;
import poolcheck.language.Position;
import poolcheck.language.TypeExpr;
import poolcheck.system.Property;
import poolcheck.system.StateLayout;

/**
 * A model whose names, types and constants have been resolved: what the checker knows once it
 * has accepted the text. Immutable; the compiled stepper, the reference interpreter and the
 * exporters read names from here instead of resolving them again.
 *
 * <p>{@code domains} holds the type each finite domain written in a step or a property (a
 * {@code choose}, {@code for} or quantifier) resolved to, keyed by the written node.
 * {@code propertyIds} maps each property name to the id the engine reports it by, and
 * {@code properties} lists every property (runtime, deadlock, invariants, liveness, asserts) in
 * id order. {@code spec} is what the model says of its states and runs (invariants, the
 * final-state predicate, assumptions, liveness properties, fairness) in text order, the order in
 * which their coverage sites are numbered. {@code inits} are the init blocks as checked, in
 * text order, and {@code initPos} is where the first is written (null without one: the
 * compiler reports there an init that leaves no state); {@code initialValues} are the globals' initialisers as written, in text order
 * (the compiler reads them here, not in the declarations); {@code layout} bounds
 * each slot (globals, then each process's counters and locals); {@code envSize} is the number
 * of bound-variable slots the widest expression needs (quantifiers, choose, for nests).
 *
 * <p>Everything here is immutable and complete once the checker returns it: the compiler reads
 * only this, never the checker's tables.
 */
public record CheckedModel(String name, String source,
    ImmutableMap<String, Constant> constants, ImmutableMap<String, Type> types,
    ImmutableMap<String, EnumValue> enumValues, ImmutableMap<String, Variable> globals,
    ImmutableMap<String, Process> processes, ImmutableMap<String, Position> declared,
    ImmutableMap<String, Integer> propertyIds, ImmutableList<Spec> spec,
    ImmutableMap<TypeExpr, Type.Scalar> domains,
    ImmutableList<String> configurations, String configuration,
    ImmutableList<ImmutableList<Action>> inits, Position initPos,
    ImmutableMap<String, Expr> initialValues,
    StateLayout layout, ImmutableList<Property> properties, int envSize) {

  /**
   * What a name read as a value stands for, bound variables aside: a variable (read from its
   * slot), a constant or an enum value (both fixed ints). {@link #referent} says which.
   */
  public sealed interface Referent permits Variable, Constant, EnumValue {}

  /** A constant's value in force (default, configuration or -D); booleans are 0 and 1. */
  public record Constant(String name, Type kind, int value, Position pos) implements Referent {
    public boolean bool() {
      return kind instanceof Type.Bool;
    }
  }

  /** An enum value and its ordinal, the int it is stored as. */
  public record EnumValue(Type.Enum type, int ordinal) implements Referent {}

  /** A variable; base is its first slot (a container's length slot, elements after it). */
  public record Variable(String name, Type type, Position pos, int base) implements Referent {}

  /**
   * A declaration of what is checked of the states and runs, or assumed of them, as checked. A
   * pass written as a {@link Visitor} is exhaustive.
   */
  public sealed interface Spec permits Invariant, Final, Assume, Liveness, Fairness {
    <R> R accept(Visitor<R> v);

    interface Visitor<R> {
      R invariant(Invariant inv);

      R finalState(Final fin);

      R assume(Assume a);

      R liveness(Liveness live);

      R fairness(Fairness fair);
    }
  }

  public record Invariant(String name, Expr condition, Position pos) implements Spec {
    public <R> R accept(Visitor<R> v) {
      return v.invariant(this);
    }
  }

  /** The final-state predicate: at most one in a checked model. */
  public record Final(Expr condition, Position pos) implements Spec {
    public <R> R accept(Visitor<R> v) {
      return v.finalState(this);
    }
  }

  /** A state condition outside of which nothing is explored. */
  public record Assume(Expr condition) implements Spec {
    public <R> R accept(Visitor<R> v) {
      return v.assume(this);
    }
  }

  /** {@code p} leads to {@code q} ({@code p} null: {@code q} eventually holds). */
  public record Liveness(String name, LivenessKind kind, Expr p, Expr q, Position pos)
      implements Spec {
    public <R> R accept(Visitor<R> v) {
      return v.liveness(this);
    }
  }

  /**
   * The form of a liveness property as checked, its own type so that nothing after checking
   * reads the parser's declarations: EVENTUALLY is "initial ~> q", INFINITELY is "true ~> q"
   * (always eventually), LEADS_TO is "p ~> q".
   */
  public enum LivenessKind {
    EVENTUALLY, INFINITELY, LEADS_TO
  }

  /**
   * Weak or strong fairness for the named processes, each one the checker knows;
   * {@code positions.get(k)} is where process {@code k} is named (the exports cite it).
   */
  public record Fairness(ImmutableList<String> processes, boolean strong,
      ImmutableList<Position> positions) implements Spec {
    public <R> R accept(Visitor<R> v) {
      return v.fairness(this);
    }
  }

  /** The invariants, in text order. */
  public ImmutableList<Invariant> invariants() {
    return of(Invariant.class);
  }

  /** The final-state predicate's condition, or null without one. */
  public Expr finalCondition() {
    ImmutableList<Final> fin = of(Final.class);
    return fin.isEmpty() ? null : fin.get(0).condition();
  }

  /** The assumed conditions, in text order. */
  public ImmutableList<Expr> assumptions() {
    return of(Assume.class).stream().map(Assume::condition)
        .collect(ImmutableList.toImmutableList());
  }

  /** The liveness properties, in text order. */
  public ImmutableList<Liveness> liveness() {
    return of(Liveness.class);
  }

  /** The fairness declarations, in text order. */
  public ImmutableList<Fairness> fairness() {
    return of(Fairness.class);
  }

  private <T extends Spec> ImmutableList<T> of(Class<T> kind) {
    return spec.stream().filter(kind::isInstance).map(kind::cast)
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * A process type. Labels map to program-counter values in step order ({@link #doneLabel()}
   * is done); {@code initialValues} are the locals' initialisers as written, in text order, each
   * evaluated once per instance; {@code localSlots.get(i)} maps each local of instance {@code i}
   * to its slot, and instance {@code i}'s program counter is slot {@code pcBase + i}.
   * {@code checkedSteps} are the steps with their bodies resolved, in program-counter order;
   * {@code pos} is where the process is declared.
   */
  public record Process(String name, Position pos, int instances, boolean indexed,
      ImmutableMap<String, Integer> labels, ImmutableMap<String, Type> localTypes,
      ImmutableMap<String, Expr> initialValues,
      ImmutableList<ImmutableMap<String, Integer>> localSlots, int pcBase,
      ImmutableList<CheckedStep> checkedSteps) {
    public String instanceName(int i) {
      return indexed ? name + "[" + i + "]" : name;
    }

    public int doneLabel() {
      return checkedSteps.size();
    }

    /** The label's program-counter value, {@link #doneLabel()} for done, -1 if unknown. */
    public int labelIndex(String label) {
      if (label.equals("done")) return doneLabel();
      Integer i = labels.get(label);
      return i == null ? -1 : i;
    }
  }

  /** Slots needed to store a value of this type. */
  public static int width(Type t) {
    if (t instanceof Type.Array a) return a.slots();
    if (t instanceof Type.Container c) return 1 + c.capacity();
    return 1;
  }

  /** The property of that name, with the id the engine reports it by. */
  public Property property(String name) {
    return properties.get(propertyIds.get(name));
  }

  /**
   * The variable a name means inside instance {@code instance} of {@code process} (null: outside
   * any process): that instance's local, else the global; null if neither.
   */
  public Variable variable(String name, Process process, int instance) {
    return process == null ? globals.get(name) : variable(name, process.localTypes(),
        process.localSlots().get(instance), process.pos(), globals);
  }

  /**
   * The one rule by which a name finds its variable, while checking (over the checker's tables)
   * and after (over this model): the instance's local, whose slots are {@code slots}, else the
   * global. The checker refuses a local that takes a global's name, so the order only matters
   * if that refusal is ever lifted; it is written here once so that it cannot differ.
   */
  static Variable variable(String name, java.util.Map<String, Type> localTypes,
      java.util.Map<String, Integer> slots, Position pos, java.util.Map<String, Variable> globals) {
    Type type = localTypes.get(name);
    Integer base = slots.get(name);
    if (type != null && base != null) return new Variable(name, type, pos, base);
    return globals.get(name);
  }

  /**
   * What a name (no bound variable) means inside instance {@code instance} of {@code process}
   * (null: outside any process): its variable, else a constant, else an enum value; null if
   * none. The compiled steps and the reference interpreter both read names through this, so
   * they cannot resolve one differently.
   */
  public Referent referent(String name, Process process, int instance) {
    Variable v = variable(name, process, instance);
    if (v != null) return v;
    Constant c = constants.get(name);
    if (c != null) return c;
    return enumValues.get(name);
  }

  /**
   * The first slot of a variable a statement writes, as the checker resolved it ({@link
   * Action.Place#local()}): instance {@code instance}'s local of {@code process}, or the global.
   */
  public int base(Action.Place place, Process process, int instance) {
    return place.local() ? process.localSlots().get(instance).get(place.name())
        : globals.get(place.name()).base();
  }

  /** The enum a value name belongs to, or null. */
  public Type.Enum enumOf(String value) {
    EnumValue v = enumValues.get(value);
    return v == null ? null : v.type();
  }

  /**
   * The type a finite domain written in a step or property resolved to. The model has been
   * checked, so every such domain was resolved; anything else is a caller's mistake.
   */
  public Type.Scalar domain(TypeExpr t) {
    Type.Scalar d = domains.get(t);
    if (d == null) throw new IllegalArgumentException("not a checked domain: " + t);
    return d;
  }

  /**
   * The value of a constant expression the checker has accepted, over the constants in force
   * (with 32-bit wrap-around, which the checker has ruled out for accepted constants).
   */
  public int constant(Expr e) {
    if (e instanceof Expr.IntLit i) return i.value();
    if (e instanceof Expr.BoolLit b) return b.value() ? 1 : 0;
    if (e instanceof Expr.Name n) {
      Constant c = constants.get(n.name());
      if (c != null) return c.value();
      EnumValue v = enumValues.get(n.name());
      if (v != null) return v.ordinal();
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
