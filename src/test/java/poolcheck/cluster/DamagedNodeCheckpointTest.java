package poolcheck.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poolcheck.compile.CompiledModel;
import poolcheck.explore.Explorer;
import poolcheck.explore.store.Checkpoint;

/**
 * A node checkpoint or manifest that was cut short or changed on disk is refused with the file
 * and what is wrong, for truncations and flipped bytes at every offset of the manifest and of a
 * node file's header and ends and some 300 offsets between: never loaded, never a stack trace.
 */
class DamagedNodeCheckpointTest {
  @TempDir
  Path dir;
  private Manifest saved;
  private int words;
  private Path node;
  private byte[] good;

  @BeforeEach
  void checkpoint() throws Exception {
    CompiledModel m = ClusterCheckpointTest.recycle();
    ClusterCheckpointTest.run(m, new Explorer(m).selection(), 2,
        s -> s.maxDepth(4).checkpoint(dir, 0, ClusterCheckpointTest.IDENTITY));
    saved = Manifest.read(dir, ClusterCheckpointTest.IDENTITY, 2);
    words = m.layout().words();
    node = NodeCheckpoint.file(dir, 1, 2, 4);
    good = Files.readAllBytes(node);
  }

  private String refusal(Path file, byte[] bytes, ThrowingRead read) throws Exception {
    Files.write(file, bytes);
    try {
      read.run();
    } catch (Checkpoint.Refused e) {
      assertTrue(e.getMessage().startsWith(file + ": cannot resume: "), e.getMessage());
      return e.getMessage().substring((file + ": cannot resume: ").length());
    }
    fail("read a damaged " + file.getFileName() + " of " + bytes.length + " bytes");
    return null;
  }

  private interface ThrowingRead {
    void run() throws IOException;
  }

  private String nodeRefusal(byte[] bytes) throws Exception {
    return refusal(node, bytes, () -> NodeCheckpoint.read(dir, saved.run(), 4, 1, words,
        saved.entries()));
  }

  @Test
  void theUndamagedFileLoadsWithTheManifestsCounts() throws Exception {
    NodeCheckpoint.Contents c = NodeCheckpoint.read(dir, saved.run(), 4, 1, words,
        saved.entries());
    assertEquals(saved.entries()[1], c.entries().count());
    assertEquals(saved.entries()[1], c.visited().size());
    assertEquals(saved.frontier()[1], c.frontier().count());
  }

  /**
   * Every offset of the magic, the header and the first section's start, then about 300 spread
   * over the rest and the last 64: every byte would take half a minute on a loaded machine.
   */
  private java.util.stream.IntStream offsets() {
    int step = Math.max(1, (good.length - 128) / 300);
    return java.util.stream.IntStream.range(0, good.length)
        .filter(i -> i < 128 || i >= good.length - 64 || i % step == 0);
  }

  @Test
  void truncationsAreRefused() throws Exception {
    assertTrue(good.length > 1000, "a file of " + good.length + " bytes");
    for (int n : offsets().toArray()) {
      String why = nodeRefusal(Arrays.copyOf(good, n));
      assertTrue(why.contains("truncated") || why.contains("damaged"), n + ": " + why);
    }
  }

  @Test
  void flippedBytesAreRefused() throws Exception {
    for (int at : offsets().toArray()) {
      byte[] bad = good.clone();
      bad[at] ^= (byte) (1 << (at % 8));
      nodeRefusal(bad);
    }
  }

  @Test
  void bytesAfterTheEndAndAnotherNodesFileAreRefused() throws Exception {
    byte[] longer = Arrays.copyOf(good, good.length + 3);
    assertEquals("damaged: bytes after the end section", nodeRefusal(longer));
    byte[] other = Files.readAllBytes(NodeCheckpoint.file(dir, 0, 2, 4));
    assertEquals("the node checkpoint is of node 0 of 2 at level 4, expected node 1 of 2 at "
        + "level 4", nodeRefusal(other));
    assertEquals("the node checkpoint is of another run", refusal(node, good,
        () -> NodeCheckpoint.read(dir, saved.run() + 1, 4, 1, words, saved.entries())));
    long[] fewer = saved.entries().clone();
    fewer[0] = 1;
    assertEquals("damaged: a trace entry whose parent no node holds", refusal(node, good,
        () -> NodeCheckpoint.read(dir, saved.run(), 4, 1, words, fewer)));
  }

  @Test
  void everyTruncationAndFlippedByteOfTheManifestIsRefused() throws Exception {
    Path file = dir.resolve(Manifest.FILE);
    byte[] text = Files.readAllBytes(file);
    ThrowingRead read = () -> Manifest.read(dir, ClusterCheckpointTest.IDENTITY, 2);
    for (int n = 0; n < text.length; n++) refusal(file, Arrays.copyOf(text, n), read);
    for (int at = 0; at < text.length; at++) {
      byte[] bad = text.clone();
      bad[at] ^= (byte) (1 << (at % 7));
      refusal(file, bad, read);
    }
  }

  @Test
  void aReHashOfADamagedNodeFileOrManifestIsRefusedAndWritesNoManifest() throws Exception {
    Path out = dir.resolve("out");
    ThrowingRead rehash = () -> CheckpointRehash.rehash(dir, 3, out);
    int[] at = offsets().filter(i -> i % 3 == 0).toArray();
    for (int n : at) {
      String why = refusal(node, Arrays.copyOf(good, n), rehash);
      assertTrue(why.contains("truncated") || why.contains("damaged"), n + ": " + why);
      byte[] bad = good.clone();
      bad[n] ^= (byte) (1 << (n % 8));
      refusal(node, bad, rehash);
    }
    Files.write(node, good);
    Path file = dir.resolve(Manifest.FILE);
    byte[] text = Files.readAllBytes(file);
    for (int n = 0; n < text.length; n += 7) {
      refusal(file, Arrays.copyOf(text, n), rehash);
      byte[] bad = text.clone();
      bad[n] ^= (byte) (1 << (n % 7));
      refusal(file, bad, rehash);
    }
    assertTrue(!Files.exists(out.resolve(Manifest.FILE)), "no manifest was written");
  }
}
