package poolcheck.trace;

import com.google.common.collect.ImmutableList;
import java.util.Map;
import java.util.Objects;
import poolcheck.system.StateView;
import poolcheck.system.Value;

/** What one step changed: the variables whose value differs from the state before it. */
public final class StateDiff {
  private StateDiff() {}

  /** Names in declaration order; every name when there is no state before (the initial state). */
  public static ImmutableList<String> changed(StateView before, StateView after) {
    ImmutableList.Builder<String> out = ImmutableList.builder();
    for (Map.Entry<String, Value> e : after.values().entrySet()) {
      if (before == null || !Objects.equals(before.get(e.getKey()), e.getValue())) {
        out.add(e.getKey());
      }
    }
    return out.build();
  }
}
