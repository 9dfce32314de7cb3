package poolcheck.explore.store;

/**
 * The states seen so far, shared by the workers of a level search: either fingerprints
 * (8 bytes a slot, or about 8 to 9 bytes each in the compact table) or, in exact mode, the packed states themselves.
 */
public interface VisitedSet {
  /** Adds the packed state (at offset 0) with fingerprint {@code fp}; true if it was new. */
  boolean add(long[] packed, long fp);

  /**
   * Reads what {@link #add} of {@code fp} will read first, returning any value of it: a search
   * calls it for a batch of fingerprints before adding them, so that their cache misses overlap.
   */
  default long touch(long fp) {
    return 0;
  }

  /** Brackets a run of {@link #add} calls; see {@link CompactFingerprintSet}. */
  default void enter() {}

  default void leave() {}

  /**
   * States that can still be added before the set wants to {@link #grow()}, called between
   * states; grow is called outside enter/leave only when this is negative.
   */
  default long room() {
    return Long.MAX_VALUE;
  }

  default void grow() {}

  long heapBytes();

  /** The fingerprint table, for a checkpoint; only fingerprint sets have one. */
  default FingerprintTable fingerprintSet() {
    throw new UnsupportedOperationException("checkpoints need fingerprint mode");
  }

  /** Fingerprints in one long a slot: the faster table. */
  static VisitedSet fingerprints() {
    return of(new ConcurrentFingerprintSet(1 << 12));
  }

  /** The same fingerprints in about 8 to 9 bytes each, at more CPU a lookup. */
  static VisitedSet compactFingerprints() {
    return of(new CompactFingerprintSet());
  }

  private static VisitedSet of(FingerprintTable set) {
    return new VisitedSet() {
      @Override
      public boolean add(long[] packed, long fp) {
        return set.add(fp);
      }

      @Override
      public long touch(long fp) {
        return set.touch(fp);
      }

      @Override
      public void enter() {
        set.enter();
      }

      @Override
      public void leave() {
        set.leave();
      }

      @Override
      public long room() {
        return set.room();
      }

      @Override
      public void grow() {
        set.grow();
      }

      @Override
      public long heapBytes() {
        return set.heapBytes();
      }

      @Override
      public FingerprintTable fingerprintSet() {
        return set;
      }
    };
  }

  /** States as bits in {@code set}: a state whose bits are all set is taken for seen. */
  static VisitedSet bitstate(BitstateSet set) {
    return new VisitedSet() {
      @Override
      public boolean add(long[] packed, long fp) {
        return set.add(fp);
      }

      @Override
      public long heapBytes() {
        return set.heapBytes();
      }
    };
  }

  /** Full states, for when no collision may be risked: see {@link ExactStateSet}. */
  static VisitedSet exact(int words) {
    return new ExactStateSet(words);
  }
}
