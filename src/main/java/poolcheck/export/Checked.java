package poolcheck.export;

import com.google.common.collect.ImmutableSet;
import java.util.Set;
import poolcheck.system.Property;

/**
 * Which properties an export checks, chosen as {@code poolcheck check --property} chooses them:
 * runtime properties always, the others by name. An export of a subset explores the same states
 * as a check of that subset, so their figures can be compared. {@code names} are the safety
 * properties (what the explorer checks), {@code leadsTo} the liveness properties.
 */
public record Checked(ImmutableSet<String> names, ImmutableSet<String> leadsTo) {
  /** The safety kinds: checked on every state and step, the explorer's properties. */
  private static final Set<String> EXPORTED = Set.of("INVARIANT", "ASSERTION", "DEADLOCK",
      "RUNTIME");

  /** Whether the property is a safety property, {@link #names()} holds those checked. */
  public static boolean exportable(Property p) {
    return EXPORTED.contains(p.kind().name());
  }

  /** Every property: the safety ones in {@link #names()}, the liveness ones in {@link #leadsTo()}. */
  public static Checked all(ModelShape shape) {
    return new Checked(shape.properties().stream().filter(Checked::exportable)
        .map(Property::name).collect(ImmutableSet.toImmutableSet()),
        shape.properties().stream().filter(p -> p.kind() == Property.Kind.LIVENESS)
            .map(Property::name).collect(ImmutableSet.toImmutableSet()));
  }

  /** Runtime properties plus {@code names}; deadlock only if named. */
  public static Checked only(ModelShape shape, Set<String> names) {
    return new Checked(shape.properties().stream()
        .filter(p -> p.kind() == Property.Kind.RUNTIME
            || exportable(p) && names.contains(p.name()))
        .map(Property::name).collect(ImmutableSet.toImmutableSet()),
        shape.properties().stream()
            .filter(p -> p.kind() == Property.Kind.LIVENESS && names.contains(p.name()))
            .map(Property::name).collect(ImmutableSet.toImmutableSet()));
  }

  /** All but deadlock, as {@code --no-deadlock}. */
  public Checked withoutDeadlock() {
    return new Checked(names.stream().filter(n -> !n.equals("deadlock"))
        .collect(ImmutableSet.toImmutableSet()), leadsTo);
  }

  /** The safety properties only: what an explorer run checks, liveness left out. */
  public Checked safetyOnly() {
    return new Checked(names, ImmutableSet.of());
  }

  /** Whether the export checks this property, safety or liveness. */
  public boolean covers(String property) {
    return names.contains(property) || leadsTo.contains(property);
  }
}
