package poolcheck.export;

import static poolcheck.language.ErrorCode.NOT_EXPORTABLE;

import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import poolcheck.check.CheckedModel;
import poolcheck.language.Diagnostic;
import poolcheck.language.ModelException;
import poolcheck.language.Position;

/**
 * How both exports spell a record field's variable ({@code page[].pp_ref}, {@code cur.pp_ref}),
 * whose model name no target identifier can hold: {@code page_pp_ref}, {@code cur_pp_ref}. That
 * spelling may be a name the model already uses ({@code var page_pp_ref}, a local of an
 * instance {@code page}); the export then refuses, since two variables in one would change the
 * state graph.
 */
final class FlatNames {
  private FlatNames() {}

  /** Whether a variable is a record's field, named by the loader. */
  static boolean isField(String name) {
    return name.indexOf('.') >= 0;
  }

  /** The field variable's identifier in the targets; any other name unchanged. */
  static String spell(String name) {
    return isField(name) ? name.replace("[].", "_").replace('.', '_') : name;
  }

  /** Refuses a model where a field variable's spelling is already another name's. */
  static void check(ModelShape shape, UnaryOperator<String> id, String target)
      throws ModelException {
    if (shape.globals().stream().noneMatch(v -> isField(v.name()))) return;
    Map<String, String> taken = new HashMap<>();
    shape.constants().keySet().forEach(c -> taken.put(id.apply(c), "constant '" + c + "'"));
    for (var e : shape.enums().values()) {
      e.values().forEach(v -> taken.put(id.apply(v), "enum value '" + v + "'"));
    }
    for (ModelShape.Variable v : shape.globals()) {
      if (!isField(v.name())) taken.put(id.apply(v.name()), "variable '" + v.name() + "'");
    }
    for (ModelShape.Process p : shape.processes()) {
      for (int i = 0; i < p.instances(); i++) {
        taken.put(InstanceNames.instance(p, i), "process instance " + p.instanceName(i));
        taken.put(InstanceNames.pc(p, i), "the program counter of " + p.instanceName(i));
        for (ModelShape.Variable v : p.locals()) {
          taken.put(InstanceNames.local(p, i, v.name()), "local '" + v.name() + "' of "
              + p.instanceName(i));
        }
      }
    }
    for (ModelShape.Variable v : shape.globals()) {
      if (!isField(v.name())) continue;
      String spelled = id.apply(v.name());
      String other = taken.putIfAbsent(spelled, "record field '" + v.name() + "'");
      if (other != null) {
        CheckedModel.Variable declared = shape.checked().globals().get(v.name());
        Position at = declared == null ? new Position(shape.source(), 1, 1) : declared.pos();
        throw new ModelException(new Diagnostic(NOT_EXPORTABLE, at, "export: record field '"
            + v.name() + "' is written " + spelled + " in " + target + ", the name of " + other
            + " too; rename one of them"));
      }
    }
  }
}
