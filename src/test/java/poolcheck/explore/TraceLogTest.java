package poolcheck.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TraceLogTest {
  @Test
  void keepsParentAndOrdinalAcrossChunks() {
    TraceLog log = new TraceLog();
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
  }

  @Test
  void refusesAnOrdinalThatDoesNotFit() {
    assertThrows(IllegalStateException.class, () -> new TraceLog().put(0, 0, 1 << 24));
  }
}
