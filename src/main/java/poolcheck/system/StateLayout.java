package poolcheck.system;

import com.google.common.base.Preconditions;

/**
 * Where each scalar of a state lives. A state is an int[] of slots while a step runs and a
 * long[] of fixed-width bit fields when stored: slot i holds value - lo[i] in bits[i] bits of
 * word[i] at shift[i]. A field never straddles two words, which wastes at most a few bits per
 * word and keeps pack/unpack to one shift and mask per slot.
 */
public final class StateLayout {
  private final int[] lo;
  private final int[] hi;
  private final int[] word;
  private final int[] shift;
  private final long[] mask;
  /** By slot: the word with the slot's field cleared when and-ed with it. */
  private final long[] keep;
  private final int words;
  /** By word: one past its last slot (slots fill the words in order). */
  private final int[] wordEnd;

  public StateLayout(int[] lo, int[] hi) {
    Preconditions.checkArgument(lo.length == hi.length);
    this.lo = lo.clone();
    this.hi = hi.clone();
    int n = lo.length;
    word = new int[n];
    shift = new int[n];
    mask = new long[n];
    int w = 0;
    int used = 0;
    for (int i = 0; i < n; i++) {
      long span = (long) hi[i] - lo[i];
      int bits = span == 0 ? 0 : 64 - Long.numberOfLeadingZeros(span);
      if (used + bits > 64) {
        w++;
        used = 0;
      }
      word[i] = w;
      shift[i] = used;
      mask[i] = bits == 0 ? 0 : (bits == 64 ? -1L : (1L << bits) - 1);
      used += bits;
    }
    keep = new long[n];
    for (int i = 0; i < n; i++) keep[i] = ~(mask[i] << shift[i]);
    words = n == 0 ? 1 : w + 1;
    wordEnd = new int[words];
    for (int i = 0; i < n; i++) wordEnd[word[i]] = i + 1;
    for (int k = 1; k < words; k++) wordEnd[k] = Math.max(wordEnd[k], wordEnd[k - 1]);
  }

  public int slots() {
    return lo.length;
  }

  /** Longs per packed state. */
  public int words() {
    return words;
  }

  public int lo(int slot) {
    return lo[slot];
  }

  public int hi(int slot) {
    return hi[slot];
  }

  /** Total bits of information per state (the packed width without padding). */
  public int bits() {
    int total = 0;
    for (long m : mask) total += Long.bitCount(m);
    return total;
  }

  // Word by word, each built in a local: once per successor in the search, so no read-modify-
  // write of the output per slot.
  public void pack(int[] state, long[] out, int offset) {
    int i = 0;
    for (int w = 0; w < words; w++) {
      long bits = 0;
      for (int end = wordEnd[w]; i < end; i++) {
        bits |= ((long) (state[i] - lo[i]) & mask[i]) << shift[i];
      }
      out[offset + w] = bits;
    }
  }

  /**
   * Packs {@code state} into {@code out} at {@code offset} given a state {@code from} that it
   * differs from in few slots, packed at {@code fromPacked[fromOffset]}: from's words are copied
   * and only the fields of the slots that differ are rewritten. A step changes a handful of the
   * slots, and comparing two slots is one load more than reading one, so this costs much less
   * than {@link #pack} on states of many slots. Returns false, writing nothing, when the two
   * states are equal.
   */
  public boolean packChanges(int[] state, int[] from, long[] fromPacked, int fromOffset,
      long[] out, int offset) {
    int n = lo.length;
    int i = 0;
    while (i < n && state[i] == from[i]) i++;
    if (i == n) return false;
    System.arraycopy(fromPacked, fromOffset, out, offset, words);
    for (; i < n; i++) {
      if (state[i] != from[i]) rewrite(out, offset, i, state[i]);
    }
    return true;
  }

  /** Rewrites slot {@code i}'s field of the packed state at {@code offset} to {@code value}. */
  private void rewrite(long[] out, int offset, int i, int value) {
    int w = offset + word[i];
    long m = mask[i];
    int sh = shift[i];
    out[w] = (out[w] & ~(m << sh)) | (((long) (value - lo[i]) & m) << sh);
  }

  /**
   * {@link #packChanges} for a successor that differs from {@code from} in the slots
   * {@code written} at most (the step contract, {@link TransitionSystem#writtenSlots}): only those
   * are compared and rewritten, so a step that writes 3 slots of a 40-slot state costs 3
   * compares, not 40. Returns false, writing nothing, when the two states are equal. A null
   * {@code written} (no contract: any slot may change) compares every slot, as
   * {@link #packChanges}.
   */
  public boolean packWrites(int[] state, int[] from, int[] written, long[] fromPacked,
      int fromOffset, long[] out, int offset) {
    // Plain loops over int[] and long[], no objects: once per successor in the search.
    if (written == null) return packChanges(state, from, fromPacked, fromOffset, out, offset);
    if (words == 1) {
      return packWritesInOneWord(state, written, fromPacked[fromOffset], out, offset);
    }
    int n = written.length;
    int k = 0;
    while (k < n && state[written[k]] == from[written[k]]) k++;
    if (k == n) return false;
    System.arraycopy(fromPacked, fromOffset, out, offset, words);
    for (; k < n; k++) {
      int i = written[k];
      if (state[i] != from[i]) rewrite(out, offset, i, state[i]);
    }
    return true;
  }

  /**
   * {@link #packWrites} of a one-word state (every benchmark shape): each written field is
   * rewritten in a local whether it changed or not, and the word is compared with the parent's
   * once. Packing is one to one on values in range, so equal words are equal states. No
   * comparison per slot: a step writes a whole array when its index is computed (recycle's
   * {@code place[mine]}: 6 slots, one of them changed), and a branch per slot mispredicts.
   */
  private boolean packWritesInOneWord(int[] state, int[] written, long parent, long[] out,
      int offset) {
    long bits = parent;
    for (int i : written) {
      bits = (bits & keep[i]) | (((long) (state[i] - lo[i]) & mask[i]) << shift[i]);
    }
    if (bits == parent) return false;
    out[offset] = bits;
    return true;
  }

  public long[] pack(int[] state) {
    long[] out = new long[words];
    pack(state, out, 0);
    return out;
  }

  public void unpack(long[] packed, int offset, int[] out) {
    int i = 0;
    for (int w = 0; w < words; w++) {
      long bits = packed[offset + w];
      for (int end = wordEnd[w]; i < end; i++) {
        out[i] = (int) ((bits >>> shift[i]) & mask[i]) + lo[i];
      }
    }
  }

  public int[] unpack(long[] packed) {
    int[] out = new int[lo.length];
    unpack(packed, 0, out);
    return out;
  }
}
