package poolcheck.explore.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceLogTest {
  @TempDir
  Path dir;

  @Test
  void keepsParentAndOrdinalAcrossChunks() {
    keepsParentAndOrdinal(TraceLog.inMemory());
  }

  @Test
  void keepsParentAndOrdinalOnDisk() throws IOException {
    keepsParentAndOrdinal(TraceLog.onDisk(dir));
    try (var left = Files.list(dir)) {
      assertEquals(0, left.count(), "the log file is removed on close");
    }
    assertEquals(List.of(), poolcheck.explore.OpenFiles.under(dir), "and closed");
  }

  @Test
  void storesWholeRunsAcrossAChunkBoundary() {
    TraceLog log = TraceLog.inMemory();
    long[] run = new long[3000];
    for (int i = 0; i < run.length; i++) run[i] = TraceLog.entry(i, i % 7);
    log.write(65_000, run, run.length);
    for (int i = 0; i < run.length; i++) {
      assertEquals(i, log.parent(65_000 + i));
      assertEquals(i % 7, log.ordinal(65_000 + i));
    }
  }

  private static void keepsParentAndOrdinal(TraceLog log) {
    log.put(0, -1, 3);
    log.put(1, 0, 0);
    log.put(200_000, 1, (1 << 24) - 1);
    log.put(5_000_000_000L, 200_000, 17);
    assertEquals(-1, log.parent(0));
    assertEquals(3, log.ordinal(0));
    assertEquals(0, log.parent(1));
    assertEquals(1, log.parent(200_000));
    assertEquals((1 << 24) - 1, log.ordinal(200_000));
    assertEquals(200_000, log.parent(5_000_000_000L));
    assertEquals(17, log.ordinal(5_000_000_000L));
    log.close();
  }

  @Test
  void refusesAnOrdinalThatDoesNotFit() {
    assertThrows(IllegalStateException.class, () -> TraceLog.entry(0, 1 << 24));
  }
}
