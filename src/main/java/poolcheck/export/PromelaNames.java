package poolcheck.export;

import java.util.Set;
import poolcheck.check.Type;

/**
 * Where each model variable lives in the Promela export: instances' locals and program counters
 * as {@link InstanceNames} says; a container {@code c} is the array {@code c} (head or bottom at
 * index 0) and its length {@code c_len}.
 */
final class PromelaNames {
  private static final Set<String> RESERVED = Set.of("active", "assert", "atomic", "bit", "bool",
      "break", "byte", "chan", "d_step", "D_proctype", "do", "else", "empty", "enabled", "eval",
      "false", "fi", "for", "full", "goto", "hidden", "if", "in", "init", "inline", "int", "len",
      "local", "mtype", "nempty", "never", "nfull", "notrace", "np_", "od", "of", "pc_value",
      "pid", "printf", "printm", "priority", "proctype", "provided", "return", "run", "select",
      "short", "show", "skip", "timeout", "trace", "true", "typedef", "unless", "unsigned", "xr",
      "xs", "c_code", "c_expr", "c_decl", "c_state", "c_track", "_pid", "_nr_pr", "_last",
      "_priority", "poolcheck_assumed");

  private PromelaNames() {}

  /**
   * A model identifier, renamed only when it collides with a Promela word; a record field's
   * variable spelled as {@link FlatNames} says.
   */
  static String id(String name) {
    name = FlatNames.spell(name);
    return RESERVED.contains(name) ? name + "_" : name;
  }

  static String length(String container) {
    return container + "_len";
  }

  /** The smallest Promela integer type that holds the range. */
  static String type(Type.Scalar t) {
    if (t instanceof Type.Bool) return "bool";
    if (t.lo() >= 0 && t.hi() <= 255) return "byte";
    if (t.lo() >= -32768 && t.hi() <= 32767) return "short";
    return "int";
  }

  /** The name an assertion carries so that SPIN's message says which property broke. */
  static String property(String name) {
    return "P_" + name;
  }
}
