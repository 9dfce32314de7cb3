package poolcheck.cli;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;
import poolcheck.compile.CompiledModel;
import poolcheck.system.Property;

/** --property and --no-deadlock, shared by check, simulate and export. */
final class PropertyOptions {
  @Option(names = "--property", paramLabel = "NAME", split = ",",
      description = "Check only these properties (repeat or comma-separate; runtime errors "
          + "always). Default: all.")
  List<String> properties;

  @Option(names = "--no-deadlock", description = "Do not report deadlocks.")
  boolean noDeadlock;

  /** The selected property names, each checked to exist in the model; null selects all. */
  Set<String> selected(CompiledModel m) {
    if (properties == null) return null;
    Set<String> names = new LinkedHashSet<>(properties);
    // "--property ,," once selected nothing and reported "verified".
    if (names.isEmpty() || names.contains("")) {
      throw new UsageException("--property: an empty property name (the model has: "
          + available(m) + ")");
    }
    for (String name : names) {
      if (m.property(name).isEmpty()) {
        throw new UsageException("--property " + name + ": the model has no such property "
            + "(it has: " + available(m) + ")");
      }
    }
    return names;
  }

  private static String available(CompiledModel m) {
    return String.join(", ", m.properties().stream()
        .filter(p -> p.kind() != Property.Kind.RUNTIME).map(Property::name).toList());
  }
}
