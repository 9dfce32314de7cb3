package poolcheck.export;

import java.util.function.UnaryOperator;
import poolcheck.check.Action;
import poolcheck.check.Type;

/**
 * A model variable as both exports store it: its name in the target's flattened state and its
 * type. {@link #of} resolves a name the way the checker does (a local of the instance first,
 * then a global); the target only says how it spells a global ({@code id}).
 */
record Storage(String name, Type type) {
  /** The variable {@code name} denotes in this instance's scope, or null (not a variable). */
  static Storage of(ModelShape shape, ModelShape.Process process, int instance, String name,
      UnaryOperator<String> id) {
    if (process != null) {
      for (ModelShape.Variable v : process.locals()) {
        if (v.name().equals(name)) {
          return new Storage(InstanceNames.local(process, instance, name), v.type());
        }
      }
    }
    for (ModelShape.Variable v : shape.globals()) {
      if (v.name().equals(name)) return new Storage(id.apply(name), v.type());
    }
    return null;
  }

  /** The variable a checked statement writes, in this instance. */
  static Storage of(Action.Place place, ModelShape.Process process, int instance,
      UnaryOperator<String> id) {
    return new Storage(place.local() ? InstanceNames.local(process, instance, place.name())
        : id.apply(place.name()), place.type());
  }
}
