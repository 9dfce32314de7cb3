package poolcheck.explore;

import com.google.common.collect.ImmutableList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import poolcheck.system.Property;
import poolcheck.result.CheckResult;
import poolcheck.result.Counterexample;
import poolcheck.result.Verdict;

/**
 * Every distinct violated property in one run, each with its shortest trace. Re-runs the
 * breadth-first search with the properties found so far switched off until none is left: simple
 * and plainly as correct as {@link Explorer} itself, at the price of one search per violated
 * property (each stops at its violation's depth).
 *
 * <p>Runtime errors (value out of range, container overflow, ...) cannot be switched off: the
 * step that raises one has no successor state. The first one found ends the search, and the
 * properties not yet found were checked only as far as it.
 */
public final class AllViolations {
  /** The violations in the order found (shortest first), and the run that ended the search. */
  public record Report(ImmutableList<CheckResult> violations, CheckResult last) {
    public ImmutableList<Counterexample> counterexamples() {
      return violations.stream().map(r -> r.counterexample().orElseThrow())
          .collect(ImmutableList.toImmutableList());
    }
  }

  private final Function<Set<String>, Explorer> explorers;
  private final Set<String> properties;
  private volatile Explorer running;
  private volatile boolean stopped;

  /**
   * {@code explorers} makes a configured explorer checking exactly the given properties;
   * {@code properties} are the ones to check at first.
   */
  public AllViolations(Function<Set<String>, Explorer> explorers, Set<String> properties) {
    this.explorers = explorers;
    this.properties = properties;
  }

  /** Stops the running search; it returns what was found so far. */
  public void stop() {
    stopped = true;
    Explorer e = running;
    if (e != null) e.stop();
  }

  public Report run() {
    Set<String> remaining = new LinkedHashSet<>(properties);
    ImmutableList.Builder<CheckResult> found = ImmutableList.builder();
    while (true) {
      Explorer explorer = explorers.apply(Set.copyOf(remaining));
      running = explorer;
      if (stopped) explorer.stop();
      CheckResult r = explorer.run();
      if (r.verdict() != Verdict.VIOLATED) return new Report(found.build(), r);
      found.add(r);
      Property p = r.counterexample().orElseThrow().property();
      if (p.kind() == Property.Kind.RUNTIME || !remaining.remove(p.name())) {
        return new Report(found.build(), r);
      }
    }
  }
}
