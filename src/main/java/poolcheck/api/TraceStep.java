package poolcheck.api;

import java.util.Map;

/**
 * One step of a counterexample: the process instance ({@code consumer[1]}) and the label of the
 * step it took, the kernel function the step stands for and its position in the model
 * ({@code file:line:column}), then every variable's value after it, in declaration order. The
 * first step of a trace is the initial state: instance, label, function and position are null.
 */
public record TraceStep(String instance, String label, String function, String position,
    Map<String, String> state) {
  public boolean isInitial() {
    return instance == null;
  }
}
