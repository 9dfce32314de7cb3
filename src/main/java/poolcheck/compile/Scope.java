package poolcheck.compile;

import com.google.common.collect.ImmutableMap;
import java.util.LinkedHashMap;
import java.util.Map;
import poolcheck.check.Type;

/**
 * Where an expression is compiled: inside which process instance (so locals and self resolve to
 * fixed slots and values), whether only constants may appear, and the bound variables in scope.
 */
record Scope(Symbols.Process process, int instance, boolean constOnly, boolean init,
    boolean property, ImmutableMap<String, Bound> bound) {
  record Bound(int index, Type.Scalar type) {}

  static final Scope GLOBAL = new Scope(null, 0, false, false, false, ImmutableMap.of());
  static final Scope CONSTANT = new Scope(null, 0, true, false, false, ImmutableMap.of());
  static final Scope INIT = new Scope(null, 0, false, true, false, ImmutableMap.of());
  /**
   * An invariant, final predicate or liveness condition: the only place that may read another
   * process's local ({@code reader[0].got}), because only there is it no memory access.
   */
  static final Scope PROPERTY = new Scope(null, 0, false, false, true, ImmutableMap.of());

  static Scope of(Symbols.Process process, int instance) {
    return new Scope(process, instance, false, false, false, ImmutableMap.of());
  }

  Scope constant() {
    return new Scope(process, instance, true, init, property, bound);
  }

  Scope bind(String name, int index, Type.Scalar type) {
    Map<String, Bound> b = new LinkedHashMap<>(bound);
    b.put(name, new Bound(index, type));
    return new Scope(process, instance, constOnly, init, property, ImmutableMap.copyOf(b));
  }

  /** The next free bound-variable index: depth of nesting, so siblings share indices. */
  int nextIndex() {
    return bound.size();
  }
}
