package poolcheck.system;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Packing builds the same words as setting each slot's field in turn (stored fingerprints and
 * checkpoints depend on those bits), and unpacking gives the slots back, on random layouts:
 * constant slots, negative ranges, fields that fill a word exactly.
 */
class StateLayoutTest {
  @Test
  void packsTheSameBitsAsFieldByFieldAndUnpacksThemBack() {
    Random random = new Random(14);
    for (int layouts = 0; layouts < 300; layouts++) {
      int n = random.nextInt(40);
      int[] lo = new int[n];
      int[] hi = new int[n];
      for (int i = 0; i < n; i++) {
        lo[i] = random.nextInt(7) - 3;
        int kind = random.nextInt(4);
        int span = kind == 0 ? 0 : kind == 1 ? random.nextInt(4) : kind == 2
            ? random.nextInt(1000) : random.nextInt(Integer.MAX_VALUE / 2);
        hi[i] = lo[i] + span;
      }
      StateLayout layout = new StateLayout(lo, hi);
      for (int states = 0; states < 50; states++) {
        int[] s = new int[n];
        for (int i = 0; i < n; i++) s[i] = lo[i] + random.nextInt(hi[i] - lo[i] + 1);
        long[] packed = new long[layout.words() + 2];
        layout.pack(s, packed, 1);
        assertArrayEquals(fieldByField(layout, s), java.util.Arrays.copyOfRange(packed, 1,
            1 + layout.words()));
        int[] back = new int[n];
        layout.unpack(packed, 1, back);
        assertArrayEquals(s, back);
        assertEquals(0, packed[0], "nothing written before the offset");
        assertEquals(0, packed[packed.length - 1], "nothing written after the state's words");
      }
    }
  }

  /**
   * The search packs a successor by patching its parent's words where the two differ; that must
   * give pack's words exactly (the fingerprints are of those bits), write nothing around them,
   * and report a successor equal to its parent without writing at all.
   */
  @Test
  void packingTheChangesFromAParentGivesPacksWords() {
    Random random = new Random(15);
    for (int layouts = 0; layouts < 300; layouts++) {
      int n = 1 + random.nextInt(40);
      int[] lo = new int[n];
      int[] hi = new int[n];
      for (int i = 0; i < n; i++) {
        lo[i] = random.nextInt(7) - 3;
        int kind = random.nextInt(4);
        hi[i] = lo[i] + (kind == 0 ? 0 : kind == 1 ? random.nextInt(4) : kind == 2
            ? random.nextInt(1000) : random.nextInt(Integer.MAX_VALUE / 2));
      }
      StateLayout layout = new StateLayout(lo, hi);
      int words = layout.words();
      for (int states = 0; states < 50; states++) {
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = lo[i] + random.nextInt(hi[i] - lo[i] + 1);
        long[] parentWords = new long[words + 3];
        layout.pack(parent, parentWords, 3);
        int[] child = parent.clone();
        // none, a few or all slots changed
        int changes = random.nextInt(3) == 0 ? 0 : random.nextInt(4) == 0 ? n
            : 1 + random.nextInt(Math.min(n, 3));
        for (int c = 0; c < changes; c++) {
          int i = random.nextInt(n);
          child[i] = lo[i] + random.nextInt(hi[i] - lo[i] + 1);
        }
        long[] out = new long[words + 2];
        java.util.Arrays.fill(out, 0x5A5A5A5A5A5A5A5AL);
        boolean differs = layout.packChanges(child, parent, parentWords, 3, out, 1);
        assertEquals(!java.util.Arrays.equals(child, parent), differs);
        if (!differs) {
          for (long w : out) assertEquals(0x5A5A5A5A5A5A5A5AL, w, "nothing written");
          continue;
        }
        assertArrayEquals(layout.pack(child), java.util.Arrays.copyOfRange(out, 1, 1 + words));
        assertEquals(0x5A5A5A5A5A5A5A5AL, out[0], "nothing written before the offset");
        assertEquals(0x5A5A5A5A5A5A5A5AL, out[out.length - 1], "nothing written after");
      }
    }
  }

  /** The words as the bit layout describes them, one field at a time. */
  private static long[] fieldByField(StateLayout layout, int[] s) {
    long[] out = new long[layout.words()];
    int word = 0;
    int used = 0;
    for (int i = 0; i < s.length; i++) {
      long span = (long) layout.hi(i) - layout.lo(i);
      int bits = span == 0 ? 0 : 64 - Long.numberOfLeadingZeros(span);
      if (used + bits > 64) {
        word++;
        used = 0;
      }
      out[word] |= ((long) s[i] - layout.lo(i)) << used;
      used += bits;
    }
    return out;
  }
}
