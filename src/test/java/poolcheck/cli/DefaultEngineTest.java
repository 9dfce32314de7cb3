package poolcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poolcheck.api.ModelCheck;
import poolcheck.api.Statistics;

/**
 * {@code poolcheck check} and {@code ModelCheck.exhaustive()} run the same engine with the same
 * defaults (every core, 64-bit fingerprints): a two-word state, where fingerprints can collide,
 * shows both in the figures.
 */
class DefaultEngineTest {
  @TempDir
  Path dir;

  private static final String WIDE = """
      model wide;
      type I = 0 .. 69;
      var bits : bool[I] = false;
      var k : 0 .. 3 = 0;
      process p { flip: when (k < 3) { k = k + 1; bits[k] = true; goto flip; } }
      final true;
      """;

  @Test
  void theCliAndTheApiSearchWithEveryCoreOverFingerprints() throws Exception {
    Path model = dir.resolve("wide.pool");
    Files.writeString(model, WIDE);
    Path json = dir.resolve("wide.json");
    MainTest.Run run = MainTest.run("check", "-q", "--json", json.toString(), model.toString());
    assertEquals(ExitCode.VERIFIED, run.status(), run.err());
    JsonNode cli = new ObjectMapper().readTree(json.toFile()).get("statistics");
    Statistics api = ModelCheck.ofText("wide.pool", WIDE).exhaustive().assertHolds()
        .statistics();
    int cores = Runtime.getRuntime().availableProcessors();
    assertEquals(cores, cli.get("workers").asInt(), cli.toString());
    assertEquals(cores, api.workers());
    assertEquals(4, cli.get("distinct").asLong());
    assertEquals(4, api.distinct());
    // exact states would report 0: a collision is possible only with fingerprints
    assertTrue(cli.get("collision_probability").asDouble() > 0, cli.toString());
    assertTrue(api.collisionProbability() > 0, api.toString());
  }
}
