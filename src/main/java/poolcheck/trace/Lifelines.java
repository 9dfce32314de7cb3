package poolcheck.trace;

import com.google.common.collect.ImmutableList;
import poolcheck.system.StateView;

/**
 * The process instances of a trace, one lifeline each, in declaration order. Read from the
 * program counters of the first state, so an instance that never moves still gets its line.
 */
public final class Lifelines {
  private static final String PC = ".pc";

  private Lifelines() {}

  public static ImmutableList<String> of(StateView first) {
    ImmutableList.Builder<String> out = ImmutableList.builder();
    for (String name : first.values().keySet()) {
      if (name.endsWith(PC)) out.add(name.substring(0, name.length() - PC.length()));
    }
    return out.build();
  }
}
