package poolcheck.api;

import java.util.List;

/**
 * A recorded trace (a counterexample or a simulation's) as a path of choices through the state
 * space: state k of the trace is the state at the first k + 1 choices of {@code path}.
 * {@code property} is the property the trace breaks, {@code kind} its kind (invariant,
 * assertion, ...), {@code loop} the state a lasso returns to (-1: not a lasso), {@code file} the
 * name the trace was read under, {@code checked} the properties the walk checks along it (those
 * its search checked, with its own property), or null for every one: the states of the path are
 * those of {@link StateWalk#checking} with these names.
 */
public record TracePath(String file, String property, String kind, List<Integer> path,
    int loop, List<String> checked) {
  public TracePath {
    path = List.copyOf(path);
    checked = checked == null ? null : List.copyOf(checked);
  }

  /** The states of the trace, the initial state counted. */
  public int states() {
    return path.size();
  }

  /** The path to state {@code k} of the trace. */
  public List<Integer> pathTo(int k) {
    return path.subList(0, k + 1);
  }
}
