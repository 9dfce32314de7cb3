package poolcheck.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poolcheck.api.ClusterSetup;
import poolcheck.api.ModelCheck;
import poolcheck.api.ModelCheckResult;
import poolcheck.api.ReplayResult;
import poolcheck.api.TraceReplay;
import poolcheck.api.Verdict;

/**
 * Worker JVMs on 127.0.0.1 (512 MB heap each), joined into a Pekko cluster by a coordinator in
 * this JVM: the counts, depth and verdict of the single-JVM search, and a counterexample of the
 * same length that replays on this machine.
 */
@Tag("slow")
class ClusterJvmTest {
  @TempDir
  Path dir;

  @Test
  void threeWorkerJvmsCountTheRecycleBenchmarkAsOneJvm() {
    ModelCheck check = ModelCheck.of(Path.of("models/bench/recycle.pool"))
        .constant("PAGES", 6).constant("RING", 4);
    ModelCheckResult one = check.exhaustive();
    List<String> log = new ArrayList<>();
    ModelCheckResult three = check.onCluster(ClusterSetup.local(3, log::add));
    assertEquals(Verdict.VERIFIED, one.verdict());
    assertEquals(one.verdict(), three.verdict(), three.reason());
    assertEquals(318_546, three.statistics().distinct());
    assertEquals(953_101, three.statistics().generated());
    assertEquals(one.statistics().distinct(), three.statistics().distinct());
    assertEquals(one.statistics().generated(), three.statistics().generated());
    assertEquals(one.statistics().depth(), three.statistics().depth());
    assertEquals(3, three.statistics().workers());
    assertTrue(log.stream().anyMatch(l -> l.contains("bytes per distinct state")), log.toString());
  }

  @Test
  void twoWorkerJvmsFindTheDmaAfterDetachInFourteenStepsAndTheTraceReplays() throws Exception {
    Path model = Path.of("models/page_pool_v6_12.pool");
    ModelCheck check = ModelCheck.of(model).config("small").properties("no_dma_after_detach");
    ModelCheckResult one = check.exhaustive();
    ModelCheckResult two = check.onCluster(ClusterSetup.local(2, line -> { }));
    assertEquals(Verdict.VIOLATED, two.verdict(), two.reason());
    assertEquals(14, two.counterexample().orElseThrow().length());
    assertEquals(one.statistics().distinct(), two.statistics().distinct());
    assertEquals(one.statistics().generated(), two.statistics().generated());
    Path trace = dir.resolve("trace.json");
    Files.writeString(trace, two.json());
    ReplayResult replayed = TraceReplay.of(model).config("small").replay(trace);
    assertTrue(replayed.ok(), replayed.toString());
  }
}
