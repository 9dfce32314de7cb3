package poolcheck.system;

import com.google.common.collect.ImmutableMap;

/**
 * A state by variable name, in declaration order: globals, then per instance its program counter
 * ({@code pc[napi]}) and locals ({@code consumer[1].page}).
 */
public record StateView(ImmutableMap<String, Value> values) {
  public Value get(String name) {
    return values.get(name);
  }
}
