package poolcheck.explore.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Models;
import poolcheck.result.Counterexample;
import poolcheck.system.PropertySelection;
import poolcheck.trace.Replay;
import poolcheck.trace.Replays;

/**
 * The shipped designs decided under symmetry, from the quotient alone with its lassos lifted,
 * against the unreduced graph ({@code --no-symmetry}): the same verdict for every liveness
 * property, every lifted lasso a fair violating run of the model, and no lift falling back.
 */
class LiftedLassosOfShippedDesignsTest {
  /** Which properties held and which failed, so that the check can fail both ways. */
  private int held;
  private int violated;

  @Test
  void aDesignWhoseLivenessHoldsAndTwoWhoseLivenessFailsAgreeWithTheUnreducedGraph()
      throws Exception {
    assertAgrees("page_pool_v6_12", "small");
    assertAgrees("page_pool_queue_restart", "small");
    assertAgrees("page_pool_preempt_rt", "no_rt_check");
    assertEquals(7, held, "held");
    assertEquals(2, violated, "violated");
  }

  @Test
  @Tag("slow")
  void everyShippedDesignAtEveryConfigurationButLargeAgreesWithTheUnreducedGraph()
      throws Exception {
    try (Stream<Path> files = Files.list(Path.of("models"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".pool")).sorted().toList()) {
        String design = f.getFileName().toString().replace(".pool", "");
        for (String config : Models.load(f).configurations()) {
          if (!config.equals("large")) assertAgrees(design, config);
        }
      }
    }
    assertTrue(held > 0 && violated > 0, held + " held, " + violated + " violated");
  }

  private void assertAgrees(String design, String config) throws Exception {
    CompiledModel m = Models.load(Path.of("models", design + ".pool"), config, Map.of());
    assertTrue(m.reducesSymmetry(), design + " reduces symmetry");
    for (int k = 0; k < m.livenessCount(); k++) {
      String name = m.livenessProperty(k).name();
      String what = design + " " + config + " " + name;
      int id = m.livenessProperty(k).id();
      PropertySelection alone = PropertySelection.of(m, List.of(name), false);
      LivenessChecker lifting = new LivenessChecker(m, alone);
      Counterexample got = lifting.checkEach(alone)[id];
      Counterexample want = new LivenessChecker(m.withSymmetry(false), alone).checkEach(alone)[id];
      assertEquals(want == null, got == null, what + ": verdict");
      assertEquals(0, lifting.liftFallbacks(), what + ": the lift fell back");
      if (got == null) {
        held++;
        continue;
      }
      violated++;
      Replay.Outcome o = Replays.replay(m, got, ImmutableList.of(name));
      assertTrue(o.ok(), what + ": " + o.message());
    }
  }
}
