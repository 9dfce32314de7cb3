package poolcheck.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import poolcheck.compile.Models;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Frame;
import poolcheck.system.Property;
import poolcheck.system.SuccessorSink;
import poolcheck.result.CheckResult;
import poolcheck.result.Counterexample;

/**
 * Checks the layered search against the plainest possible answer: every path of the shortest
 * length, enumerated one by one, and the fewest switches among those that break the property.
 */
class FewestSwitchesBruteForceTest {
  private record Edge(int[] state, int transition, int property) {}

  private static List<Edge> next(CompiledModel m, int[] s, Frame f) {
    List<Edge> out = new ArrayList<>();
    m.successors(s, f, new SuccessorSink() {
      @Override
      public void successor(int[] n, int t) {
        out.add(new Edge(n, t, -1));
      }

      @Override
      public void violation(int p, int[] at, int t) {
        out.add(new Edge(at, t, p));
      }
    });
    return out;
  }

  private static int fewest(CompiledModel m, int[] s, int depth, int length, int last,
      Property p, Frame f, Frame onlyP) {
    if (depth == length) {
      return p.kind() == Property.Kind.INVARIANT && m.violatedInvariant(s, onlyP) == p.id()
          ? 0 : Integer.MAX_VALUE;
    }
    int best = Integer.MAX_VALUE;
    for (Edge e : next(m, s, f)) {
      int instance = m.transitions().get(e.transition()).instanceIndex();
      int cost = last >= 0 && last != instance ? 1 : 0;
      int rest;
      if (e.property() >= 0) {
        rest = e.property() == p.id() && depth == length - 1 ? 0 : Integer.MAX_VALUE;
      } else {
        rest = fewest(m, e.state(), depth + 1, length, instance, p, f, onlyP);
      }
      if (rest != Integer.MAX_VALUE) best = Math.min(best, cost + rest);
    }
    return best;
  }

  @ParameterizedTest
  @CsvSource({"lost_update, 2, no_lost_update", "lost_update, 3, no_lost_update",
      "tiny_pool, 1, no_mapped_page_at_rest", "tiny_pool, 1, no_unmap_after_detach",
      "tiny_pool, 2, no_unmap_after_detach"})
  void agreesWithEnumeratingEveryShortestPath(String name, int n, String property)
      throws Exception {
    String constant = name.equals("lost_update") ? "CPUS" : "PAGES";
    CompiledModel m = Models.load(Path.of("src/test/resources/models", name + ".pool"),
        Map.of(constant, Integer.toString(n)));
    Explorer explorer = new Explorer(m).properties(Set.of(property));
    CheckResult r = explorer.run();
    Counterexample bfs = r.counterexample().orElseThrow();
    assertEquals(property, bfs.property().name());

    Counterexample found = new FewestSwitches(m, Set.copyOf(r.checked())).find(bfs);

    boolean[] checked = new boolean[m.properties().size()];
    for (Property p : m.properties()) checked[p.id()] = r.checked().contains(p.name());
    boolean[] only = new boolean[checked.length];
    only[bfs.property().id()] = true;
    Frame f = m.newFrame(checked);
    int best = Integer.MAX_VALUE;
    List<int[]> initial = new ArrayList<>();
    m.initialStates(f, new SuccessorSink() {
      @Override
      public void successor(int[] s, int t) {
        initial.add(s);
      }

      @Override
      public void violation(int p, int[] at, int t) {}
    });
    for (int[] s : initial) {
      best = Math.min(best, fewest(m, s, 0, bfs.length(), -1, bfs.property(), f,
          m.newFrame(only)));
    }
    assertEquals(bfs.length(), found.length());
    assertEquals(best, FewestSwitches.switches(found));
  }
}
