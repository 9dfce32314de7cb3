package poolcheck.api;

/** How an exhaustive search remembers the states it has seen. */
public enum StoreMode {
  /** Full states: no collision risk, more memory. */
  EXACT,
  /** 64-bit fingerprints: far less memory, with a reported bound on the chance of a collision. */
  FINGERPRINTS
}
