package poolcheck.proofs;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

/**
 * One ledger row checked again at one more page and one more consumer
 * (proofs/DESIGN/CONFIG.stable.json, written by {@code prove --stable}). Kept apart from the
 * row's record because it costs minutes to hours where the record costs seconds: a plain
 * {@code prove} keeps it, and the README marks it stale once the model's digest moves on.
 *
 * <p>{@code livenessStoppedBy}: why the liveness properties were left undecided after a complete
 * safety run (the budget, or memory: liveness keeps every state and edge); null otherwise.
 *
 * <p>{@code seconds} is the wall time of all the runs, a measured figure (the machine is
 * shared): {@code prove --stable --check} compares everything but it.
 */
public record StableRecord(String model, String file, String digest, String configuration,
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

  /** The same verdicts and lengths at the same constants on the same text: timings aside. */
  public boolean sameFindings(StableRecord other) {
    return digest.equals(other.digest) && constants.equals(other.constants)
        && properties.equals(other.properties) && safety.equals(other.safety)
        && java.util.Objects.equals(livenessStoppedBy, other.livenessStoppedBy);
  }
}
