package poolcheck.check;

import poolcheck.system.Property;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import poolcheck.language.Decl;
import poolcheck.language.Expr;
import poolcheck.language.Position;
import poolcheck.language.TypeExpr;
import poolcheck.system.StateLayout;

/**
 * What a name means while a model is checked: the checker's tables, filled in order, then
 * frozen into a {@link CheckedModel} for every stage after checking.
 */
final class Symbols {
  /** A process being checked: labels and locals are filled in before slots are allocated. */
  public static final class Process {
    public final String name;
    public final Decl.Process decl;
    public final int instances;
    public final boolean indexed;
    public final Map<String, Integer> labels = new LinkedHashMap<>();
    public final Map<String, Type> localTypes = new LinkedHashMap<>();
    /** The locals' initialisers, in text order. */
    public final Map<String, Expr> initialValues = new LinkedHashMap<>();
    /** localSlots[instance] maps a local to its slot base. */
    public final ImmutableList<Map<String, Integer>> localSlots;
    public int pcBase;
    /** The steps as the statement checker (StepChecker) checked them; null for a step with an error. */
    public List<CheckedStep> checkedSteps;

    public Process(String name, Decl.Process decl, int instances, boolean indexed) {
      this.name = name;
      this.decl = decl;
      this.instances = instances;
      this.indexed = indexed;
      ImmutableList.Builder<Map<String, Integer>> b = ImmutableList.builder();
      for (int i = 0; i < instances; i++) b.add(new LinkedHashMap<>());
      this.localSlots = b.build();
    }

    public String instanceName(int i) {
      return indexed ? name + "[" + i + "]" : name;
    }

    public int doneLabel() {
      return decl.steps().size();
    }

    CheckedModel.Process freeze() {
      ImmutableList.Builder<ImmutableMap<String, Integer>> slots = ImmutableList.builder();
      for (Map<String, Integer> m : localSlots) slots.add(ImmutableMap.copyOf(m));
      return new CheckedModel.Process(name, decl.pos(), instances, indexed,
          ImmutableMap.copyOf(labels), ImmutableMap.copyOf(localTypes),
          ImmutableMap.copyOf(initialValues), slots.build(), pcBase,
          ImmutableList.copyOf(checkedSteps));
    }
  }

  public final Map<String, CheckedModel.Constant> constants = new LinkedHashMap<>();
  public final Map<String, Type> types = new LinkedHashMap<>();
  public final Map<String, CheckedModel.EnumValue> enumValues = new LinkedHashMap<>();
  public final Map<String, CheckedModel.Variable> globals = new LinkedHashMap<>();
  /** The globals' initialisers, in text order. */
  public final Map<String, Expr> initialValues = new LinkedHashMap<>();
  public final Map<String, Process> processes = new LinkedHashMap<>();
  /** Where each top-level name was declared, for duplicate errors. */
  public final Map<String, Position> declared = new LinkedHashMap<>();
  /** Process names, known from the first pass on (their bodies are checked after it). */
  public final Set<String> processNames = new HashSet<>();
  /** Bound-variable slots the widest expression needs (quantifiers, choose, for nest). */
  public int envSize;
  /** The type each finite domain in a step or property resolved to, as met. */
  public final Map<TypeExpr, Type.Scalar> domains = new LinkedHashMap<>();

  /** Every name a model may refer to, for did-you-mean suggestions. */
  Set<String> namesInScope() {
    Set<String> out = new TreeSet<>(declared.keySet());
    out.addAll(enumValues.keySet());
    for (Process p : processes.values()) out.addAll(p.localTypes.keySet());
    return out;
  }

  /** The tables as the immutable result of checking. */
  CheckedModel freeze(String name, String source, Collection<Property> properties,
      List<CheckedModel.Spec> spec, List<String> configurations, String configuration,
      List<ImmutableList<Action>> inits, Position initPos, StateLayout layout) {
    ImmutableMap.Builder<String, CheckedModel.Process> frozen = ImmutableMap.builder();
    processes.forEach((n, p) -> frozen.put(n, p.freeze()));
    ImmutableMap.Builder<String, Integer> ids = ImmutableMap.builder();
    properties.forEach(p -> ids.put(p.name(), p.id()));
    return new CheckedModel(name, source, ImmutableMap.copyOf(constants),
        ImmutableMap.copyOf(types), ImmutableMap.copyOf(enumValues), ImmutableMap.copyOf(globals),
        frozen.build(), ImmutableMap.copyOf(declared), ids.build(), ImmutableList.copyOf(spec),
        ImmutableMap.copyOf(domains), ImmutableList.copyOf(configurations), configuration,
        ImmutableList.copyOf(inits), initPos, ImmutableMap.copyOf(initialValues), layout,
        ImmutableList.copyOf(properties), envSize);
  }
}
