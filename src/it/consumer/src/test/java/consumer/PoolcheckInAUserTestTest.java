package consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poolcheck.api.Counterexample;
import poolcheck.api.ModelCheck;
import poolcheck.api.ModelCheckResult;
import poolcheck.api.ReplayResult;
import poolcheck.api.TraceFormat;
import poolcheck.api.TraceReplay;

/**
 * What a user's test suite does with the published jar, which is all it has: check a shipped
 * design, replay the counterexample it finds, and not see poolcheck's own libraries.
 */
class PoolcheckInAUserTestTest {
  private static final Path ROOT = Path.of(System.getProperty("poolcheck.root"));
  private static final Path V6_12 = ROOT.resolve("models/page_pool_v6_12.pool");
  private static final Path LEDGER = ROOT.resolve("proofs/page_pool_v6_12");

  @Test
  void theSmallConfigurationOfSixTwelveHasTheLedgersExactStateCount() throws Exception {
    ModelCheckResult r = ModelCheck.of(V6_12).config("small").properties("inflight_nonnegative")
        .exhaustive().assertHolds();
    long expected = number(LEDGER.resolve("small.record.json"),
        "\"reachable\" : \\{\\s*\"verdict\" : \"holds\",\\s*\"distinct\" : (\\d+)");
    assertEquals(expected, r.statistics().distinct());
    assertTrue(expected > 1000, "the ledger's figure, not an empty run: " + expected);
    assertEquals(2, r.constants().get("PAGES"));
  }

  @Test
  void theDmaAfterDetachRaceIsFoundAndItsTraceReplays(@TempDir Path dir) throws Exception {
    ModelCheckResult r = ModelCheck.of(V6_12).config("small").properties("no_dma_after_detach")
        .exhaustive().assertViolates("no_dma_after_detach");
    Counterexample cx = r.counterexample().orElseThrow();
    assertEquals(number(LEDGER.resolve("small.no_dma_after_detach.json"),
        "\"length\" : (\\d+)"), cx.length());
    assertTrue(cx.steps().get(0).isInitial());
    Path trace = dir.resolve("cx.json");
    Files.writeString(trace, r.renderTrace(TraceFormat.JSON));
    ReplayResult replayed = TraceReplay.of(V6_12).config("small").replay(trace);
    assertTrue(replayed.ok(), replayed.message());
    assertEquals(cx.length(), replayed.steps());
    // on another configuration the same trace no longer fits: the replay really checks
    ReplayResult elsewhere = TraceReplay.of(V6_12).config("large").replay(trace);
    assertTrue(!elsewhere.ok(), elsewhere.message());
  }

  @Test
  void poolchecksLibrariesAreNotOnTheUsersClassPathUnderTheirOwnNames() {
    for (String name : new String[] {"com.google.common.collect.ImmutableList",
        "com.google.common.hash.Hashing", "picocli.CommandLine",
        "com.fasterxml.jackson.databind.ObjectMapper", "com.fasterxml.jackson.core.JsonFactory"}) {
      assertThrows(ClassNotFoundException.class, () -> Class.forName(name), name);
    }
  }

  private static long number(Path file, String regex) throws Exception {
    Matcher m = Pattern.compile(regex).matcher(Files.readString(file));
    assertTrue(m.find(), regex + " in " + file);
    return Long.parseLong(m.group(1));
  }
}
