package poolcheck.explore.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poolcheck.explore.FullDisk;
import poolcheck.explore.OpenFiles;
import poolcheck.explore.store.Disk;

/**
 * Edges on disk read back what was added, across chunk boundaries and at every partial last
 * chunk, as the heap's do; the file never shows in its directory; a full disk is an I/O error
 * at the write that does not fit, not a crash at a later read.
 */
class EdgesTest {
  @TempDir
  Path dir;

  @Test
  void edgesOnDiskReadBackWhatTheHeapsDoAtEveryChunkBoundary() throws Exception {
    int chunk = 1 << 4;
    int[] sizes = {0, 1, chunk - 1, chunk, chunk + 1, 2 * chunk, 3 * chunk + 5, 1000};
    Random rnd = new Random(7);
    for (int size : sizes) {
      Edges heap = Edges.onHeap();
      Edges disk = Edges.onDisk(dir, Disk.REAL, 4);
      for (int e = 0; e < size; e++) {
        int target = rnd.nextInt();
        int instance = rnd.nextInt(64);
        heap.add(target, instance);
        disk.add(target, instance);
        // read while building, as the build's numbering never does but a caller may
        assertEquals(target, disk.target(e), size + " edges: target " + e + " before finish");
      }
      disk.finish();
      assertEquals(size, disk.size());
      for (int e = 0; e < size; e++) {
        assertEquals(heap.target(e), disk.target(e), size + " edges: target " + e);
        assertEquals(heap.instance(e), disk.instance(e), size + " edges: instance " + e);
      }
      try (var left = Files.list(dir)) {
        assertEquals(0, left.count(), "the file is unlinked when it is opened");
      }
    }
  }

  @Test
  void aFullDiskIsAnIoErrorAtTheWriteThatDoesNotFit() throws Exception {
    // chunks of 16 edges are 80 bytes: the third chunk's write does not fit in 200 bytes
    Edges edges = Edges.onDisk(dir, new FullDisk(200), 4);
    for (int e = 0; e < 32; e++) edges.add(e, 1);
    UncheckedIOException thrown = assertThrows(UncheckedIOException.class, () -> {
      for (int e = 32; e < 48; e++) edges.add(e, 1);
      edges.finish();
    });
    assertTrue(thrown.getMessage().startsWith("cannot write the liveness graph to " + dir),
        thrown.getMessage());
    assertEquals("No space left on device", thrown.getCause().getMessage());
    for (int e = 0; e < 32; e++) assertEquals(e, edges.target(e), "written before the disk filled");
    try (var left = Files.list(dir)) {
      assertEquals(0, left.count());
    }
    assertEquals(List.of(), OpenFiles.under(dir), "the write that failed closed the file");
  }
}
