package poolcheck.api;

/**
 * One choice out of a state: choice number {@code choice} (its index among the state's
 * choices, the number a path names), taken by process instance {@code instance} at step
 * {@code label}, standing for kernel function {@code function} (or null), written at
 * {@code position} ({@code file:line:column}). A step with several outcomes ({@code either},
 * {@code choose}) is one choice per outcome. {@code violates} names the property the step
 * breaks instead of producing a state (null when it produces one), {@code failure} says how
 * in words (or null). An initial state is a choice with null instance, label and position.
 */
public record StepChoice(int choice, String instance, String label, String function,
    String position, String violates, String failure) {}
