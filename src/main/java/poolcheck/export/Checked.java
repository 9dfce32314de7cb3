package poolcheck.export;

import com.google.common.collect.ImmutableSet;
import java.util.Set;
import poolcheck.compile.ModelShape;
import poolcheck.system.Property;

/**
 * Which properties an export checks, chosen as {@code poolcheck check --property} chooses them:
 * runtime properties always, the others by name. An export of a subset explores the same states
 * as a check of that subset, so their figures can be compared.
 */
public record Checked(ImmutableSet<String> names) {
  /** The kinds an export can check: safety properties; liveness needs cycles and fairness. */
  private static final Set<String> EXPORTED = Set.of("INVARIANT", "ASSERTION", "DEADLOCK",
      "RUNTIME");

  /** Whether an export can express the property at all. */
  public static boolean exportable(Property p) {
    return EXPORTED.contains(p.kind().name());
  }

  /** Every property an export can express. */
  public static Checked all(ModelShape shape) {
    return new Checked(shape.properties().stream().filter(Checked::exportable)
        .map(Property::name).collect(ImmutableSet.toImmutableSet()));
  }

  /** Runtime properties plus {@code names}; deadlock only if named. */
  public static Checked only(ModelShape shape, Set<String> names) {
    return new Checked(shape.properties().stream()
        .filter(p -> p.kind() == Property.Kind.RUNTIME
            || exportable(p) && names.contains(p.name()))
        .map(Property::name).collect(ImmutableSet.toImmutableSet()));
  }

  /** All but deadlock, as {@code --no-deadlock}. */
  public Checked withoutDeadlock() {
    return new Checked(names.stream().filter(n -> !n.equals("deadlock"))
        .collect(ImmutableSet.toImmutableSet()));
  }

  public boolean covers(String property) {
    return names.contains(property);
  }
}
