package poolcheck.api;

/**
 * The outcome of replaying a recorded trace: {@code ok} when every step matches and the run ends
 * in the violation recorded; otherwise {@code step} is the first step (0: the initial state) that
 * no longer matches and {@code message} says why. {@code steps} counts the trace's steps, the
 * initial state not counted; {@code recordedModel} is the model name the trace gives (or null),
 * {@code model} the one it was replayed on.
 */
public record ReplayResult(boolean ok, int step, int steps, String message, String recordedModel,
    String model) {}
