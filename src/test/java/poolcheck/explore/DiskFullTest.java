package poolcheck.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poolcheck.compile.Models;
import poolcheck.compile.CompiledModel;
import poolcheck.result.CheckResult;
import poolcheck.result.Verdict;

/** A disk that fills up under a run: figures so far, no partial files, the last checkpoint kept. */
class DiskFullTest {
  @TempDir
  Path dir;

  private static CompiledModel recycle() throws Exception {
    return Models.load(Path.of("models/bench/recycle.pool"), Map.of("PAGES", "5"));
  }

  @Test
  void aCheckpointThatDoesNotFitKeepsTheLastCompleteOne() throws Exception {
    CheckResult r = new Explorer(recycle()).fingerprints(true).workers(2).checkpoint(dir, 0)
        .disk(new FullDisk(400_000)).run();
    assertEquals(Verdict.INCOMPLETE, r.verdict());
    assertTrue(r.reason().equals("cannot write the checkpoint to " + dir + ": No space left on "
        + "device; the last complete checkpoint is kept"), r.reason());
    assertTrue(r.statistics().distinct() > 0 && r.statistics().generated() > 0);
    assertFalse(Files.exists(dir.resolve("checkpoint.bin.tmp")), "the partial file is removed");
    // and the checkpoint kept is whole: resuming it counts every state
    CheckResult resumed = new Explorer(recycle()).fingerprints(true).resume(dir).run();
    assertEquals(Verdict.VERIFIED, resumed.verdict());
    assertEquals(40_680, resumed.statistics().distinct());
    assertEquals(120_286, resumed.statistics().generated());
  }

  @Test
  void aFirstCheckpointThatDoesNotFitLeavesNothing() throws Exception {
    CheckResult r = new Explorer(recycle()).fingerprints(true).checkpoint(dir, 0)
        .disk(new FullDisk(1000)).run();
    assertEquals(Verdict.INCOMPLETE, r.verdict());
    assertEquals("cannot write the checkpoint to " + dir + ": No space left on device",
        r.reason());
    try (var left = Files.list(dir)) {
      assertEquals(0, left.count());
    }
  }

  @Test
  void aSpillThatDoesNotFitEndsTheRunWithItsFiguresAndNoFiles() throws Exception {
    for (long budget : new long[] {0, 50_000, 500_000}) {
      for (int workers : new int[] {1, 2}) {
        CheckResult r = new Explorer(recycle()).fingerprints(true).workers(workers)
            .spill(dir, 0).disk(new FullDisk(budget)).run();
        assertEquals(Verdict.INCOMPLETE, r.verdict(), budget + " bytes");
        assertTrue(r.reason().startsWith("cannot ") && r.reason().endsWith(
            ": No space left on device"), r.reason());
        try (var left = Files.list(dir)) {
          assertEquals(0, left.count(), "spill files are removed");
        }
        assertEquals(List.of(), OpenFiles.under(dir), "and closed");
      }
    }
  }

  @Test
  void aLivenessGraphThatDoesNotFitKeepsTheSafetyVerdictAndLeavesNoFile() throws Exception {
    // every property holds, the leads-to ones too
    CompiledModel fixed = Models.load(Path.of("models/page_pool_fix_all.pool"), "small", Map.of());
    FullDisk roomy = new FullDisk(Long.MAX_VALUE);
    CheckResult whole = new Explorer(fixed).fingerprints(true).spill(dir, 0).disk(roomy).run();
    assertEquals(Verdict.VERIFIED, whole.verdict());
    // the run's last write is the liveness graph's, after the safety search has finished
    CheckResult r = new Explorer(fixed).fingerprints(true).spill(dir, 0)
        .disk(new FullDisk(roomy.written() - 1)).run();
    assertEquals(Verdict.INCOMPLETE, r.verdict());
    assertTrue(r.reason().startsWith("cannot write the liveness graph to " + dir), r.reason());
    assertTrue(r.reason().endsWith(String.format(java.util.Locale.ROOT, ": No space left on "
        + "device; the safety properties hold over all %,d states, the liveness properties are "
        + "not decided", whole.statistics().distinct())), r.reason());
    assertEquals(whole.statistics().distinct(), r.statistics().distinct());
    try (var left = Files.list(dir)) {
      assertEquals(0, left.count(), "no file is left");
    }
    assertEquals(List.of(), OpenFiles.under(dir), "nor held open");
  }
}
