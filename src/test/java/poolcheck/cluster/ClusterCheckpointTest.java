package poolcheck.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Models;
import poolcheck.explore.Explorer;
import poolcheck.explore.SequentialBfs;
import poolcheck.result.CheckResult;
import poolcheck.result.Verdict;
import poolcheck.system.PropertySelection;

/**
 * Checkpoints of the partitioned search over the in-process transport: a run stopped at a level
 * boundary (a limit, or a node lost mid-level) resumes from the last level every node wrote and
 * ends with the counts of an uninterrupted run.
 */
class ClusterCheckpointTest {
  @TempDir
  Path dir;

  static final Map<String, String> IDENTITY = Map.of("poolcheck", Message.VERSION,
      "model", "recycle PAGES=5 RING=4");

  static CompiledModel recycle() throws Exception {
    return Models.load(Path.of("models/bench/recycle.pool"), Map.of("PAGES", "5", "RING", "4"));
  }

  /** A partitioned run of {@code parts} partitions, set up by {@code setup}. */
  static CheckResult run(CompiledModel m, PropertySelection checked, int parts,
      java.util.function.UnaryOperator<PartitionedSearch> setup) throws InterruptedException {
    try (InProcessTransport t = new InProcessTransport(m, checked, parts)) {
      return setup.apply(new PartitionedSearch(m, checked, t).silenceMillis(60_000)).run();
    }
  }

  @Test
  void aRunStoppedAtADepthLimitResumesToTheCountsOfOneUninterruptedRun() throws Exception {
    CompiledModel m = recycle();
    PropertySelection checked = new Explorer(m).selection();
    CheckResult whole = SequentialBfs.run(m, checked);
    CheckResult cut = run(m, checked, 3, s -> s.maxDepth(6).checkpoint(dir, 0, IDENTITY));
    assertEquals(Verdict.INCOMPLETE, cut.verdict());
    assertEquals("depth limit 6 reached", cut.reason());
    Manifest saved = Manifest.read(dir, IDENTITY, 3);
    assertEquals(6, saved.level());
    assertEquals(cut.statistics().distinct(), saved.distinct());
    assertEquals(3, saved.nodes());
    // only the last two levels' node files are kept
    try (var files = Files.list(dir)) {
      assertEquals(7, files.count(), "six node files and the manifest");
    }
    CheckResult resumed = run(m, checked, 3, s -> s.resume(dir, saved)
        .checkpoint(dir, 0, IDENTITY));
    assertEquals(Verdict.VERIFIED, resumed.verdict(), resumed.reason());
    assertEquals(whole.statistics().distinct(), resumed.statistics().distinct());
    assertEquals(whole.statistics().generated(), resumed.statistics().generated());
    assertEquals(whole.statistics().depth(), resumed.statistics().depth());
    assertEquals(78_480, resumed.statistics().distinct());
  }

  /**
   * Partition 1 is "lost" when it is told to expand level 9: the coordinator hears what the
   * Pekko transport says of an unreachable node, instead of the partition's report.
   */
  private static final class LosingTransport implements Transport {
    private final InProcessTransport inner;
    private final int lostAt;

    LosingTransport(InProcessTransport inner, int lostAt) {
      this.inner = inner;
      this.lostAt = lostAt;
    }

    @Override
    public int partitions() {
      return inner.partitions();
    }

    @Override
    public void toPartition(int partition, Message message) {
      if (partition == 1 && message instanceof Message.Expand e && e.level() >= lostAt) {
        inner.toCoordinator(new Message.Failed(-1, "lost node 1 of 3 at 127.0.0.1:1 "
            + "(unreachable)"));
        return;
      }
      inner.toPartition(partition, message);
    }

    @Override
    public void toCoordinator(Message message) {
      inner.toCoordinator(message);
    }

    @Override
    public BlockingQueue<Message> coordinatorInbox() {
      return inner.coordinatorInbox();
    }
  }

  @Test
  void aLostNodeStopsTheRunNamingItAndTheRunResumesFromTheLastCompleteLevel() throws Exception {
    CompiledModel m = recycle();
    PropertySelection checked = new Explorer(m).selection();
    PartitionedSearch.Lost lost;
    try (InProcessTransport t = new InProcessTransport(m, checked, 3)) {
      PartitionedSearch search = new PartitionedSearch(m, checked, new LosingTransport(t, 9))
          .silenceMillis(60_000).checkpoint(dir, 0, IDENTITY);
      lost = assertThrows(PartitionedSearch.Lost.class, search::run);
      assertEquals(9, search.lastCheckpoint().level());
    }
    assertTrue(lost.getMessage().startsWith("lost node 1 of 3 at 127.0.0.1:1 (unreachable) at "
        + "level 9; the last complete checkpoint (level 9, "), lost.getMessage());
    Manifest saved = Manifest.read(dir, IDENTITY, 3);
    CheckResult resumed = run(m, checked, 3, s -> s.resume(dir, saved));
    assertEquals(Verdict.VERIFIED, resumed.verdict());
    assertEquals(78_480, resumed.statistics().distinct());
    assertEquals(233_686, resumed.statistics().generated());
  }

  @Test
  void aNodeThatCannotWriteItsCheckpointStopsTheRunSayingSo() throws Exception {
    CompiledModel m = recycle();
    Path blocked = Files.writeString(dir.resolve("blocked"), "a file, not a directory");
    PartitionedSearch.Lost e = assertThrows(PartitionedSearch.Lost.class, () -> run(m,
        new Explorer(m).selection(), 2, s -> s.checkpoint(blocked.resolve("ckpt"), 0,
            IDENTITY)));
    assertTrue(e.getMessage().matches("node [01] cannot write its checkpoint to "
        + java.util.regex.Pattern.quote(blocked.resolve("ckpt").toString())
        + ": .*; no level was checkpointed yet"), e.getMessage());
  }

  @Test
  void aViolationFoundAfterAResumeHasATraceOfTheSameLength() throws Exception {
    CompiledModel m = Models.load(Path.of("models/page_pool_v6_12.pool"), "small", Map.of());
    PropertySelection checked = new Explorer(m).properties(java.util.Set.of(
        "no_dma_after_detach")).selection();
    CheckResult whole = SequentialBfs.run(m, checked);
    run(m, checked, 2, s -> s.maxDepth(8).checkpoint(dir, 0, IDENTITY));
    CheckResult resumed = run(m, checked, 2, s -> {
      try {
        return s.resume(dir, Manifest.read(dir, IDENTITY, 2));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    assertEquals(Verdict.VIOLATED, resumed.verdict());
    assertEquals(whole.counterexample().orElseThrow().length(),
        resumed.counterexample().orElseThrow().length());
    assertEquals(whole.statistics().distinct(), resumed.statistics().distinct());
  }

  @Test
  void aManifestReadsBackWhatWasWrittenWhateverItsIdentityHolds() throws Exception {
    Map<String, String> odd = new LinkedHashMap<>();
    odd.put("a=b", "c=d");
    odd.put("back\\slash", "new\nline \\n");
    odd.put("constants", "{PAGES=7, RING=5}");
    Manifest m = new Manifest(-3, 4, 10, 25, 99, new long[] {6, 4}, new long[] {2, 0}, odd);
    m.write(dir);
    assertEquals(m, Manifest.read(dir, odd, 2));
    assertTrue(Files.readString(dir.resolve(Manifest.FILE)).contains(
        "identity constants={PAGES=7, RING=5}\n"));
  }

  @Test
  void aManifestOfAnotherRunOrAnotherNumberOfNodesIsRefusedNamingWhatDiffers() throws Exception {
    CompiledModel m = recycle();
    PropertySelection checked = new Explorer(m).selection();
    run(m, checked, 2, s -> s.maxDepth(3).checkpoint(dir, 0, IDENTITY));
    Map<String, String> newer = new LinkedHashMap<>(IDENTITY);
    newer.put("poolcheck", "poolcheck 9.9.9, cluster protocol 9");
    var e = assertThrows(java.io.IOException.class, () -> Manifest.read(dir, newer, 2));
    assertTrue(e.getMessage().contains("cannot resume: the checkpoint is of another run: "
        + "poolcheck: checkpoint " + Message.VERSION + ", this run poolcheck 9.9.9"),
        e.getMessage());
    e = assertThrows(java.io.IOException.class, () -> Manifest.read(dir, IDENTITY, 3));
    assertTrue(e.getMessage().contains("written by 2 nodes, this run has 3"), e.getMessage());
    e = assertThrows(java.io.IOException.class, () -> Manifest.read(dir.resolve("none"),
        IDENTITY, 2));
    assertTrue(e.getMessage().contains("no cluster checkpoint here"), e.getMessage());
  }

  @Test
  void aNodeFileThatCannotBeLoadedStopsTheResumeWithItsReason() throws Exception {
    CompiledModel m = recycle();
    PropertySelection checked = new Explorer(m).selection();
    run(m, checked, 2, s -> s.maxDepth(5).checkpoint(dir, 0, IDENTITY));
    Manifest saved = Manifest.read(dir, IDENTITY, 2);
    Path node1 = NodeCheckpoint.file(dir, 1, 2, 5);
    byte[] bytes = Files.readAllBytes(node1);
    Files.write(node1, java.util.Arrays.copyOf(bytes, bytes.length - 9));
    var e = assertThrows(PartitionedSearch.ResumeRefused.class,
        () -> run(m, checked, 2, s -> s.resume(dir, saved)));
    assertEquals(node1 + ": cannot resume: the checkpoint is truncated (in its end section)",
        e.getMessage());
    Files.delete(node1);
    e = assertThrows(PartitionedSearch.ResumeRefused.class,
        () -> run(m, checked, 2, s -> s.resume(dir, saved)));
    assertEquals("node 1 cannot resume: no checkpoint file " + node1, e.getMessage());
  }
}
