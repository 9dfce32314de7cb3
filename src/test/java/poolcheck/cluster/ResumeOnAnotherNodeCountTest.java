package poolcheck.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poolcheck.api.ClusterCheckpoint;
import poolcheck.compile.CompiledModel;
import poolcheck.explore.Explorer;
import poolcheck.explore.SequentialBfs;
import poolcheck.explore.store.Checkpoint;
import poolcheck.result.CheckResult;
import poolcheck.result.Verdict;
import poolcheck.system.PropertySelection;

/**
 * A resume on another number of nodes than wrote the checkpoint re-hashes it by itself, into a
 * new directory beside it, says so, and goes on to the sequential search's counts, leaving the
 * checkpoint it was given byte for byte as it was; an incomplete or damaged checkpoint, or one
 * of another run, is refused naming the file and why, and leaves no new directory behind.
 */
class ResumeOnAnotherNodeCountTest {
  private static final Map<String, String> IDENTITY = ClusterCheckpointTest.IDENTITY;

  @TempDir
  Path dir;
  private CompiledModel m;
  private PropertySelection checked;
  private Path three;

  /** Recycle PAGES=5 RING=4 checkpointed by 3 partitions at level 6, in dir/ckpt. */
  @BeforeEach
  void cutOnThree() throws Exception {
    m = ClusterCheckpointTest.recycle();
    checked = new Explorer(m).selection();
    three = dir.resolve("ckpt");
    CheckResult cut = ClusterCheckpointTest.run(m, checked, 3, s -> s.maxDepth(6)
        .checkpoint(three, 0, IDENTITY));
    assertEquals(Verdict.INCOMPLETE, cut.verdict(), cut.reason());
  }

  /** Every file of {@code d} by name, with its bytes as text (they are compared, not read). */
  private static Map<String, String> files(Path d) throws IOException {
    Map<String, String> all = new TreeMap<>();
    try (var list = Files.list(d)) {
      for (Path f : list.toList()) {
        all.put(f.getFileName().toString(), java.util.HexFormat.of().formatHex(
            Files.readAllBytes(f)));
      }
    }
    return all;
  }

  private List<String> siblings() throws IOException {
    try (var list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aResumeOnTwoReHashesBesideTheCheckpointSaysSoAndEndsWithTheSequentialCounts()
      throws Exception {
    Map<String, String> before = files(three);
    List<String> notices = new ArrayList<>();
    ClusterCheckpoint.Resumable r = ClusterCheckpoint.forResume(three, IDENTITY, 2,
        null, notices::add);
    Path beside = dir.resolve("ckpt.for-2-nodes");
    assertEquals(beside, r.dir());
    assertEquals(beside, r.checkpoints());
    assertEquals(2, r.nodes());
    assertEquals(6, r.level());
    Manifest moved = Manifest.read(beside, IDENTITY, 2);
    assertEquals(r.distinct(), moved.distinct());
    assertEquals(List.of("resume: the checkpoint in " + three + " is of 3 nodes and this run "
        + "has 2: re-hashed level 6 (" + String.format("%,d", r.distinct())
        + " states) into " + beside + ", which the run resumes from and checkpoints into; "
        + three + " is left as it was"), notices);
    assertEquals(before, files(three), "the checkpoint given is untouched");
    CheckResult whole = SequentialBfs.run(m, checked);
    CheckResult resumed = ClusterCheckpointTest.run(m, checked, 2, s -> s.resume(r.dir(),
        moved).checkpoint(r.checkpoints(), 0, IDENTITY));
    assertEquals(Verdict.VERIFIED, resumed.verdict(), resumed.reason());
    assertEquals(78_480, resumed.statistics().distinct());
    assertEquals(233_686, resumed.statistics().generated());
    assertEquals(whole.statistics().depth(), resumed.statistics().depth());
    assertEquals(before, files(three), "the resumed run checkpoints beside it, not in it");
    assertTrue(Manifest.read(beside).level() > 6, "the resumed run checkpointed its copy");
    // a second resume of the same checkpoint on two takes a new name, the first copy kept
    ClusterCheckpoint.Resumable again = ClusterCheckpoint.forResume(three, IDENTITY, 2,
        null, notices::add);
    assertEquals(dir.resolve("ckpt.for-2-nodes.2"), again.dir());
    assertEquals(6, again.level());
    assertEquals(List.of("ckpt", "ckpt.for-2-nodes", "ckpt.for-2-nodes.2"), siblings());
  }

  @Test
  void aResumeOnAsManyNodesUsesTheCheckpointAsItIsAndSaysNothing() throws Exception {
    List<String> notices = new ArrayList<>();
    ClusterCheckpoint.Resumable r = ClusterCheckpoint.forResume(three, IDENTITY, 3,
        null, notices::add);
    assertEquals(three, r.dir());
    assertEquals(three, r.checkpoints(), "it goes on checkpointing where it came from");
    assertEquals(3, r.nodes());
    assertEquals(Manifest.read(three).distinct(), r.distinct());
    assertEquals(List.of(), notices);
    assertEquals(List.of("ckpt"), siblings());
    Path elsewhere = dir.resolve("later");
    assertEquals(elsewhere, ClusterCheckpoint.forResume(three, IDENTITY, 3, elsewhere,
        notices::add).checkpoints());
  }

  /**
   * {@code --checkpoint DIR --resume DIR}, the first run's command line with a resume added:
   * the re-hashed run checkpoints into its copy, not over the checkpoint it was given; another
   * directory it was told is where it checkpoints, and the notice says so.
   */
  @Test
  void aReHashedRunNeverCheckpointsIntoTheCheckpointItWasGiven() throws Exception {
    List<String> notices = new ArrayList<>();
    ClusterCheckpoint.Resumable same = ClusterCheckpoint.forResume(three, IDENTITY, 2,
        dir.resolve("x/../ckpt"), notices::add);
    assertEquals(dir.resolve("ckpt.for-2-nodes"), same.checkpoints());
    assertTrue(notices.get(0).endsWith(", which the run resumes from and checkpoints into; "
        + three + " is left as it was"), notices.get(0));
    Path later = dir.resolve("later");
    ClusterCheckpoint.Resumable other = ClusterCheckpoint.forResume(three, IDENTITY, 4, later,
        notices::add);
    assertEquals(dir.resolve("ckpt.for-4-nodes"), other.dir());
    assertEquals(later, other.checkpoints());
    assertTrue(notices.get(1).endsWith(" into " + other.dir() + ", which the run resumes from "
        + "and checkpoints into " + later + "; " + three + " is left as it was"),
        notices.get(1));
  }

  /** The refusal of a resume of {@code three} on two nodes; nothing left beside it. */
  private String refusedOnTwo() throws Exception {
    Map<String, String> before = files(three);
    List<String> notices = new ArrayList<>();
    IOException e = assertThrows(Checkpoint.Refused.class,
        () -> ClusterCheckpoint.forResume(three, IDENTITY, 2, null, notices::add));
    assertEquals(List.of(), notices, "nothing is said to be re-hashed");
    assertEquals(List.of("ckpt"), siblings(), "no directory left beside the checkpoint");
    assertEquals(before, files(three), "the checkpoint given is untouched");
    return e.getMessage();
  }

  @Test
  void aDamagedNodeFileIsRefusedByNameAndNothingIsLeftBeside() throws Exception {
    Path node2 = three.resolve("node-2-of-3.level-6.ckpt");
    byte[] bytes = Files.readAllBytes(node2);
    bytes[bytes.length / 2] ^= 0x10;
    Files.write(node2, bytes);
    String why = refusedOnTwo();
    assertTrue(why.startsWith(node2 + ": cannot resume: damaged: "), why);
    assertTrue(why.endsWith(" (the checkpoint is of 3 nodes and this run has 2; an incomplete "
        + "or damaged checkpoint is not re-hashed, and nothing was resumed)"), why);
  }

  @Test
  void aTruncatedNodeFileIsRefusedByName() throws Exception {
    Path node0 = three.resolve("node-0-of-3.level-6.ckpt");
    byte[] bytes = Files.readAllBytes(node0);
    Files.write(node0, java.util.Arrays.copyOf(bytes, bytes.length - 5));
    String why = refusedOnTwo();
    assertTrue(why.startsWith(node0 + ": cannot resume: the checkpoint is truncated"), why);
  }

  @Test
  void aMissingNodeFileIsAnIncompleteCheckpointAndRefused() throws Exception {
    Files.delete(three.resolve("node-1-of-3.level-6.ckpt"));
    String why = refusedOnTwo();
    assertTrue(why.startsWith(three.resolve(Manifest.FILE) + ": cannot resume: no checkpoint "
        + "file of node 1: "), why);
  }

  @Test
  void aMissingOrDamagedManifestIsRefused() throws Exception {
    Path manifest = three.resolve(Manifest.FILE);
    String text = Files.readString(manifest);
    Files.writeString(manifest, text.replace("level 6", "level 5"));
    assertTrue(refusedOnTwo().startsWith(manifest + ": cannot resume: damaged: the checksum "
        + "does not match"));
    Files.delete(manifest);
    assertTrue(refusedOnTwo().startsWith(manifest + ": cannot resume: no cluster checkpoint "
        + "here"));
  }

  @Test
  void anotherRunsCheckpointIsRefusedBeforeAnyNodeFileIsRead() throws Exception {
    // without node files: the identity is what the refusal names
    for (int p = 0; p < 3; p++) Files.delete(three.resolve("node-" + p + "-of-3.level-6.ckpt"));
    Map<String, String> other = new java.util.LinkedHashMap<>(IDENTITY);
    other.put("model", "recycle PAGES=6 RING=4");
    IOException e = assertThrows(Checkpoint.Refused.class,
        () -> ClusterCheckpoint.forResume(three, other, 2, null, line -> { }));
    assertTrue(e.getMessage().contains("the checkpoint is of another run: model: checkpoint "
        + "recycle PAGES=5 RING=4, this run recycle PAGES=6 RING=4"), e.getMessage());
    assertFalse(Files.exists(dir.resolve("ckpt.for-2-nodes")));
  }
}
