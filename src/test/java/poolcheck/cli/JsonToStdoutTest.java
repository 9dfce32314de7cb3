package poolcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code --json -} is for scripts: stdout holds the JSON and nothing else, the report a person
 * reads goes to stderr, and no file named "-" appears.
 */
class JsonToStdoutTest {
  private static final String MODEL = BadInputs.corpus("violated/lost_update.pool");

  @Test
  void checkWritesOnlyTheJsonToStdoutAndTheReportToStderr() throws Exception {
    MainTest.Run r = MainTest.run("check", "--workers", "1", "--json", "-", MODEL);
    assertEquals(ExitCode.VIOLATED, r.status(), r.err());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertEquals("violated", json.get("verdict").asText(), r.out());
    assertTrue(r.err().contains("poolcheck: model ") && r.err().contains("violated: "), r.err());
    assertFalse(Files.exists(Path.of("-")), "a file named '-' was written");
  }

  @Test
  void simulateWritesOnlyTheJsonToStdoutAndTheReportToStderr() throws Exception {
    MainTest.Run r = MainTest.run("simulate", "--seed", "1", "--runs", "20", "--json", "-",
        MODEL);
    assertEquals(ExitCode.VIOLATED, r.status(), r.err());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertEquals("violated", json.get("verdict").asText(), r.out());
    assertTrue(r.err().contains("seed 1"), r.err());
    assertFalse(Files.exists(Path.of("-")), "a file named '-' was written");
  }

  @Test
  void aVerifiedCheckPrintsItsJsonAloneToo() throws Exception {
    MainTest.Run r = MainTest.run("check", "-q", "--json", "-",
        BadInputs.corpus("verified/counter.pool"));
    assertEquals(ExitCode.VERIFIED, r.status(), r.err());
    assertEquals("verified", new ObjectMapper().readTree(r.out()).get("verdict").asText());
  }
}
