package poolcheck.explore.liveness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Models;
import poolcheck.explore.ForwardingStepper;
import poolcheck.explore.ForwardingSystem;
import poolcheck.explore.RandomModels;
import poolcheck.explore.store.Disk;
import poolcheck.system.Counts;
import poolcheck.system.PropertySelection;
import poolcheck.system.Stepper;
import poolcheck.system.SuccessorSink;
import poolcheck.system.TransitionSystem;

/**
 * The graph built by several threads is the graph built by one: the same numbers, edges,
 * instances, moves and property bits, and the same coverage counts, on random models and on
 * shipped designs (unreduced and quotient, over fingerprints and exact states, edges on the heap
 * and on disk); a helper thread's
 * failure is the build's, and a stopped build leaves no helper running.
 */
class LivenessGraphTest {
  @TempDir
  Path dir;

  private static final LivenessGraph.Watch QUIET = (state, numbered) -> { };

  /** Small graphs: their batches are small, stepped by the numbering thread between others. */
  @Test
  void randomModelsGetTheSameGraphFromOneTwoAndThreeThreads() throws Exception {
    int states = 0;
    for (long seed = 0; seed < 60; seed++) {
      StringBuilder text = new StringBuilder(RandomModels.generate(seed));
      text.append("liveness back_to_zero: always eventually g0 == 0;\n");
      text.append("liveness one_then_two: g1 == 1 ~> g1 == 2;\n");
      text.append("liveness leaves_s0: eventually !at(p0[0], s0);\n");
      CompiledModel m = Models.fromText("random_" + seed + ".pool", text.toString());
      states += assertSameWhateverTheThreads(m, false, false, "seed " + seed);
    }
    assertTrue(states > 1_000, states + " states: the models are too small to be split");
  }

  @Test
  void shippedDesignsGetTheSameGraphFromOneAndThreeThreads() throws Exception {
    CompiledModel v612 = Models.load(Path.of("models/page_pool_v6_12.pool"), "mixed", Map.of());
    // many batches of 1,024 states a thread, so batches follow each other
    assertTrue(assertSameWhateverTheThreads(v612, false, false, "v6_12") > 30_000);
    assertSameWhateverTheThreads(v612, true, false, "v6_12 quotient");
    assertSameWhateverTheThreads(v612, true, true, "v6_12 quotient, exact");
    CompiledModel restart =
        Models.load(Path.of("models/page_pool_queue_restart.pool"), "small", Map.of());
    assertSameWhateverTheThreads(restart, true, false, "queue_restart quotient");
  }

  /**
   * Builds with 1, 2 and 3 threads and compares; the number of states. The 3-thread build keeps
   * its edges on disk, in chunks of 2^10 edges, so that its reads cross chunks, and its queue
   * of states to expand there too.
   */
  private int assertSameWhateverTheThreads(CompiledModel model, boolean quotient,
      boolean exact, String what) throws IOException {
    TransitionSystem m = model.withSymmetry(false);
    PropertySelection all = PropertySelection.all(m);
    Stepper one = m.stepper(all);
    LivenessGraph want = LivenessGraph.build(m, one, m.liveness(), all, quotient, exact, 1,
        GraphFiles.HEAP, QUIET);
    for (int threads = 2; threads <= 3; threads++) {
      Stepper several = m.stepper(all);
      GraphFiles files = threads == 3 ? new GraphFiles(dir, 0, Disk.REAL, 10) : GraphFiles.HEAP;
      LivenessGraph got = LivenessGraph.build(m, several, m.liveness(), all, quotient, exact,
          threads, files, QUIET);
      String how = what + ", " + threads + " threads" + (threads == 3 ? ", spilled" : "");
      assertSameGraph(want, got, m.liveness().count(), how);
      assertSameCounts(one.counts(), several.counts(), how);
    }
    try (var left = Files.list(dir)) {
      assertEquals(0, left.count(), "the edges' file is unlinked, the queue's closed");
    }
    assertEquals(List.of(), poolcheck.explore.OpenFiles.under(dir), "and both are closed");
    return want.size();
  }

  private static void assertSameGraph(LivenessGraph want, LivenessGraph got, int properties,
      String what) {
    assertEquals(want.size(), got.size(), what + ": states");
    assertEquals(want.initialCount(), got.initialCount(), what + ": initial states");
    for (int i = 0; i < want.initialCount(); i++) {
      assertArrayEquals(want.initials.get(i), got.initials.get(i), what + ": initial " + i);
    }
    for (int s = 0; s < want.size(); s++) {
      assertEquals(want.start(s), got.start(s), what + ": edges of " + s);
      assertEquals(want.end(s), got.end(s), what + ": edges of " + s);
      for (int e = want.start(s); e < want.end(s); e++) {
        assertEquals(want.target(e), got.target(e), what + ": target of edge " + e);
        assertEquals(want.instance(e), got.instance(e), what + ": instance of edge " + e);
        assertEquals(want.moves(s, e), got.moves(s, e), what + ": move of edge " + e);
      }
      for (int k = 0; k < properties; k++) {
        assertEquals(want.goal(k, s), got.goal(k, s), what + ": goal " + k + " of " + s);
        assertEquals(want.premise(k, s), got.premise(k, s), what + ": premise " + k + " of " + s);
      }
    }
  }

  private static void assertSameCounts(Counts want, Counts got, String what) {
    for (int t = 0; t < want.transitions(); t++) {
      assertEquals(want.taken(t), got.taken(t), what + ": taken " + t);
      assertEquals(want.enabled(t), got.enabled(t), what + ": enabled " + t);
    }
    for (int i = 0; i < want.sites(); i++) {
      assertEquals(want.evaluated(i), got.evaluated(i), what + ": evaluated " + i);
      assertEquals(want.held(i), got.held(i), what + ": held " + i);
    }
  }

  /** Goal and premise bits of properties 32 and up live in a second long per state. */
  @Test
  void fortyPropertiesKeepTheirOwnGoalsAndPremises() throws Exception {
    StringBuilder text = new StringBuilder("""
        var x : 0 .. 9 = 0;
        process p { s: { x = (x + 1) % 5; goto s; } }
        fairness weak: p;
        """);
    for (int i = 0; i < 39; i++) {
      text.append(i % 2 == 0 ? "liveness l" + i + ": always eventually x == " + i % 5 + ";\n"
          : "liveness l" + i + ": x == " + i % 5 + " ~> x == " + (i + 2) % 5 + ";\n");
    }
    text.append("liveness l39: x == 3 ~> x == 7;\n");
    CompiledModel m = Models.fromText("forty.pool", text.toString());
    for (int threads = 1; threads <= 2; threads++) {
      PropertySelection all = PropertySelection.all(m);
      var lassos = new LivenessChecker(m, all).threads(threads).checkEach(all);
      for (int k = 0; k < m.livenessCount(); k++) {
        var p = m.livenessProperty(k);
        assertEquals(p.name().equals("l39"), lassos[p.id()] != null, p.name() + ", " + threads);
      }
    }
  }

  @Test
  void aHelperThreadsFailureIsTheBuildsFailure() throws Exception {
    CompiledModel v612 = Models.load(Path.of("models/page_pool_v6_12.pool"), "small", Map.of());
    IllegalStateException broken = new IllegalStateException("a step broke on a helper");
    // steppers throw on a helper thread only: the failure has to cross to the numbering thread
    TransitionSystem m = new BrokenHelpers(v612, broken);
    PropertySelection all = PropertySelection.all(m);
    Stepper works = m.stepper(all);
    IllegalStateException thrown = assertThrows(IllegalStateException.class,
        () -> LivenessGraph.build(m, works, m.liveness(), all, false, false, 2, GraphFiles.HEAP,
            QUIET));
    assertSame(broken, thrown);
    assertNoHelperRuns();
  }

  @Test
  void aStoppedBuildLeavesNoHelperRunning() throws Exception {
    CompiledModel v612 = Models.load(Path.of("models/page_pool_v6_12.pool"), "mixed", Map.of());
    PropertySelection all = PropertySelection.all(v612);
    int[] seen = {0};
    assertThrows(LivenessChecker.Stopped.class, () -> LivenessGraph.build(v612,
        v612.stepper(all), v612.liveness(), all, false, false, 3, GraphFiles.HEAP,
        (state, numbered) -> {
          if (++seen[0] > 10_000) throw new LivenessChecker.Stopped();
        }));
    assertNoHelperRuns();
  }

  private static void assertNoHelperRuns() throws InterruptedException {
    List<Thread> left = new ArrayList<>();
    for (int tries = 0; tries < 100; tries++) {
      left.clear();
      for (Thread t : Thread.getAllStackTraces().keySet()) {
        if (t.getName().equals("liveness-graph") && t.isAlive()) left.add(t);
      }
      if (left.isEmpty()) return;
      Thread.sleep(20);
    }
    assertEquals(List.of(), left, "helper threads still running 2 s after the build ended");
  }

  /** The model, except that its steppers throw {@code broken} on a helper thread. */
  private record BrokenHelpers(TransitionSystem delegate, RuntimeException broken)
      implements ForwardingSystem {
    @Override
    public Stepper stepper(PropertySelection checked) {
      Stepper works = delegate.stepper(checked);
      return new ForwardingStepper() {
        @Override
        public Stepper delegate() {
          return works;
        }

        @Override
        public void successors(int[] s, SuccessorSink sink) {
          if (Thread.currentThread().getName().equals("liveness-graph")) throw broken;
          works.successors(s, sink);
        }

        @Override
        public void successors(int[] s, int transition, SuccessorSink sink) {
          if (Thread.currentThread().getName().equals("liveness-graph")) throw broken;
          works.successors(s, transition, sink);
        }
      };
    }
  }
}
