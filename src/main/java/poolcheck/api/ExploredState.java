package poolcheck.api;

import java.util.List;

/**
 * The state a path of choices leads to from nothing: {@code path} (the initial state's number,
 * then one choice per step), the steps {@code taken} along it (the initial state's choice
 * first), every variable with what the last step changed, the {@code choices} out of it,
 * which invariants hold, and how the state ends a run: {@code violation} names the property the
 * last step broke (the state is then the one at the moment it broke, and nothing leads on);
 * {@code deadlock} is true when nothing is enabled and the state is not a legitimate end,
 * {@code terminal} when nothing is enabled and it is one.
 */
public record ExploredState(List<Integer> path, List<StepChoice> taken,
    List<VariableValue> variables, List<StepChoice> choices, List<InvariantStatus> invariants,
    String violation, boolean deadlock, boolean terminal) {
  public ExploredState {
    path = List.copyOf(path);
    taken = List.copyOf(taken);
    variables = List.copyOf(variables);
    choices = List.copyOf(choices);
    invariants = List.copyOf(invariants);
  }
}
