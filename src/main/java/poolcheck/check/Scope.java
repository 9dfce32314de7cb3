package poolcheck.check;

import com.google.common.collect.ImmutableMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where an expression is compiled: inside which process instance (so locals and self resolve to
 * fixed slots and values), whether only constants may appear, and the bound variables in scope.
 */
record Scope(Symbols.Process process, int instance, boolean constOnly, boolean init,
    boolean property, ImmutableMap<String, Bound> bound) {
  public record Bound(int index, Type.Scalar type) {}

  public static final Scope GLOBAL = new Scope(null, 0, false, false, false, ImmutableMap.of());
  public static final Scope CONSTANT = new Scope(null, 0, true, false, false, ImmutableMap.of());
  public static final Scope INIT = new Scope(null, 0, false, true, false, ImmutableMap.of());
  /**
   * An invariant, final predicate or liveness condition: the only place that may read another
   * process's local ({@code reader[0].got}), because only there is it no memory access.
   */
  public static final Scope PROPERTY = new Scope(null, 0, false, false, true, ImmutableMap.of());

  public static Scope of(Symbols.Process process, int instance) {
    return new Scope(process, instance, false, false, false, ImmutableMap.of());
  }

  public Scope constant() {
    return new Scope(process, instance, true, init, property, bound);
  }

  public Scope bind(String name, int index, Type.Scalar type) {
    Map<String, Bound> b = new LinkedHashMap<>(bound);
    b.put(name, new Bound(index, type));
    return new Scope(process, instance, constOnly, init, property, ImmutableMap.copyOf(b));
  }

  /** The next free bound-variable index: depth of nesting, so siblings share indices. */
  public int nextIndex() {
    return bound.size();
  }
}
