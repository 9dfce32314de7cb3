package poolcheck.api;

import java.util.List;

/**
 * What a run exercised: per step ({@code process.label}, all instances together) how often it
 * was enabled and taken, per check how often it was evaluated and held, and the warnings that
 * follow (unreached steps, vacuous checks), one line each. {@code reduced}: counted over the
 * symmetry-reduced graph.
 */
public record Coverage(boolean reduced, List<Step> steps, List<Check> checks,
    List<String> warnings) {
  public Coverage {
    steps = List.copyOf(steps);
    checks = List.copyOf(checks);
    warnings = List.copyOf(warnings);
  }

  public record Step(String name, String position, long enabled, long taken) {}

  /** {@code description} as in tables: {@code "invariant below_two"}, {@code "assert"}. */
  public record Check(String description, String position, long evaluated, long held) {}

  /** The steps never taken, by name, in text order. */
  public List<String> unreached() {
    return steps.stream().filter(s -> s.taken() == 0).map(Step::name).toList();
  }
}
