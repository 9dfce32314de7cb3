package poolcheck.explore.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Pearce's components against the definition (two states are in one component when each reaches
 * the other inside the set), on random graphs, for whole graphs and for the ever smaller subsets
 * the strong fairness refinement asks about, one call after the other on the same arrays, also
 * after the arrays were lent out as scratch space; the set given as states or as bits.
 */
class ComponentsTest {
  @Test
  void randomGraphsAndSubsetsGetTheComponentsOfTheDefinition() {
    int multiState = 0;
    for (long seed = 0; seed < 300; seed++) {
      Random rnd = new Random(seed);
      int n = 1 + rnd.nextInt(40);
      int[][] successors = new int[n][];
      for (int s = 0; s < n; s++) {
        successors[s] = rnd.ints(rnd.nextInt(4), 0, n).toArray();
      }
      LivenessGraph g = LivenessGraph.ofEdges(successors);
      Components c = new Components(g, () -> { });
      for (int round = 0; round < 4; round++) {
        int[] set = rnd.ints(0, n).distinct().limit(1 + rnd.nextInt(n)).toArray();
        int[] members = new int[set.length];
        if (round % 2 == 0) {
          c.find(set, set.length, members);
        } else {
          // the same set as bits (R, in the fair-cycle search)
          long[] bits = new long[(n >>> 6) + 1];
          for (int x : set) bits[x >>> 6] |= 1L << x;
          c.find(bits, members);
        }
        int[] sorted = members.clone();
        Arrays.sort(sorted);
        int[] want = set.clone();
        Arrays.sort(want);
        assertEquals(Arrays.toString(want), Arrays.toString(sorted), "seed " + seed + ": members");
        Map<Integer, Set<Integer>> got = new HashMap<>();
        List<Integer> order = new ArrayList<>();
        for (int j = 0; j < members.length; j++) {
          int id = c.component(members[j]);
          if (j > 0 && c.component(members[j - 1]) != id) {
            assertTrue(!got.containsKey(id), "seed " + seed + ": a component written in one run");
          }
          if (got.computeIfAbsent(id, x -> new HashSet<>()).isEmpty()) order.add(id);
          got.get(id).add(members[j]);
        }
        Set<Set<Integer>> expected = definition(successors, set);
        assertEquals(expected, new HashSet<>(got.values()), "seed " + seed + " round " + round);
        for (Set<Integer> component : expected) if (component.size() > 1) multiState++;
        if (round == 2) c.borrow(rnd.nextInt(3))[0] = 0;
      }
    }
    assertTrue(multiState > 100, multiState + " components of more than one state");
  }

  private static Set<Set<Integer>> definition(int[][] successors, int[] set) {
    Set<Integer> in = new HashSet<>();
    for (int s : set) in.add(s);
    Map<Integer, Set<Integer>> reach = new HashMap<>();
    for (int s : set) {
      Set<Integer> seen = new HashSet<>(List.of(s));
      List<Integer> queue = new ArrayList<>(List.of(s));
      for (int head = 0; head < queue.size(); head++) {
        for (int t : successors[queue.get(head)]) {
          if (in.contains(t) && seen.add(t)) queue.add(t);
        }
      }
      reach.put(s, seen);
    }
    Set<Set<Integer>> out = new HashSet<>();
    for (int s : set) {
      Set<Integer> component = new HashSet<>();
      for (int t : set) if (reach.get(s).contains(t) && reach.get(t).contains(s)) component.add(t);
      out.add(component);
    }
    return out;
  }
}
