package poolcheck.compile;

import com.google.common.collect.ImmutableMap;
import java.util.LinkedHashMap;
import java.util.Map;
import poolcheck.check.CheckedModel;
import poolcheck.check.Type;

/**
 * Where a checked expression or statement is compiled: inside which process instance (its self
 * and locals are fixed values and slots there; none outside any process), whether in a property
 * (the only place that reads another instance's local), and the variables bound around it by
 * quantifiers, choose and for, each at its index in the environment.
 */
record Scope(CheckedModel.Process process, int instance, boolean property,
    ImmutableMap<String, Bound> bound) {
  /** A bound variable: its environment index and the domain the checker resolved. */
  record Bound(int index, Type.Scalar type) {}

  /** Variable initialisers and init blocks: globals only. */
  static final Scope GLOBAL = new Scope(null, 0, false, ImmutableMap.of());
  /** Invariants, final predicates, assumptions and liveness conditions. */
  static final Scope PROPERTY = new Scope(null, 0, true, ImmutableMap.of());

  static Scope of(CheckedModel.Process process, int instance) {
    return new Scope(process, instance, false, ImmutableMap.of());
  }

  /**
   * {@code name} bound at the next free index: the depth of nesting, so siblings share indices
   * and the environment is as deep as the checker counted.
   */
  Scope bind(String name, Type.Scalar type) {
    Map<String, Bound> inner = new LinkedHashMap<>(bound);
    inner.put(name, new Bound(bound.size(), type));
    return new Scope(process, instance, property, ImmutableMap.copyOf(inner));
  }
}
