package poolcheck.api;

/** The model checkers a model can be exported for (docs/export.md). */
public enum ExportTarget {
  /** A TLA+ module and a TLC configuration. */
  TLA,
  /** A Promela model for SPIN. */
  PROMELA
}
