package poolcheck.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poolcheck.compile.Models;
import poolcheck.compile.CompiledModel;
import poolcheck.result.CheckResult;
import poolcheck.result.Verdict;
import poolcheck.trace.JsonResult;
import poolcheck.trace.JsonTrace;
import poolcheck.trace.Replay;

class CheckpointTest {
  @TempDir
  Path dir;

  private static CompiledModel recycle(String pages) throws Exception {
    return Models.load(Path.of("models/bench/recycle.pool"), Map.of("PAGES", pages));
  }

  @Test
  void resumingAfterADepthLimitFindsTheSameShortestViolation() throws Exception {
    CompiledModel lost = Models.fromText("lost.pool", """
        model lost_update;
        const CPUS = 4;
        type Cpu = 0 .. CPUS - 1;
        var counter : 0 .. CPUS = 0;
        process cpu[CPUS] {
          var tmp : 0 .. CPUS = 0;
          load:  { tmp = counter; }
          store: { counter = tmp + 1; }
        }
        invariant no_lost_update: (forall c in Cpu: at(cpu[c], done)) => counter == CPUS;
        """);
    CheckResult first = new Explorer(lost).fingerprints(true).workers(2).maxDepth(5)
        .checkpoint(dir, 0).run();
    assertEquals(Verdict.INCOMPLETE, first.verdict());
    CheckResult resumed = new Explorer(lost).fingerprints(true).workers(2).resume(dir).run();
    CheckResult straight = new Explorer(lost).run();
    assertEquals(Verdict.VIOLATED, resumed.verdict());
    assertEquals(straight.counterexample().orElseThrow().length(),
        resumed.counterexample().orElseThrow().length());
    Path file = dir.resolve("trace.json");
    Files.writeString(file, JsonResult.render(resumed));
    assertTrue(Replay.check(lost, JsonTrace.read(file)).ok());
  }

  @Test
  void resumingAfterADepthLimitCountsEveryStateOnce() throws Exception {
    CompiledModel m = recycle("5");
    new Explorer(m).fingerprints(true).maxDepth(9).checkpoint(dir, 0).run();
    CheckResult resumed = new Explorer(m).fingerprints(true).workers(3).resume(dir).run();
    assertEquals(Verdict.VERIFIED, resumed.verdict());
    assertEquals(40_680, resumed.statistics().distinct());
    assertEquals(120_286, resumed.statistics().generated());
  }

  @Test
  void resumingSaysWhatItLoads() throws Exception {
    CompiledModel m = recycle("5");
    new Explorer(m).fingerprints(true).maxDepth(9).checkpoint(dir, 0).run();
    java.util.Set<String> sections = new java.util.LinkedHashSet<>();
    Explorer.Progress progress = new Explorer.Progress() {
      @Override
      public void report(long distinct, long generated, long frontier, int depth, long millis) {}

      @Override
      public void loading(String section, long done, long total, long millis) {
        assertTrue(done >= 0 && done <= total, done + " of " + total);
        sections.add(section);
      }
    };
    CheckResult resumed = new Explorer(m).fingerprints(true).progress(progress)
        .progressInterval(0).resume(dir).run();
    assertEquals(40_680, resumed.statistics().distinct());
    assertEquals(java.util.List.of("header", "visited", "trace log", "frontier"),
        java.util.List.copyOf(sections));
  }

  @Test
  void refusesTheCheckpointOfAnotherConfiguration() throws Exception {
    new Explorer(recycle("5")).fingerprints(true).maxDepth(3).checkpoint(dir, 0).run();
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> new Explorer(recycle("4")).fingerprints(true).resume(dir).run());
    assertTrue(e.getCause().getMessage().contains("the checkpoint is of another run"),
        e.getCause().getMessage());
  }
}
