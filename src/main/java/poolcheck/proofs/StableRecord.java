package poolcheck.proofs;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

/**
 * One ledger row checked again at one more page and one more consumer
 * (proofs/DESIGN/CONFIG.stable.json, written by {@code prove --stable}). Kept apart from the
 * row's record because it costs minutes to hours where the record costs seconds: a plain
 * {@code prove} keeps it, and the README marks it stale once what the row explores at that size
 * moves on: {@code structure} is the {@link ExploredStructure} digest of the model
 * as it was run, {@code digest} its text's (which moves with every edit of the shared model,
 * most of them to features the design has switched off).
 *
 * <p>{@code livenessStoppedBy}: why the liveness properties were left undecided after a complete
 * safety run (the budget, or memory: liveness keeps every state and edge); null otherwise.
 *
 * <p>{@code seconds} is the wall time of all the runs, a measured figure (the machine is
 * shared): {@code prove --stable --check} compares everything but it.
 */
public record StableRecord(String model, String file, String digest, String structure,
    String configuration,
    ImmutableMap<String, Integer> constants, int workers, long seconds, Run safety,
    ImmutableList<Outcome> properties, String livenessStoppedBy) {

  /**
   * The last safety run: every safety property not violated earlier checked at once over the
   * reachable states ({@code complete}), or stopped by the budget after the levels up to {@code
   * depth}.
   */
  public record Run(boolean complete, long distinct, int depth, String stoppedBy) {}

  /**
   * One property at the bigger size: holds, violated (shortest trace length), or "unknown" when
   * the budget ran out first; {@code checkedToDepth}: no violation of that length or shorter.
   */
  public record Outcome(String name, String kind, String verdict, Integer traceLength,
      Integer checkedToDepth) {}

  /**
   * The same verdicts and lengths on the same structure at the same size: timings aside, and
   * the text too, for the structure holds every constant that matters.
   */
  public boolean sameFindings(StableRecord other) {
    return java.util.Objects.equals(structure, other.structure) && grown().equals(other.grown())
        && properties.equals(other.properties) && safety.equals(other.safety)
        && java.util.Objects.equals(livenessStoppedBy, other.livenessStoppedBy);
  }

  /** The constants the run grew (PAGES, CONSUMERS) and their values in it. */
  public java.util.Map<String, Integer> grown() {
    java.util.Map<String, Integer> out = new java.util.LinkedHashMap<>();
    for (String c : Stability.GROWN) {
      if (constants.containsKey(c)) out.put(c, constants.get(c));
    }
    return out;
  }
}
