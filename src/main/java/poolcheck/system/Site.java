package poolcheck.system;

import poolcheck.language.Position;

/**
 * A place in the model whose evaluations coverage counts: an assert, an invariant, the premise of
 * an implication or of a leads-to property, the final predicate, a {@code when} inside a step.
 * Instances of a process share the sites of its text, so counts are per source position.
 * {@code name} is the property's name (assert, invariant, leads-to), else null. {@code steps}
 * names the steps whose text holds the site ({@code "reader.take_ref"}; several for an inline
 * used in several places), empty outside steps.
 */
public record Site(int id, Kind kind, Position position, String name,
    com.google.common.collect.ImmutableList<String> steps) {
  public enum Kind { ASSERT, INVARIANT, IMPLIES, LEADS_TO, FINAL, WHEN }
}
