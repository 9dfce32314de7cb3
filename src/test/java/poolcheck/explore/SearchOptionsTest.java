package poolcheck.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

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
  void refusesNoWorkersAndLimitsBelowOneInTheRangesUsersAreHeldTo() {
    SearchOptions o = SearchOptions.defaults();
    assertEquals("workers 0: expected 1 to " + String.format(Locale.ROOT, "%,d",
        OptionRange.maxWorkers()), message(() -> o.withWorkers(0)));
    assertEquals("workers " + (OptionRange.maxWorkers() + 1) + ": expected 1 to "
        + String.format(Locale.ROOT, "%,d", OptionRange.maxWorkers()),
        message(() -> o.withWorkers(OptionRange.maxWorkers() + 1)));
    assertEquals("maxStates 0: expected 1 to 9,223,372,036,854,775,807",
        message(() -> o.withMaxStates(0)));
    assertEquals("maxDepth 0: expected 1 to 2,147,483,647", message(() -> o.withMaxDepth(0)));
    assertEquals("timeLimit 0 ms: expected 1 to 1,000,000,000,000 ms",
        message(() -> o.withTimeLimitMillis(0)));
    assertEquals("progressInterval -1 ms: expected 0 to 1,000,000,000,000 ms",
        message(() -> o.withProgressMillis(-1)));
    assertEquals(0, o.withProgressMillis(0).progressMillis(), "at every chance: tests");
    assertEquals("frontierMemory -1 bytes: expected 0 to 9,223,372,036,854,775,807 bytes",
        message(() -> o.withSpill(Path.of("."), -1)));
    assertEquals("checkpointInterval -1 ms: expected 0 to 1,000,000,000,000 ms",
        message(() -> o.withCheckpoint(Path.of("d"), -1)));
    // Long.MAX_VALUE is "no limit" where a limit may be absent, and a time the engine takes
    // finer than a user can give it (the ledger's budget runs out to the millisecond).
    assertEquals(Long.MAX_VALUE, o.withTimeLimitMillis(Long.MAX_VALUE).timeLimitMillis());
    assertEquals(1, o.withTimeLimitMillis(1).timeLimitMillis());
  }

  @Test
  void aUsersValueIsCheckedInItsOwnUnitBeforeItIsConverted() {
    assertEquals(5_000, OptionRange.TIME_LIMIT.millis(5));
    assertEquals("timeLimit 0: expected 1 to 1,000,000,000",
        message(() -> OptionRange.TIME_LIMIT.millis(0)));
    // would overflow as milliseconds
    assertEquals("timeLimit 9223372036854775807: expected 1 to 1,000,000,000",
        message(() -> OptionRange.TIME_LIMIT.millis(Long.MAX_VALUE)));
    assertEquals(1, OptionRange.PROGRESS_INTERVAL.millis(0.001));
    assertEquals("progressInterval 5.0E-4: expected a number of seconds from 0.001 to "
        + "1,000,000,000", message(() -> OptionRange.PROGRESS_INTERVAL.millis(0.0005)));
    assertEquals("checkpointInterval NaN: expected a number of seconds from 0.0 to "
        + "1,000,000,000", message(() -> OptionRange.CHECKPOINT_INTERVAL.millis(Double.NaN)));
    assertEquals(3L << 20, OptionRange.FRONTIER_MEMORY.bytes(3));
    assertEquals("frontierMemory 8796093022208: expected 0 to 8,796,093,022,207",
        message(() -> OptionRange.FRONTIER_MEMORY.bytes((Long.MAX_VALUE >> 20) + 1)));
  }

  private static String message(Executable refused) {
    return assertThrows(InvalidSearchOption.class, refused).getMessage();
  }

  @Test
  void refusesCheckpointsOverExactStatesWhicheverIsSetFirst() {
    SearchOptions exact = SearchOptions.reproducible();
    assertThrows(InvalidSearchOption.class, () -> exact.withCheckpoint(Path.of("d"), 0));
    assertEquals("checkpoint and resume need fingerprint mode, not exact",
        message(() -> exact.withResume(Path.of("d"))));
    SearchOptions checkpointing = SearchOptions.defaults().withCheckpoint(Path.of("d"), 0);
    assertThrows(InvalidSearchOption.class,
        () -> checkpointing.withStore(SearchOptions.Store.EXACT));
  }
}
