package poolcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * check --dump-graph: as many nodes as the search's distinct states (one per orbit with
 * symmetry, every state without), an edge per successor the search generated (generated counts
 * the initial states too), and a refusal above the limit.
 */
class DumpGraphTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir
  Path dir;

  private static int run(StringWriter err, String... args) {
    return Main.run(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
  }

  private void agreesWithTheSearch(String model, String... flags) throws Exception {
    List<String> args = new ArrayList<>(List.of("check", "-q", model, "--no-deadlock",
        "--json", dir.resolve("r.json").toString(), "--dump-graph", "json",
        dir.resolve("g.json").toString()));
    args.addAll(List.of(flags));
    StringWriter err = new StringWriter();
    assertEquals(0, run(err, args.toArray(String[]::new)), err.toString());
    JsonNode stats = MAPPER.readTree(dir.resolve("r.json").toFile()).get("statistics");
    JsonNode graph = MAPPER.readTree(dir.resolve("g.json").toFile());
    assertEquals(stats.get("distinct").asLong(), graph.get("states").size(), model);
    assertEquals(stats.get("generated").asLong(), graph.get("edges").size()
        + graph.get("initial").asLong(), model);
  }

  @Test
  void oneNodePerOrbitWithSymmetryAndPerStateWithout() throws Exception {
    String holders = "src/test/resources/models/holders.pool";
    agreesWithTheSearch(holders);
    agreesWithTheSearch(holders, "--no-symmetry");
    JsonNode full = MAPPER.readTree(dir.resolve("g.json").toFile());
    assertFalse(full.get("reduced").asBoolean());
    assertEquals(10, full.get("states").size());
    assertEquals(36, full.get("edges").size());
  }

  @Test
  void nodesAndEdgesMatchTheSearchOnVerifiedCorpusModels() throws Exception {
    for (String name : List.of("peterson", "bounded_buffer", "page_cache", "counter")) {
      agreesWithTheSearch("src/test/resources/corpus/verified/" + name + ".pool");
    }
  }

  @Test
  void dotNamesEachEdgesInstanceAndLabel() throws Exception {
    StringWriter err = new StringWriter();
    Path dot = dir.resolve("g.dot");
    assertEquals(0, run(err, "check", "-q", "src/test/resources/models/holders.pool",
        "--no-deadlock", "--no-symmetry", "--dump-graph", "dot", dot.toString()),
        err.toString());
    String text = Files.readString(dot);
    assertTrue(text.startsWith("digraph states {\n"), text);
    assertEquals(36, text.lines().filter(l -> l.contains(" -> ")).count());
    assertTrue(text.contains("[label=\"cpu[1] give\"]"), text);
  }

  @Test
  void refusesAboveTheLimitWithExit3AndWritesNothing() {
    StringWriter err = new StringWriter();
    Path g = dir.resolve("g.json");
    assertEquals(3, run(err, "check", "-q", "src/test/resources/models/holders.pool",
        "--no-symmetry", "--dump-graph", "json", g.toString(), "--dump-graph-limit", "9"));
    assertEquals("poolcheck: --dump-graph: the reachable state graph has more than 9 states; "
        + "--dump-graph-limit N raises the limit\n", err.toString());
    assertFalse(Files.exists(g));
    StringWriter ok = new StringWriter();
    assertEquals(0, run(ok, "check", "-q", "src/test/resources/models/holders.pool",
        "--no-symmetry", "--no-deadlock", "--dump-graph", "json", g.toString(),
        "--dump-graph-limit", "10"), ok.toString());
  }
}
