package poolcheck.export;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import poolcheck.check.CheckedStep;
import poolcheck.language.ModelException;
import poolcheck.system.StateView;

/**
 * The one walk both exports make over a checked model; a {@link Dialect} per target language
 * writes what the walk meets. The walk decides the structure: the state is the globals, then
 * each process instance's program counter and locals; the initial states and the ways through
 * init that break a checked property; every step of every instance, each as its deterministic
 * ways through ({@link StepPaths}); the final states; the checked invariants and whether
 * deadlocks are checked. The dialect decides only how each is written.
 */
final class ExportWalk {
  /** A process instance, the unit both targets flatten the model's processes into. */
  record Instance(ModelShape.Process process, int index) {
    /** Its name in the target: {@code cpu_1}. */
    String name() {
      return InstanceNames.instance(process, index);
    }

    /** Its program counter's name in the target. */
    String pc() {
      return InstanceNames.pc(process, index);
    }

    /** Its name in the model: {@code cpu[1]}. */
    String modelName() {
      return process.instanceName(index);
    }
  }

  /** A step of an instance and its ways through, as the walk hands it to a dialect. */
  record Step(Instance instance, CheckedStep step, List<ImmutableList<StepPaths.Node>> paths) {}

  /** How one target language writes the model. Called in the order the methods are listed. */
  interface Dialect {
    /** The header, constants, enums and the declaration of every variable of the state. */
    void declarations(List<Instance> instances);

    /** The initial states, and the ways through init that break a checked property. */
    void initial(List<StateView> states, List<ModelShape.InitialViolation> violations);

    void beginInstance(Instance instance);

    void step(Step step) throws ModelException;

    void endInstance(Instance instance);

    /**
     * The final states: {@code shape.finalCondition()}, or every instance at done when the
     * model declares none; {@code deadlock} says whether a non-final state without successors
     * is a violation to report.
     */
    void finalStates(List<Instance> instances, boolean deadlock);

    /** The invariants, {@code checked} those the export reports. */
    void invariants(List<ModelShape.Invariant> all, List<ModelShape.Invariant> checked);
  }

  private final ModelShape shape;
  private final Checked checked;

  ExportWalk(ModelShape shape, Checked checked) {
    this.shape = shape;
    this.checked = checked;
  }

  /** Every instance in state order: processes as declared, instances by index. */
  List<Instance> instances() {
    List<Instance> out = new ArrayList<>();
    for (ModelShape.Process p : shape.processes()) {
      for (int i = 0; i < p.instances(); i++) out.add(new Instance(p, i));
    }
    return out;
  }

  /** The invariants the export reports. */
  List<ModelShape.Invariant> checkedInvariants() {
    return shape.invariants().stream().filter(inv -> checked.covers(inv.name())).toList();
  }

  void walk(Dialect dialect) throws ModelException {
    List<Instance> instances = instances();
    dialect.declarations(instances);
    dialect.initial(shape.initialStates(), shape.initialViolations().stream()
        .filter(v -> checked.covers(v.property())).toList());
    for (Instance i : instances) {
      dialect.beginInstance(i);
      for (CheckedStep s : i.process().steps()) {
        dialect.step(new Step(i, s, StepPaths.of(s.body())));
      }
      dialect.endInstance(i);
    }
    dialect.finalStates(instances, checked.covers("deadlock"));
    dialect.invariants(shape.invariants(), checkedInvariants());
  }
}
