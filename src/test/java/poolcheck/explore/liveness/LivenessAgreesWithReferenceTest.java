package poolcheck.explore.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Models;
import poolcheck.explore.RandomModels;
import poolcheck.explore.store.Disk;
import poolcheck.result.Counterexample;
import poolcheck.system.PropertySelection;

/**
 * {@link LivenessChecker} (primitive graph, the quotient's lassos lifted to the model, over
 * fingerprints and over exact states, built by one thread or three, edges on the heap or on disk) against {@link ReferenceLiveness} (boxed, unreduced, Kosaraju): for every leads-to
 * property, the same verdict and the same lasso, step for step, on random models under random fairness and on shipped designs with scalarsets.
 */
class LivenessAgreesWithReferenceTest {
  @TempDir
  Path dir;

  private static final List<String> FAIRNESS = List.of("", "weak", "strong");

  /** Which properties held and which failed, over all models: a check that can fail both ways. */
  private int held;
  private int violated;

  @Test
  void randomModelsUnderRandomFairnessGetTheReferenceVerdictsAndLassos() throws Exception {
    for (long seed = 0; seed < 120; seed++) {
      Random rnd = new Random(seed);
      StringBuilder text = new StringBuilder(RandomModels.generate(seed));
      text.append("liveness back_to_zero: always eventually g0 == 0;\n");
      text.append("liveness one_then_two: g1 == 1 ~> g1 == 2;\n");
      text.append("liveness leaves_s0: eventually !at(p0[0], s0);\n");
      text.append("liveness queue_drains: !empty(q) ~> empty(q);\n");
      for (String process : List.of("p0", "p1")) {
        String f = FAIRNESS.get(rnd.nextInt(3));
        if (!f.isEmpty() && text.indexOf("process " + process) >= 0) {
          text.append("fairness ").append(f).append(": ").append(process).append(";\n");
        }
      }
      assertAgrees(Models.fromText("random_" + seed + ".pool", text.toString()), "seed " + seed);
    }
    assertTrue(held > 40 && violated > 40, held + " held, " + violated + " violated");
  }

  @Test
  void shippedDesignsWithPageOrbitsGetTheReferenceVerdictsAndLassos() throws Exception {
    assertAgrees(Models.load(Path.of("models/page_pool_v6_12.pool"), "small", Map.of()), "v6_12");
    // its pool_eventually_freed fails: the quotient finds it, and its lasso lifted to the model
    // is the reference's, step for step
    assertAgrees(Models.load(Path.of("models/page_pool_queue_restart.pool"), "small", Map.of()),
        "queue_restart");
    assertTrue(violated > 0 && held > 0, held + " held, " + violated + " violated");
  }

  private void assertAgrees(CompiledModel m, String what) {
    for (int k = 0; k < m.livenessCount(); k++) {
      String name = m.livenessProperty(k).name();
      PropertySelection alone = PropertySelection.of(m, List.of(name), false);
      Counterexample want = new ReferenceLiveness(m, alone).check(k);
      if (want == null) {
        held++;
      } else {
        violated++;
      }
      // the graph over fingerprints and over the packed states, built by one thread or three,
      // its edges and queue on the heap or on disk (edges in chunks of 2^6, so that reads cross
      // them):
      // the same lasso, rebuilt by stepping along its edges every way
      for (int way = 0; way < 4; way++) {
        boolean exact = way == 1;
        int threads = way == 2 ? 3 : 1;
        boolean onDisk = way == 3;
        String mode = what + " " + name + (exact ? " (exact)" : " (fingerprints)")
            + (threads > 1 ? " (3 threads)" : "") + (onDisk ? " (edges on disk)" : "");
        LivenessChecker checker = new LivenessChecker(m, alone).exact(exact).threads(threads);
        if (onDisk) checker.spill(new GraphFiles(dir, 0, Disk.REAL, 6));
        Counterexample got = checker.checkEach(alone)[m.livenessProperty(k).id()];
        assertEquals(want == null, got == null, mode + ": verdict");
        assertEquals(0, checker.liftFallbacks(), mode + ": the lift fell back");
        if (want == null) continue;
        assertEquals(want.length(), got.length(), mode + ": lasso length");
        assertEquals(want.loop(), got.loop(), mode + ": loop");
        assertEquals(want.steps(), got.steps(), mode + ": lasso");
      }
    }
  }
}
