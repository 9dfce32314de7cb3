package poolcheck.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Models;
import poolcheck.explore.Explorer;
import poolcheck.explore.RandomModels;
import poolcheck.explore.SequentialBfs;
import poolcheck.explore.store.Checkpoint;
import poolcheck.result.CheckResult;
import poolcheck.result.Verdict;
import poolcheck.system.PropertySelection;

/**
 * A checkpoint written by 3 partitions, re-hashed offline for 1, 2 and 4, resumes over the
 * in-process transport to what an uninterrupted run and the sequential search give: the same
 * verdict, counts and depth, and a counterexample found after the resumed level of the same
 * length, rebuilt across the new partitions, that replays on one machine.
 */
class CheckpointRehashTest {
  @TempDir
  Path dir;

  private static final Map<String, String> IDENTITY = ClusterCheckpointTest.IDENTITY;

  /** Checkpoints {@code m} on 3 partitions, stopped at {@code depth}; the manifest. */
  private Manifest cutOnThree(CompiledModel m, PropertySelection checked, int depth, Path to)
      throws Exception {
    CheckResult cut = ClusterCheckpointTest.run(m, checked, 3, s -> s.maxDepth(depth)
        .checkpoint(to, 0, IDENTITY));
    assertEquals(Verdict.INCOMPLETE, cut.verdict(), cut.reason());
    Manifest saved = Manifest.read(to, IDENTITY, 3);
    assertEquals(depth, saved.level());
    return saved;
  }

  /** The recycle benchmark checkpointed by 3 partitions at {@code depth}, in dir/three. */
  private Path recycleOnThree(int depth) throws Exception {
    CompiledModel m = ClusterCheckpointTest.recycle();
    Path three = dir.resolve("three");
    cutOnThree(m, new Explorer(m).selection(), depth, three);
    return three;
  }

  /**
   * Re-hashes {@code from} for {@code nodes} into a new directory, resumes there and holds the
   * result to {@code reference}; the resumed result.
   */
  private CheckResult resumedOn(CompiledModel m, PropertySelection checked, Path from,
      int nodes, CheckResult reference, String what) throws Exception {
    Path to = Files.createTempDirectory(dir, "on-" + nodes + "-");
    Manifest before = Manifest.read(from);
    Manifest moved = CheckpointRehash.rehash(from, nodes, to);
    assertEquals(nodes, moved.nodes());
    assertEquals(before.level(), moved.level());
    assertEquals(before.distinct(), moved.distinct());
    assertEquals(java.util.Arrays.stream(before.frontier()).sum(),
        java.util.Arrays.stream(moved.frontier()).sum());
    assertEquals(moved, Manifest.read(to, IDENTITY, nodes));
    CheckResult r = ClusterCheckpointTest.run(m, checked, nodes, s -> s.resume(to, moved));
    PartitionsAgreeTest.sameAnswer(m, reference, r, what + " resumed on " + nodes, dir);
    return r;
  }

  @Test
  void theRecycleBenchmarkCutOnThreeNodesEndsOnOneTwoAndFourWithTheSequentialCounts()
      throws Exception {
    CompiledModel m = ClusterCheckpointTest.recycle();
    PropertySelection checked = new Explorer(m).selection();
    CheckResult whole = SequentialBfs.run(m, checked);
    assertEquals(78_480, whole.statistics().distinct());
    Path three = dir.resolve("three");
    cutOnThree(m, checked, 6, three);
    for (int nodes : new int[] {1, 2, 4}) {
      CheckResult r = resumedOn(m, checked, three, nodes, whole, "recycle");
      assertEquals(233_686, r.statistics().generated());
    }
  }

  @Test
  void aViolationFoundAfterTheResumedLevelHasTheSequentialLengthAndReplaysUnderSymmetry()
      throws Exception {
    CompiledModel m = Models.load(Path.of("models/page_pool_v6_12.pool"), "small", Map.of());
    assertTrue(m.reducesSymmetry(), "the shipped design reduces symmetry");
    PropertySelection checked = new Explorer(m).properties(Set.of("no_dma_after_detach"))
        .selection();
    CheckResult whole = SequentialBfs.run(m, checked);
    assertEquals(Verdict.VIOLATED, whole.verdict());
    assertEquals(14, whole.counterexample().orElseThrow().length());
    Path three = dir.resolve("three");
    cutOnThree(m, checked, 8, three);
    for (int nodes : new int[] {1, 2, 4}) {
      resumedOn(m, checked, three, nodes, whole, "v6_12 no_dma_after_detach");
    }
  }

  @Test
  void aShippedDesignVerifiedWithEveryPropertyAfterAResumeOnOtherNodeCounts() throws Exception {
    CompiledModel m = Models.load(Path.of("models/page_pool_fix_all.pool"), "small", Map.of());
    PropertySelection checked = new Explorer(m).properties(Set.of()).selection();
    CheckResult whole = SequentialBfs.run(m, checked);
    assertEquals(Verdict.VERIFIED, whole.verdict());
    Path three = dir.resolve("three");
    cutOnThree(m, checked, Math.max(1, whole.statistics().depth() / 2), three);
    for (int nodes : new int[] {1, 2, 4}) {
      resumedOn(m, checked, three, nodes, whole, "fix_all");
    }
  }

  /** Every shipped design at small with all properties: some minutes, so in the slow tier. */
  @Test
  @org.junit.jupiter.api.Tag("slow")
  void everyShippedDesignCutHalfWayOnThreeNodesEndsOnOneTwoAndFourAsTheSequentialSearch()
      throws Exception {
    java.util.List<Path> designs;
    try (var files = Files.list(Path.of("models"))) {
      designs = files.filter(f -> f.toString().endsWith(".pool")).sorted().toList();
    }
    assertTrue(designs.size() >= 6, "the shipped designs");
    for (Path design : designs) {
      CompiledModel m = Models.load(design, "small", Map.of());
      PropertySelection checked = new Explorer(m).properties(Set.of()).selection();
      CheckResult whole = SequentialBfs.run(m, checked);
      Path three = Files.createTempDirectory(dir, m.name() + "-");
      cutOnThree(m, checked, Math.max(1, whole.statistics().depth() / 2), three);
      for (int nodes : new int[] {1, 2, 4}) {
        resumedOn(m, checked, three, nodes, whole, design.toString());
      }
    }
  }

  @Test
  void randomModelsCutHalfWayOnThreeNodesAgreeWithTheSequentialSearchOnOneTwoAndFour()
      throws Exception {
    int violated = 0;
    int verified = 0;
    for (long seed = 1; seed <= 40; seed++) {
      CompiledModel m = Models.fromText("random.pool", RandomModels.generate(seed));
      for (Explorer setup : new Explorer[] {new Explorer(m), new Explorer(m).deadlock(false)}) {
        PropertySelection checked = setup.selection();
        CheckResult whole = SequentialBfs.run(m, checked);
        int half = whole.statistics().depth() / 2;
        if (half < 1) continue; // nothing left to find after the cut
        Path three = Files.createTempDirectory(dir, "seed-" + seed + "-");
        cutOnThree(m, checked, half, three);
        for (int nodes : new int[] {1, 2, 4}) {
          resumedOn(m, checked, three, nodes, whole, "seed " + seed);
        }
        if (whole.verdict() == Verdict.VIOLATED) violated++;
        if (whole.verdict() == Verdict.VERIFIED) verified++;
      }
    }
    assertTrue(violated >= 5 && verified >= 5, violated + " violated, " + verified
        + " verified");
  }

  @Test
  void aReHashInPlaceReplacesTheOldNodeFilesOnceTheManifestIsWritten() throws Exception {
    CompiledModel m = ClusterCheckpointTest.recycle();
    PropertySelection checked = new Explorer(m).selection();
    Manifest three = cutOnThree(m, checked, 5, dir);
    Manifest two = CheckpointRehash.rehash(dir, 2, dir);
    try (var files = Files.list(dir)) {
      assertEquals(Set.of("manifest.txt", "node-0-of-2.level-5.ckpt",
          "node-1-of-2.level-5.ckpt"), files.map(f -> f.getFileName().toString())
          .collect(java.util.stream.Collectors.toSet()));
    }
    assertEquals(three.run(), two.run());
    // back to three: the same fingerprints per node as the partitioned search put there
    Manifest again = CheckpointRehash.rehash(dir, 3, dir);
    assertArrayEquals(three.entries(), again.entries());
    assertArrayEquals(three.frontier(), again.frontier());
    CheckResult r = ClusterCheckpointTest.run(m, checked, 3, s -> s.resume(dir, again));
    assertEquals(78_480, r.statistics().distinct());
    assertEquals(233_686, r.statistics().generated());
  }

  @Test
  void aDamagedOrMissingNodeFileIsRefusedByNameAndNothingIsWritten() throws Exception {
    Path three = recycleOnThree(5);
    Path node2 = NodeCheckpoint.file(three, 2, 3, 5);
    byte[] bytes = Files.readAllBytes(node2);
    Files.write(node2, java.util.Arrays.copyOf(bytes, bytes.length - 9));
    Path out = dir.resolve("out");
    var e = assertThrows(Checkpoint.Refused.class, () -> CheckpointRehash.rehash(three, 2, out));
    assertEquals(node2 + ": cannot resume: the checkpoint is truncated (in its end section)",
        e.getMessage());
    assertFalse(Files.exists(out.resolve(Manifest.FILE)));
    bytes[bytes.length / 2] ^= 0x10;
    Files.write(node2, bytes);
    e = assertThrows(Checkpoint.Refused.class, () -> CheckpointRehash.rehash(three, 2, out));
    assertTrue(e.getMessage().startsWith(node2 + ": cannot resume: damaged: "), e.getMessage());
    Files.delete(node2);
    e = assertThrows(Checkpoint.Refused.class, () -> CheckpointRehash.rehash(three, 2, out));
    assertEquals(three.resolve(Manifest.FILE) + ": cannot resume: no checkpoint file of node 2: "
        + node2, e.getMessage());
    assertFalse(Files.exists(out.resolve(Manifest.FILE)));
  }

  @Test
  void aReHashCutShortLeavesNoManifestSoItIsNeverTakenForACheckpoint() throws Exception {
    Path three = recycleOnThree(5);
    CompiledModel m = ClusterCheckpointTest.recycle();
    Path out = dir.resolve("out");
    // node 1's file cannot be written (a directory is in its way): node 0's is already on disk
    Files.createDirectories(NodeCheckpoint.file(out, 1, 2, 5).resolve("in-the-way"));
    assertThrows(IOException.class, () -> CheckpointRehash.rehash(three, 2, out));
    assertTrue(Files.exists(NodeCheckpoint.file(out, 0, 2, 5)));
    var e = assertThrows(IOException.class, () -> Manifest.read(out));
    assertTrue(e.getMessage().contains("no cluster checkpoint here"), e.getMessage());
    // in place, the old manifest still names the old, whole files
    Files.createDirectories(NodeCheckpoint.file(three, 1, 2, 5).resolve("in-the-way"));
    assertThrows(IOException.class, () -> CheckpointRehash.rehash(three, 2, three));
    Manifest still = Manifest.read(three, IDENTITY, 3);
    CheckResult r = ClusterCheckpointTest.run(m, new Explorer(m).selection(), 3,
        s -> s.resume(three, still));
    assertEquals(78_480, r.statistics().distinct());
  }

  @Test
  void aReHashToTheSameCountIntoAnotherCheckpointOrForNoNodesIsRefused() throws Exception {
    Path three = recycleOnThree(3);
    Path manifest = three.resolve(Manifest.FILE);
    var e = assertThrows(Checkpoint.Refused.class, () -> CheckpointRehash.rehash(three, 3,
        dir.resolve("a")));
    assertEquals(manifest + ": cannot resume: the checkpoint is of 3 nodes already",
        e.getMessage());
    e = assertThrows(Checkpoint.Refused.class, () -> CheckpointRehash.rehash(three, 0,
        dir.resolve("a")));
    assertEquals(manifest + ": cannot resume: cannot re-hash for 0 nodes: 1 to 1024",
        e.getMessage());
    Path other = dir.resolve("other");
    CheckpointRehash.rehash(three, 2, other);
    e = assertThrows(Checkpoint.Refused.class, () -> CheckpointRehash.rehash(three, 4, other));
    assertTrue(e.getMessage().contains("cannot re-hash into " + other + ": it holds another "
        + "checkpoint's manifest"), e.getMessage());
    e = assertThrows(Checkpoint.Refused.class, () -> Manifest.read(other, IDENTITY, 4));
    assertTrue(e.getMessage().endsWith("written by 2 nodes, this run has 4; resume on 2 nodes, "
        + "or re-hash the checkpoint for 4 first (poolcheck checkpoint rehash " + other
        + " --nodes 4)"), e.getMessage());
  }
}
