package poolcheck.cli;

import static poolcheck.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poolcheck.cli.MainTest.Run;

/** What `poolcheck explore` refuses before it serves anything: exit 2, one clear line. */
class ExploreCommandTest {
  @TempDir
  Path dir;

  @Test
  void aModelThatFailsToLoadExits2WithItsPosition() throws Exception {
    Path bad = dir.resolve("bad.pool");
    Files.writeString(bad, "model bad;\nvar x : 0 .. 2 = ;\n");
    Run r = run("explore", bad.toString());
    assertEquals(2, r.status());
    assertTrue(r.err().startsWith(bad + ":2:"), r.err());
    assertTrue(r.err().contains("error PC"), r.err());
    assertFalse(r.err().contains("at poolcheck."), "no stack trace");
    assertFalse(r.out().contains("serving"), r.out());
  }

  @Test
  void aMalformedTraceAtStartExits2WithItsPosition() throws Exception {
    Path trace = dir.resolve("cx.json");
    Files.writeString(trace, "{\"trace\": ");
    Run r = run("explore", "src/test/resources/examples/lost_update.pool", "--trace",
        trace.toString());
    assertEquals(2, r.status());
    assertTrue(r.err().startsWith(trace + ":1:"), r.err());
    assertTrue(r.err().contains("error PC301"), r.err());
  }

  @Test
  void aPortOutOfRangeIsBadUsage() {
    Run r = run("explore", "src/test/resources/examples/lost_update.pool", "--port", "70000");
    assertEquals(2, r.status());
    assertEquals("poolcheck: --port 70000 is not a port (0 to 65535; 0: a free one)",
        r.err().strip());
  }
}
