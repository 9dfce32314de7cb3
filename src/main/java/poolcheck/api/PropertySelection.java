package poolcheck.api;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import poolcheck.compile.CompiledModel;
import poolcheck.system.Property;

/**
 * Which properties a run checks: the names asked for (null: all), each checked to exist in the
 * model, and whether a deadlock counts. Runtime errors are always checked.
 */
record PropertySelection(List<String> names, boolean deadlock) {
  static final PropertySelection ALL = new PropertySelection(null, true);

  PropertySelection {
    if (names != null) names = List.copyOf(names);
  }

  PropertySelection only(List<String> chosen) {
    return new PropertySelection(chosen, deadlock);
  }

  PropertySelection withDeadlock(boolean on) {
    return new PropertySelection(names, on);
  }

  /** The selected names, each known to {@code m}; null selects all. */
  Set<String> resolve(CompiledModel m) {
    if (names == null) return null;
    Set<String> chosen = new LinkedHashSet<>(names);
    // "--property ,," once selected nothing and reported "verified".
    if (chosen.isEmpty() || chosen.contains("")) {
      throw new InvalidOptionException("properties", n -> n.apply("properties")
          + ": an empty property name (the model has: " + available(m) + ")");
    }
    for (String name : chosen) {
      if (m.property(name).isEmpty()) {
        throw new InvalidOptionException("properties", n -> n.apply("properties") + " " + name
            + ": the model has no such property (it has: " + available(m) + ")");
      }
    }
    return chosen;
  }

  private static String available(CompiledModel m) {
    return String.join(", ", m.properties().stream()
        .filter(p -> p.kind() != Property.Kind.RUNTIME).map(Property::name).toList());
  }
}
