package poolcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poolcheck.cluster.InProcessTransport;
import poolcheck.cluster.Manifest;
import poolcheck.cluster.PartitionedSearch;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Models;
import poolcheck.explore.Explorer;

/**
 * {@code poolcheck checkpoint rehash DIR --nodes N}: one line saying what it wrote, exit 0; a
 * damaged, missing or mismatched checkpoint one line naming the file, exit 2, no stack trace.
 */
class CheckpointRehashCommandTest {
  @TempDir
  Path dir;

  /** A checkpoint of recycle PAGES=5 RING=4 written by 3 partitions at level 5. */
  private Path threeNodes() throws Exception {
    CompiledModel m = Models.load(Path.of("models/bench/recycle.pool"),
        Map.of("PAGES", "5", "RING", "4"));
    var checked = new Explorer(m).selection();
    Path ck = dir.resolve("three");
    try (InProcessTransport t = new InProcessTransport(m, checked, 3)) {
      new PartitionedSearch(m, checked, t).silenceMillis(60_000).maxDepth(5)
          .checkpoint(ck, 0, Map.of("model", "recycle")).run();
    }
    return ck;
  }

  @Test
  void reHashesForTwoNodesIntoANewDirectoryAndSaysWhatItWrote() throws Exception {
    Path three = threeNodes();
    Path two = dir.resolve("two");
    MainTest.Run r = MainTest.run("checkpoint", "rehash", three.toString(), "--nodes", "2",
        "--out", two.toString());
    assertEquals(ExitCode.VERIFIED, r.status(), r.err());
    Manifest m = Manifest.read(two);
    assertEquals(2, m.nodes());
    assertTrue(r.out().startsWith("re-hashed level 5 (" + String.format("%,d", m.distinct())
        + " states) from 3 nodes to 2 in " + two + ": states per node ["), r.out());
    assertEquals(3, Manifest.read(three).nodes(), "the source is left as it was");
  }

  @Test
  void aDamagedMissingOrMismatchedCheckpointIsOneLineAndExitTwo() throws Exception {
    Path three = threeNodes();
    MainTest.Run same = MainTest.run("checkpoint", "rehash", three.toString(), "--nodes", "3");
    assertEquals(ExitCode.BAD_INPUT, same.status());
    assertEquals("poolcheck: " + three.resolve("manifest.txt") + ": cannot resume: the "
        + "checkpoint is of 3 nodes already", same.err().strip());
    Path node0 = three.resolve("node-0-of-3.level-5.ckpt");
    byte[] bytes = Files.readAllBytes(node0);
    bytes[40] ^= 1;
    Files.write(node0, bytes);
    MainTest.Run damaged = MainTest.run("checkpoint", "rehash", three.toString(), "--nodes",
        "2");
    assertEquals(ExitCode.BAD_INPUT, damaged.status());
    assertTrue(damaged.err().startsWith("poolcheck: " + node0 + ": cannot resume: damaged: "),
        damaged.err());
    assertEquals(1, damaged.err().strip().lines().count(), damaged.err());
    assertEquals(3, Manifest.read(three).nodes(), "nothing was replaced");
    MainTest.Run none = MainTest.run("checkpoint", "rehash", dir.resolve("none").toString(),
        "--nodes", "2");
    assertEquals(ExitCode.BAD_INPUT, none.status());
    assertTrue(none.err().contains("no cluster checkpoint here"), none.err());
    MainTest.Run zero = MainTest.run("checkpoint", "rehash", three.toString(), "--nodes", "0");
    assertEquals(ExitCode.BAD_INPUT, zero.status());
    assertEquals("poolcheck: --nodes: 1 to 1024 nodes", zero.err().strip());
    MainTest.Run bare = MainTest.run("checkpoint");
    assertEquals(ExitCode.BAD_INPUT, bare.status());
    assertTrue(bare.err().contains("a subcommand is required: rehash"), bare.err());
    for (MainTest.Run r : new MainTest.Run[] {same, damaged, none, zero, bare}) {
      assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    }
  }

  @Test
  void aCheckResumedOnTwoFromADamagedCheckpointOfThreeIsOneLineAndExitTwo() throws Exception {
    CompiledModel m = Models.load(Path.of("models/bench/recycle.pool"),
        Map.of("PAGES", "5", "RING", "4"));
    var checked = new Explorer(m).selection();
    Path ck = dir.resolve("ck");
    var identity = poolcheck.api.ModelCheck.of(Path.of("models/bench/recycle.pool"))
        .constant("PAGES", 5).constant("RING", 4).clusterIdentity();
    try (InProcessTransport t = new InProcessTransport(m, checked, 3)) {
      new PartitionedSearch(m, checked, t).silenceMillis(60_000).maxDepth(5)
          .checkpoint(ck, 0, identity).run();
    }
    Path node1 = ck.resolve("node-1-of-3.level-5.ckpt");
    byte[] bytes = Files.readAllBytes(node1);
    bytes[bytes.length - 20] ^= 4;
    Files.write(node1, bytes);
    MainTest.Run r = MainTest.run("check", "models/bench/recycle.pool", "-DPAGES=5",
        "-DRING=4", "--cluster-local", "2", "--resume", ck.toString());
    assertEquals(ExitCode.BAD_INPUT, r.status(), r.out() + r.err());
    assertTrue(r.err().startsWith("poolcheck: " + node1 + ": cannot resume: damaged: "),
        r.err());
    assertTrue(r.err().strip().endsWith("an incomplete or damaged checkpoint is not re-hashed, "
        + "and nothing was resumed)"), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertFalse(r.out().contains("verified"), r.out());
    assertFalse(Files.exists(dir.resolve("ck.for-2-nodes")), "nothing left beside it");
  }
}
