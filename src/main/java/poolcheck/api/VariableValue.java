package poolcheck.api;

/**
 * A variable of an explored state: its name ({@code pages[1]}, {@code napi.pc},
 * {@code consumer[0].page}), its value as text, and whether the step that led here changed it,
 * with the value before (null when unchanged or in an initial state).
 */
public record VariableValue(String name, String value, boolean changed, String before) {}
