package poolcheck.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import poolcheck.compile.Models;
import poolcheck.result.CheckResult;
import poolcheck.result.Verdict;

/**
 * The state count of corpus/verified/peterson.pool computed a second way: a hand-written
 * breadth-first search over Peterson's transition relation, written from the algorithm, not from
 * the compiler's output. Flags are kept explicitly (not derived from the pcs) so that the two
 * searches share no assumption.
 */
class PetersonStateCountTest {
  private static final int SET_FLAG = 0;
  private static final int SET_TURN = 1;
  private static final int WAIT = 2;
  private static final int CRITICAL = 3;
  private static final int LEAVE = 4;

  /** A state: pc0, pc1, flag0, flag1, turn. */
  private static List<Integer> state(int pc0, int pc1, int f0, int f1, int turn) {
    return List.of(pc0, pc1, f0, f1, turn);
  }

  private static List<List<Integer>> successors(List<Integer> s) {
    List<List<Integer>> out = new java.util.ArrayList<>();
    for (int i = 0; i < 2; i++) {
      int[] pc = {s.get(0), s.get(1)};
      int[] flag = {s.get(2), s.get(3)};
      int turn = s.get(4);
      int other = 1 - i;
      switch (pc[i]) {
        case SET_FLAG -> { flag[i] = 1; pc[i] = SET_TURN; }
        case SET_TURN -> { turn = other; pc[i] = WAIT; }
        case WAIT -> {
          if (!(flag[other] == 0 || turn == i)) continue;
          pc[i] = CRITICAL;
        }
        case CRITICAL -> pc[i] = LEAVE;
        default -> { flag[i] = 0; pc[i] = SET_FLAG; }
      }
      out.add(state(pc[0], pc[1], flag[0], flag[1], turn));
    }
    return out;
  }

  private static int independentCount() {
    Set<List<Integer>> seen = new HashSet<>();
    Deque<List<Integer>> frontier = new ArrayDeque<>();
    List<Integer> init = state(SET_FLAG, SET_FLAG, 0, 0, 0);
    seen.add(init);
    frontier.add(init);
    while (!frontier.isEmpty()) {
      List<Integer> s = frontier.poll();
      assertFalse(s.get(0) == CRITICAL && s.get(1) == CRITICAL, "mutual exclusion in " + s);
      for (List<Integer> next : successors(s)) {
        if (seen.add(next)) frontier.add(next);
      }
    }
    return seen.size();
  }

  @Test
  void petersonHasTwentySixStatesByAnIndependentSearch() throws Exception {
    Path model = corpus("verified/peterson.pool");
    int expected = Integer.parseInt(Files.readAllLines(model).stream()
        .filter(l -> l.startsWith("// expect: states ")).findFirst().orElseThrow()
        .substring("// expect: states ".length()).trim());
    assertEquals(26, independentCount());
    assertEquals(26, expected);
    CheckResult r = new Explorer(Models.load(model)).run();
    assertEquals(Verdict.VERIFIED, r.verdict());
    assertEquals(26, r.statistics().distinct());
  }

  private static Path corpus(String name) throws URISyntaxException {
    return Path.of(PetersonStateCountTest.class.getResource("/corpus/" + name).toURI());
  }
}
