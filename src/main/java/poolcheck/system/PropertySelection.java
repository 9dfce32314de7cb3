package poolcheck.system;

import com.google.common.collect.ImmutableList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Which properties a search checks, by id: the one place where a set of names, the deadlock
 * switch and the rule that runtime errors are always checked become the mask the stepper reads.
 * Immutable.
 */
public final class PropertySelection {
  private final ImmutableList<Property> properties;
  private final boolean[] on;

  private PropertySelection(List<Property> properties, boolean[] on) {
    this.properties = ImmutableList.copyOf(properties);
    this.on = on;
  }

  /** Every property of the system. */
  public static PropertySelection all(TransitionSystem system) {
    return of(system.properties(), null, true);
  }

  /**
   * The properties named in {@code names} (null: all of them) and the runtime errors, which
   * cannot be switched off; deadlock only if {@code deadlock} (and, with names, named).
   */
  public static PropertySelection of(List<Property> properties, Collection<String> names,
      boolean deadlock) {
    boolean[] on = new boolean[properties.size()];
    for (Property p : properties) {
      on[p.id()] = p.kind() == Property.Kind.RUNTIME || names == null || names.contains(p.name());
      if (p.kind() == Property.Kind.DEADLOCK && !deadlock) on[p.id()] = false;
    }
    return new PropertySelection(properties, on);
  }

  public static PropertySelection of(TransitionSystem system, Collection<String> names,
      boolean deadlock) {
    return of(system.properties(), names, deadlock);
  }

  /** Exactly these ids, for a caller that already holds a mask (tests, exporters). */
  public static PropertySelection ofMask(List<Property> properties, boolean[] mask) {
    if (mask.length != properties.size()) {
      throw new IllegalArgumentException(mask.length + " flags for " + properties.size()
          + " properties");
    }
    return new PropertySelection(properties, mask.clone());
  }

  /** The same selection with property {@code id} also on. */
  public PropertySelection with(int id) {
    boolean[] more = on.clone();
    more[id] = true;
    return new PropertySelection(properties, more);
  }

  public boolean checks(int id) {
    return on[id];
  }

  /** The selection as flags by id: a copy, for steppers that read it in their hot loop. */
  public boolean[] mask() {
    return on.clone();
  }

  /** The names of the properties checked, in id order. */
  public ImmutableList<String> names() {
    ImmutableList.Builder<String> out = ImmutableList.builder();
    for (Property p : properties) {
      if (on[p.id()]) out.add(p.name());
    }
    return out.build();
  }

  /** Whether the search checks a leads-to property, and so needs a liveness pass. */
  public boolean checksLiveness() {
    for (Property p : properties) {
      if (on[p.id()] && p.kind() == Property.Kind.LIVENESS) return true;
    }
    return false;
  }

  /** Whether deadlocks are reported (and so the final predicate consulted). */
  public boolean checksDeadlock() {
    for (Property p : properties) {
      if (on[p.id()] && p.kind() == Property.Kind.DEADLOCK) return true;
    }
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PropertySelection s && Arrays.equals(on, s.on)
        && properties.equals(s.properties);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(on);
  }

  @Override
  public String toString() {
    return names().toString();
  }
}
