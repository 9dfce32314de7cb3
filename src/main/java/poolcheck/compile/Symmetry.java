package poolcheck.compile;

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
 * occupied part of containers of them, and the elements of arrays indexed by a scalarset.
 */
final class Symmetry {
  /** The places one scalarset's values occupy. */
  private record Group(int size, int[] valueSlots, int[][] containers, int[] arrays,
      Supplier<int[][]> listed) {
    int[][] permutations() {
      return listed.get();
    }
  }

  private final Group[] groups;

  private Symmetry(Group[] groups) {
    this.groups = groups;
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
          p.containers.toArray(new int[0][]), p.arrays.stream().mapToInt(Integer::intValue)
              .toArray(), Suppliers.memoize(() -> permutations(n))));
    }
    return groups.isEmpty() ? null : new Symmetry(groups.toArray(new Group[0]));
  }

  private static final class Places {
    final List<Integer> values = new ArrayList<>();
    final List<int[]> containers = new ArrayList<>();
    final List<Integer> arrays = new ArrayList<>();
  }

  private static void collect(Type type, int base, Map<Type.Symmetric, Places> places) {
    if (type instanceof Type.Symmetric s) {
      places.get(s).values.add(base);
    } else if (type instanceof Type.Array a) {
      if (a.element() instanceof Type.Symmetric s) {
        for (int i = 0; i < a.index().size(); i++) places.get(s).values.add(base + i);
      }
      if (a.index() instanceof Type.Symmetric s) places.get(s).arrays.add(base);
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

  /** The least image of s under every combination of the groups' permutations. */
  int[] canonical(int[] s) {
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
    for (int[] perm : group.permutations()) search(g + 1, apply(group, perm, s), best);
  }

  private static int[] apply(Group g, int[] perm, int[] s) {
    int[] out = s.clone();
    for (int slot : g.valueSlots()) out[slot] = perm[s[slot]];
    for (int[] c : g.containers()) {
      int len = s[c[0]];
      for (int j = 0; j < len; j++) out[c[0] + 1 + j] = perm[s[c[0] + 1 + j]];
    }
    int[] moved = out.clone();
    for (int base : g.arrays()) {
      for (int i = 0; i < g.size(); i++) moved[base + perm[i]] = out[base + i];
    }
    return moved;
  }
}
