package poolcheck.check;

import poolcheck.system.Property;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Every property by name with its id. Ids are handed out in registration order, and everything
 * is registered before any step is compiled, so ids do not depend on where an assert appears.
 */
final class PropertyTable {
  private final Map<String, Property> properties = new LinkedHashMap<>();

  public void add(String name, Property.Kind kind, String where) {
    properties.computeIfAbsent(name, n -> new Property(properties.size(), n, kind, where));
  }

  public Property get(String name) {
    return properties.get(name);
  }

  public boolean contains(String name) {
    return properties.containsKey(name);
  }

  public Collection<Property> values() {
    return properties.values();
  }

  public Map<String, Property> byName() {
    return properties;
  }

  /** How a clash names the property already there. */
  public static String describe(Property p) {
    return switch (p.kind()) {
      case RUNTIME -> "a runtime property";
      case DEADLOCK -> "the deadlock property";
      default -> "the " + p.kind().name().toLowerCase(Locale.ROOT) + " at "
          + p.where().replaceFirst("^.* at ", "");
    };
  }
}
