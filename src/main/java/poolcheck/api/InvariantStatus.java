package poolcheck.api;

/**
 * Whether invariant {@code name} (declared at {@code position}) holds in an explored state;
 * when it does not, {@code failure} says why in words (or names the runtime error its
 * evaluation raised), else null.
 */
public record InvariantStatus(String name, String position, boolean holds, String failure) {}
