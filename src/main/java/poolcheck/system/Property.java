package poolcheck.system;

/**
 * A named property. Names are stable: traces, the proofs ledger and --property use them.
 * Several asserts may share a name (one property checked at several steps).
 */
public record Property(int id, String name, Kind kind, String where) {
  public enum Kind {
    INVARIANT, ASSERTION, DEADLOCK, RUNTIME, LIVENESS
  }
}
