package poolcheck.proofs;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

/**
 * The ledger's entry for one model at one configuration: what was checked, on which text, with
 * which outcome. No timings: a record must be reproducible to the byte.
 */
public record ProofRecord(String model, String file, String digest, String configuration,
    ImmutableMap<String, Integer> constants, Reachable reachable, Coverage coverage,
    ImmutableList<PropertyOutcome> properties) {

  /** The whole state space, explored with only the runtime checks on. */
  public record Reachable(String verdict, long distinct, int depth, String stoppedBy) {}

  /**
   * What the reachable-state run never exercised (null when it did not finish): the steps no
   * state enabled ({@code "napi.unmap"}) and the other coverage warnings, as printed. Each design's
   * notes (proofs/notes/) say why a step is unreached. {@code atomicEscapes}: the {@code atomic "reason"}
   * steps, which may make more than one unguarded access, with their reasons.
   */
  public record Coverage(ImmutableList<String> unreached, ImmutableList<String> vacuous,
      ImmutableList<String> atomicEscapes) {}

  /**
   * One property, as a search checking it alone decides it. verdict: holds, violated, or "not
   * decided" when a runtime error of the model stopped the search first (stoppedBy names it).
   * distinct: the states of the one search over the row (runtime checks only) at the end of the
   * level that decided the property, or all of them if none did; for an assertion this may
   * exceed its own search's count, which leaves out what the steps breaking it lead to.
   */
  public record PropertyOutcome(String name, String kind, String verdict, long distinct,
      Integer traceLength, String traceFile, String stoppedBy) {}
}
