package poolcheck.explore.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrontierTest {
  @TempDir
  Path dir;

  @Test
  void spilledBlocksComeBackIntactAndTheFileGoesAway() throws IOException {
    long[][] written = new long[5][];
    try (Frontier f = new Frontier(3, dir, 100)) {
      for (int b = 0; b < 5; b++) {
        long[] block = new long[12];
        for (int i = 0; i < block.length; i++) block[i] = b * 1000L + i;
        written[b] = block.clone();
        f.publish(block, 3);
      }
      assertEquals(15, f.states());
      assertTrue(f.spilledBlocks() >= 3, "only the first block fits in 100 bytes");
      for (int b = 0; b < 5; b++) {
        long[] back = f.take(b);
        for (int i = 0; i < 9; i++) assertEquals(written[b][i], back[i]);
      }
    }
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(0, left.count());
    }
    assertEquals(List.of(), poolcheck.explore.OpenFiles.under(dir), "closed with the frontier");
  }

  @Test
  void keepsBlocksInMemoryWithoutASpillDirectory() {
    try (Frontier f = new Frontier(2, null, 0)) {
      f.publish(new long[] {1, 2, 3, 4}, 2);
      f.publish(new long[] {5, 6}, 0);
      assertEquals(1, f.blockCount());
      assertArrayEquals(new long[] {1, 2, 3, 4}, f.take(0));
      assertEquals(0, f.spilledBlocks());
    }
  }
}
