package poolcheck.explore.store;

import java.io.IOException;

/**
 * A visited set of 64-bit fingerprints shared by the workers of a search: {@link ConcurrentFingerprintSet} (one long a slot, the faster) or
 * {@link CompactFingerprintSet} (about 8 to 9 bytes a fingerprint). Both hold exactly the
 * fingerprints added, so a checkpoint written with one loads into the other.
 */
public interface FingerprintTable {
  /** Adds the fingerprint; true if this call added it. With a pass, or while no one adds. */
  boolean add(long fp);

  boolean contains(long fp);

  long size();

  /** Receives the fingerprints one by one. */
  interface Visitor {
    void fingerprint(long fp) throws IOException;
  }

  /** Hands every fingerprint to {@code v}; call while no worker adds. */
  void forEach(Visitor v) throws IOException;

  /** Makes room for {@code n} fingerprints before a checkpoint is loaded; empty sets only. */
  void reserve(long n);

  /** Takes a pass to add (the read side of the growth lock); give it back with leave. */
  void enter();

  void leave();

  /**
   * Fingerprints that can still be added before the table is past its fill (negative once past
   * it, and then the table is grown by {@link #grow()}). Reading it sums every worker's count.
   */
  long room();

  /** Asked between states: past its fill, the table is grown by {@link #grow()}. */
  default boolean wantsToGrow() {
    return room() < 0;
  }

  /** Grows the table if it is still past its fill; call without holding a pass. */
  void grow();

  /** Reads what {@link #add} of fp reads first; see {@link VisitedSet#touch}. */
  long touch(long fp);

  long heapBytes();
}
