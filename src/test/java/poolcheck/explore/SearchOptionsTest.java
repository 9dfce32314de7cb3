package poolcheck.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SearchOptionsTest {
  @Test
  void defaultsToEveryCoreOverFingerprintsWithoutLimits() {
    SearchOptions o = SearchOptions.defaults();
    assertEquals(Runtime.getRuntime().availableProcessors(), o.workers());
    assertEquals(SearchOptions.Store.FINGERPRINTS, o.store());
    assertEquals(Long.MAX_VALUE, o.maxStates());
    assertEquals(null, o.properties());
    assertEquals(true, o.deadlock());
  }

  @Test
  void reproducibleIsOneWorkerOverExactStates() {
    assertEquals(SearchOptions.defaults().withWorkers(1).withStore(SearchOptions.Store.EXACT),
        SearchOptions.reproducible());
  }

  @Test
  void refusesNoWorkersAndLimitsBelowOne() {
    SearchOptions o = SearchOptions.defaults();
    assertEquals("workers must be at least 1, not 0",
        assertThrows(IllegalArgumentException.class, () -> o.withWorkers(0)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> o.withMaxStates(0));
    assertThrows(IllegalArgumentException.class, () -> o.withMaxDepth(0));
    assertThrows(IllegalArgumentException.class, () -> o.withTimeLimitMillis(0));
    assertThrows(IllegalArgumentException.class, () -> o.withProgressMillis(-1));
    assertThrows(IllegalArgumentException.class, () -> o.withSpill(Path.of("."), -1));
  }

  @Test
  void refusesCheckpointsOverExactStatesWhicheverIsSetFirst() {
    SearchOptions exact = SearchOptions.reproducible();
    assertThrows(IllegalArgumentException.class, () -> exact.withCheckpoint(Path.of("d"), 0));
    assertThrows(IllegalArgumentException.class, () -> exact.withResume(Path.of("d")));
    SearchOptions checkpointing = SearchOptions.defaults().withCheckpoint(Path.of("d"), 0);
    assertThrows(IllegalArgumentException.class,
        () -> checkpointing.withStore(SearchOptions.Store.EXACT));
  }
}
