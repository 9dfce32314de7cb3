package poolcheck.compile;

import poolcheck.check.Limits;
import static poolcheck.language.ErrorCode.SYMMETRY_TOO_LARGE;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import poolcheck.check.CheckedModel;
import poolcheck.check.Type;
import poolcheck.language.Diagnostic;
import poolcheck.language.Position;

/**
 * The symmetries of a model with scalarsets: every permutation of each scalarset's values. A
 * state's canonical form is the lexicographically least of its images, the same for every state
 * of an orbit, so storing canonical forms explores one state per orbit.
 *
 * <p>The permutations are listed on first use, so a run without reduction never lists them, and
 * only for scalarsets whose groups together stay under a bound ({@link Limits#symmetryImages()}):
 * a larger scalarset is left unreduced, with a warning, instead of enumerating 12! images of
 * every state.
 *
 * <p>A permutation moves values in three kinds of places: slots holding a scalarset value, the
 * occupied part of containers of them, and the elements of arrays indexed by a scalarset. A
 * two-dimensional array (row-major) has its rows moved when its first index is the scalarset,
 * the elements of each row when its second is, and both for {@code bool[S][S]}.
 */
final class Symmetry {
  /** A group's permutations, the identity first, and the inverse of each. */
  private record Images(int[][] perms, int[][] inverses) {
    static Images of(int n) {
      int[][] perms = permutations(n);
      int[][] inverses = new int[perms.length][n];
      for (int p = 0; p < perms.length; p++) {
        for (int i = 0; i < n; i++) inverses[p][perms[p][i]] = i;
      }
      return new Images(perms, inverses);
    }
  }

  /**
   * The places one scalarset's values occupy, and the same as tables by slot for the search: a
   * permutation renames the value in a slot (a scalarset variable, an occupied container place)
   * and moves the elements of an array indexed by the scalarset.
   */
  private static final class Group {
    private static final byte PLAIN = 0;
    private static final byte VALUE = 1;
    private static final byte ELEMENT = 2;

    /** An array's {@link #arrays} entry: first slot, rows, columns, which dimensions move. */
    static final int BASE = 0, ROWS = 1, COLUMNS = 2, HOW = 3;
    static final int ROWS_MOVE = 1, COLUMNS_MOVE = 2;

    final int size;
    final int[] valueSlots;
    final int[][] containers;
    final int[][] arrays;
    private final Supplier<Images> listed;
    /** By slot: the first slot of the scalarset-indexed array holding it, or -1. */
    private final int[] arrayBase;
    /**
     * By slot of a two-dimensional array: its columns, and bit 0/1 whether the permutation
     * moves its rows/its columns; 0 for a one-dimensional array (the search's common case, its
     * element i simply moves to perm[i]).
     */
    private final int[] columns;
    private final byte[] moves;
    private final byte[] kind;
    /** By container element slot: its container's length slot, and its place in it. */
    private final int[] lengthSlot;
    private final int[] place;
    private final int[] moved;

    Group(int size, int[] valueSlots, int[][] containers, int[][] arrays, int span) {
      this.size = size;
      this.valueSlots = valueSlots;
      this.containers = containers;
      this.arrays = arrays;
      this.listed = Suppliers.memoize(() -> Images.of(size));
      arrayBase = new int[span];
      java.util.Arrays.fill(arrayBase, -1);
      columns = new int[span];
      moves = new byte[span];
      kind = new byte[span];
      lengthSlot = new int[span];
      place = new int[span];
      for (int slot : valueSlots) kind[slot] = VALUE;
      for (int[] c : containers) {
        for (int j = 0; j < c[1]; j++) {
          kind[c[0] + 1 + j] = ELEMENT;
          lengthSlot[c[0] + 1 + j] = c[0];
          place[c[0] + 1 + j] = j;
        }
      }
      Map<Integer, Integer> lengths = new java.util.HashMap<>();
      for (int[] a : arrays) {
        int length = a[ROWS] * a[COLUMNS];
        lengths.put(a[BASE], length);
        boolean twoDimensional = a[HOW] != ROWS_MOVE || a[COLUMNS] != 1;
        for (int i = 0; i < length; i++) {
          arrayBase[a[BASE] + i] = a[BASE];
          columns[a[BASE] + i] = twoDimensional ? a[COLUMNS] : 0;
          moves[a[BASE] + i] = (byte) a[HOW];
        }
      }
      moved = java.util.stream.IntStream.range(0, span)
          .filter(y -> kind[y] != PLAIN || arrayBase[y] >= 0).toArray();
      List<Integer> runs = new ArrayList<>();
      for (int i = 0; i < moved.length; ) {
        int y = moved[i];
        int length = 1;
        int how = ALWAYS;
        if (arrayBase[y] == y) {
          length = lengths.get(y);
          how = kind[y] == PLAIN ? UNLESS_UNIFORM : ALWAYS;
        } else if (kind[y] == ELEMENT) {
          while (i + length < moved.length && moved[i + length] == y + length
              && kind[y + length] == ELEMENT && lengthSlot[y + length] == lengthSlot[y]) {
            length++;
          }
          how = OCCUPIED;
        }
        runs.add(y);
        runs.add(length);
        runs.add(how);
        i += length;
      }
      this.runs = runs.stream().mapToInt(Integer::intValue).toArray();
    }

    private static final int ALWAYS = 0;
    private static final int UNLESS_UNIFORM = 1;
    private static final int OCCUPIED = 2;
    /**
     * The moved slots as runs, three ints each (first slot, length, which of them an image can
     * change), in one array that the scan per state reads in order: an array of plain values
     * whose elements are all equal is the same in every image, and so are the free places of a
     * container.
     */
    private final int[] runs;

    /** The moved slots some image of s may change, ascending, into out; how many. */
    int changeable(int[] s, int[] out) {
      int n = 0;
      for (int r = 0; r < runs.length; r += 3) {
        int first = runs[r];
        int length = runs[r + 1];
        int how = runs[r + 2];
        if (how == UNLESS_UNIFORM) {
          int v = s[first];
          boolean uniform = true;
          for (int k = 1; k < length && uniform; k++) uniform = s[first + k] == v;
          if (uniform) continue;
        } else if (how == OCCUPIED) {
          length = Math.min(length, Math.max(0, s[lengthSlot[first]] - place[first]));
        }
        for (int k = 0; k < length; k++) out[n++] = first + k;
      }
      return n;
    }

    Images images() {
      return listed.get();
    }

    /** The slots a permutation of this group may change, ascending. */
    int[] moved() {
      return moved;
    }

    /** The slot whose renamed value the image holds at slot y. */
    int source(int y, int[] inverse) {
      int base = arrayBase[y];
      if (base < 0) return y;
      int n = columns[y];
      if (n == 0) return base + inverse[y - base];
      int i = (y - base) / n;
      int j = (y - base) % n;
      if ((moves[y] & ROWS_MOVE) != 0) i = inverse[i];
      if ((moves[y] & COLUMNS_MOVE) != 0) j = inverse[j];
      return base + i * n + j;
    }

    /** Value v, read from slot x of the state a permutation is applied to, as the image has it. */
    int renamed(int x, int v, int[] s, int[] perm) {
      byte k = kind[x];
      if (k == VALUE) return perm[v];
      if (k == ELEMENT && place[x] < s[lengthSlot[x]]) return perm[v];
      return v;
    }

    int image(int y, int[] s, int[] perm, int[] inverse) {
      int x = source(y, inverse);
      return renamed(x, s[x], s, perm);
    }

    /** One past the last slot these places use. */
    static int span(List<Integer> valueSlots, List<int[]> containers, List<int[]> arrays) {
      int end = 0;
      for (int slot : valueSlots) end = Math.max(end, slot + 1);
      for (int[] c : containers) end = Math.max(end, c[0] + 1 + c[1]);
      for (int[] a : arrays) end = Math.max(end, a[BASE] + a[ROWS] * a[COLUMNS]);
      return end;
    }
  }

  private final Group[] groups;
  /** The slots any group's permutation may change, ascending (with more than one group). */
  private final int[] moved;
  /** The most slots one group moves: the scratch {@link #least(int[], int[])} needs. */
  final int scratch;

  private Symmetry(Group[] groups) {
    this.groups = groups;
    java.util.TreeSet<Integer> slots = new java.util.TreeSet<>();
    for (Group g : groups) for (int y : g.moved()) slots.add(y);
    this.moved = slots.stream().mapToInt(Integer::intValue).toArray();
    int most = 1;
    for (Group g : groups) most = Math.max(most, g.moved().length);
    this.scratch = most;
  }

  /**
   * The model's symmetry, or null when it declares no scalarset (or none small enough:
   * {@code warnings} then says which are left unreduced).
   */
  static Symmetry of(CheckedModel checked, long maxImages, List<Diagnostic> warnings) {
    Map<Type.Symmetric, Places> places = new java.util.LinkedHashMap<>();
    for (Type t : checked.types().values()) {
      if (t instanceof Type.Symmetric s) places.put(s, new Places());
    }
    if (places.isEmpty()) return null;
    for (CheckedModel.Variable v : checked.globals().values()) collect(v.type(), v.base(), places);
    for (CheckedModel.Process p : checked.processes().values()) {
      for (Map<String, Integer> locals : p.localSlots()) {
        locals.forEach((name, base) -> collect(p.localTypes().get(name), base, places));
      }
    }
    // the tables of every group cover every group's slots: with several groups an image's slot
    // is traced through each group's array moves
    int span = 0;
    for (Map.Entry<Type.Symmetric, Places> e : places.entrySet()) {
      Places p = e.getValue();
      span = Math.max(span, Group.span(p.values, p.containers, p.arrays));
    }
    List<Group> groups = new ArrayList<>();
    long images = 1;
    for (Map.Entry<Type.Symmetric, Places> e : places.entrySet()) {
      int n = e.getKey().size();
      long factorial = 1;
      for (int k = 2; k <= n && factorial != Long.MAX_VALUE; k++) {
        factorial = Limits.times(factorial, k);
      }
      if (Limits.times(images, factorial) > maxImages) {
        Position at = checked.declared().getOrDefault(e.getKey().name(),
            new Position("model", 1, 1));
        warnings.add(new Diagnostic(SYMMETRY_TOO_LARGE, at, "symmetry reduction is off for "
            + "scalarset "
            + e.getKey().name() + ": its " + n + " values have " + (factorial == Long.MAX_VALUE
                ? "more than 2^63" : factorial) + " permutations"
            + (images > 1 ? " (times " + images + " of the other scalarsets)" : "")
            + ", over the bound of " + maxImages + " images per state; "
            + Limits.raise("max-symmetry-images")));
        continue;
      }
      images *= factorial;
      Places p = e.getValue();
      groups.add(new Group(n, p.values.stream().mapToInt(Integer::intValue).toArray(),
          p.containers.toArray(new int[0][]), p.arrays.toArray(new int[0][]), span));
    }
    return groups.isEmpty() ? null : new Symmetry(groups.toArray(new Group[0]));
  }

  private static final class Places {
    final List<Integer> values = new ArrayList<>();
    final List<int[]> containers = new ArrayList<>();
    final List<int[]> arrays = new ArrayList<>();
  }

  private static void collect(Type type, int base, Map<Type.Symmetric, Places> places) {
    if (type instanceof Type.Symmetric s) {
      places.get(s).values.add(base);
    } else if (type instanceof Type.Array a) {
      if (a.element() instanceof Type.Symmetric s) {
        for (int i = 0; i < a.slots(); i++) places.get(s).values.add(base + i);
      }
      // one entry per scalarset indexing the array, saying which of its dimensions it moves
      Map<Type.Symmetric, Integer> how = new java.util.LinkedHashMap<>();
      if (a.index() instanceof Type.Symmetric s) how.merge(s, Group.ROWS_MOVE, (x, y) -> x | y);
      if (a.second() instanceof Type.Symmetric s) {
        how.merge(s, Group.COLUMNS_MOVE, (x, y) -> x | y);
      }
      how.forEach((s, moves) -> places.get(s).arrays.add(
          new int[] {base, a.index().size(), a.columns(), moves}));
    } else if (type instanceof Type.Container c && c.element() instanceof Type.Symmetric s) {
      places.get(s).containers.add(new int[] {base, c.capacity()});
    }
  }

  private static int[][] permutations(int n) {
    List<int[]> out = new ArrayList<>();
    permute(new int[n], new boolean[n], 0, out);
    return out.toArray(new int[0][]);
  }

  private static void permute(int[] p, boolean[] used, int k, List<int[]> out) {
    if (k == p.length) {
      out.add(p.clone());
      return;
    }
    for (int v = 0; v < p.length; v++) {
      if (used[v]) continue;
      used[v] = true;
      p[k] = v;
      permute(p, used, k + 1, out);
      used[v] = false;
    }
  }

  /** The least image of s under every combination of the groups' permutations (a new array). */
  int[] canonical(int[] s) {
    int[] least = least(s);
    return least == s ? s.clone() : least;
  }

  /**
   * The least image of s: s itself when no image is less (nothing is allocated then), else a new
   * array. The search's hot path; the result is the same as {@link #canonicalByImages}'s.
   *
   * <p>Each image is compared with the least so far slot by slot as it is computed, over the
   * slots an image of this state can change (moved slots, less the arrays whose elements are all
   * equal and the free places of containers: the rest is equal in every image), and abandoned at
   * the first slot where it is greater. In the designs at 4 pages that is about 16 of 87 moved
   * slots and 2 reads per image, instead of two copies and a comparison of the whole state.
   */
  int[] least(int[] s) {
    return least(s, new int[scratch]);
  }

  /** {@link #least(int[])} with {@code slots} (at least {@link #scratch} long) as scratch. */
  int[] least(int[] s, int[] slots) {
    if (groups.length == 1) return leastOne(groups[0], groups[0].images(), s, slots);
    Images[] images = new Images[groups.length];
    for (int g = 0; g < groups.length; g++) images[g] = groups[g].images();
    return leastOfCombinations(images, s);
  }

  private static int[] leastOne(Group g, Images images, int[] s, int[] slots) {
    int count = g.changeable(s, slots);
    int[] moved = slots;
    int[][] perms = images.perms();
    int[][] inverses = images.inverses();
    int[] best = s;
    // perms[0] is the identity, s itself
    for (int p = 1; p < perms.length; p++) {
      int[] perm = perms[p];
      int[] inverse = inverses[p];
      for (int i = 0; i < count; i++) {
        int y = moved[i];
        int v = g.image(y, s, perm, inverse);
        int least = best[y];
        if (v > least) break;
        if (v < least) {
          if (best == s) best = s.clone();
          best[y] = v;
          for (int j = i + 1; j < count; j++) {
            best[moved[j]] = g.image(moved[j], s, perm, inverse);
          }
          break;
        }
      }
    }
    return best;
  }

  /** {@link #leastOne} over every combination of the groups' permutations (group 0 first). */
  private int[] leastOfCombinations(Images[] images, int[] s) {
    int[] choice = new int[groups.length];
    int[] from = new int[groups.length];
    int[] best = s;
    while (next(choice, images)) {
      for (int i = 0; i < moved.length; i++) {
        int y = moved[i];
        int v = imageOfCombination(y, s, images, choice, from);
        int least = best[y];
        if (v > least) break;
        if (v < least) {
          if (best == s) best = s.clone();
          best[y] = v;
          for (int j = i + 1; j < moved.length; j++) {
            best[moved[j]] = imageOfCombination(moved[j], s, images, choice, from);
          }
          break;
        }
      }
    }
    return best;
  }

  /** Steps the mixed-radix counter of permutation choices; false after the last. */
  private static boolean next(int[] choice, Images[] images) {
    for (int g = 0; g < choice.length; g++) {
      if (++choice[g] < images[g].perms().length) return true;
      choice[g] = 0;
    }
    return false;
  }

  /**
   * Slot y of the image of s under group 0's chosen permutation, then group 1's, ...: the slot
   * each group's array move reads from is traced back from the last group to the first, then the
   * values are renamed from the first group to the last.
   */
  private int imageOfCombination(int y, int[] s, Images[] images, int[] choice, int[] from) {
    int x = y;
    for (int g = groups.length - 1; g >= 0; g--) {
      x = groups[g].source(x, images[g].inverses()[choice[g]]);
      from[g] = x;
    }
    int v = s[x];
    for (int g = 0; g < groups.length; g++) {
      v = groups[g].renamed(from[g], v, s, images[g].perms()[choice[g]]);
    }
    return v;
  }

  /**
   * The specification of {@link #least}: every image built in full, the least kept. Kept for
   * the tests that hold the fast search to it.
   */
  int[] canonicalByImages(int[] s) {
    int[] best = s.clone();
    search(0, s, best);
    return best;
  }

  private void search(int g, int[] s, int[] best) {
    if (g == groups.length) {
      if (java.util.Arrays.compare(s, best) < 0) System.arraycopy(s, 0, best, 0, s.length);
      return;
    }
    Group group = groups[g];
    for (int[] perm : group.images().perms()) search(g + 1, apply(group, perm, s), best);
  }

  private static int[] apply(Group g, int[] perm, int[] s) {
    int[] out = s.clone();
    for (int slot : g.valueSlots) out[slot] = perm[s[slot]];
    for (int[] c : g.containers) {
      int len = s[c[0]];
      for (int j = 0; j < len; j++) out[c[0] + 1 + j] = perm[s[c[0] + 1 + j]];
    }
    int[] moved = out.clone();
    for (int[] a : g.arrays) {
      int n = a[Group.COLUMNS];
      boolean rows = (a[Group.HOW] & Group.ROWS_MOVE) != 0;
      boolean columns = (a[Group.HOW] & Group.COLUMNS_MOVE) != 0;
      for (int i = 0; i < a[Group.ROWS]; i++) {
        for (int j = 0; j < n; j++) {
          int to = a[Group.BASE] + (rows ? perm[i] : i) * n + (columns ? perm[j] : j);
          moved[to] = out[a[Group.BASE] + i * n + j];
        }
      }
    }
    return moved;
  }
}
