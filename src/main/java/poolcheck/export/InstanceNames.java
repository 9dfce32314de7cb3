package poolcheck.export;


/**
 * How both exports name what belongs to a process instance. Everything is global so that the
 * target's state is exactly the model's state: instance 1 of {@code cpu} is {@code cpu_1} (a
 * single-instance process keeps its name), its locals {@code cpu_1_<local>} and its program
 * counter {@code pc_cpu_1}.
 */
final class InstanceNames {
  private InstanceNames() {}

  static String instance(ModelShape.Process p, int i) {
    return p.indexed() ? p.name() + "_" + i : p.name();
  }

  static String pc(ModelShape.Process p, int i) {
    return "pc_" + instance(p, i);
  }

  static String local(ModelShape.Process p, int i, String local) {
    return instance(p, i) + "_" + local;
  }
}
