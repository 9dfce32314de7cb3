package poolcheck.cli;

import static poolcheck.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poolcheck.cli.MainTest.Run;

/**
 * `show` end to end: a saved trace on the terminal and in files, and a generated family of
 * broken trace files (cut at every k-th byte, each field dropped, each value of the wrong type),
 * each of which is either still a trace or one coded line naming the file, exit 2.
 */
class ShowCommandTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void showsALassoAsTextAndWritesEveryFormatEqualToTheSearchsOwn() throws Exception {
    Path json = GOLDEN.resolve("starving_mutex-w0_enters.json");
    Run r = run("show", json.toString(), "--trace-format", "json,itf,dot,mermaid,text",
        "--trace-out", dir.resolve("again").toString());
    assertEquals(0, r.status(), r.err());
    assertEquals(Files.readString(GOLDEN.resolve("starving_mutex-w0_enters.txt")), r.out());
    assertTrue(r.out().contains("Back to state 1: worker[1] release @mutex_unlock"), r.out());
    for (String ext : List.of("json", "dot", "mmd", "txt")) {
      assertEquals(Files.readString(GOLDEN.resolve("starving_mutex-w0_enters." + ext)),
          Files.readString(dir.resolve("again." + ext)), ext);
    }
    assertTrue(r.err().contains("wrote " + dir.resolve("again.mmd")), r.err());
  }

  /**
   * A JSON trace keeps the shapes of its variables, so `show` prints arrays, fifos and lifos
   * (and enum-indexed and two-dimensional arrays) as the search printed them: before, every
   * JSON array came back as a fifo.
   */
  @Test
  void showsEveryViolatedCorpusModelsJsonTraceAsTheSearchPrintedIt() throws Exception {
    int compared = 0;
    try (var models = Files.list(Path.of("src/test/resources/corpus/violated"))) {
      for (Path model : models.filter(p -> p.toString().endsWith(".pool")).sorted().toList()) {
        Path out = dir.resolve(model.getFileName().toString().replace(".pool", ""));
        Run check = run("check", "-q", model.toString(), "--trace-format", "json,text,itf",
            "--trace-out", out.toString());
        if (!Files.exists(Path.of(out + ".json"))) continue; // a violation with no trace
        Run shown = run("show", out + ".json", "--trace-format", "itf",
            "--trace-out", out + "-again");
        assertEquals(0, shown.status(), model + ": " + shown.err());
        assertEquals(Files.readString(Path.of(out + ".txt")), shown.out(), model.toString());
        assertEquals(MAPPER.readTree(Files.readString(Path.of(out + ".itf.json"))),
            MAPPER.readTree(Files.readString(Path.of(out + "-again.itf.json"))), model.toString());
        compared++;
      }
    }
    assertTrue(compared >= 20, "compared " + compared);
  }

  @Test
  void readsATraceWrittenBeforeShapesWithItsArraysIndexedFromZero() throws Exception {
    ObjectNode root = (ObjectNode) MAPPER.readTree(
        Files.readString(GOLDEN.resolve("lost_update-no_lost_update.json")));
    ObjectNode trace = (ObjectNode) root.get("trace");
    ObjectNode state = (ObjectNode) trace.get("steps").get(0).get("state");
    state.putArray("legacy").add(true).add(false);
    trace.remove("shapes");
    Path old = dir.resolve("old.json");
    Files.writeString(old, MAPPER.writeValueAsString(root));
    Run r = run("show", old.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("  legacy = [true, false]\n"), r.out());
  }

  @Test
  void anArrayWithoutAShapeInATraceThatHasShapesIsACodedError() throws Exception {
    Path cx = dir.resolve("cx.json");
    Run check = run("check", "-q", "src/test/resources/corpus/violated/arrays2d_page_taken_twice.pool",
        "--json", cx.toString());
    assertEquals(1, check.status(), check.err());
    ObjectNode root = (ObjectNode) MAPPER.readTree(Files.readString(cx));
    ObjectNode shapes = (ObjectNode) root.get("trace").get("shapes");
    String name = shapes.fieldNames().next();
    shapes.remove(name);
    Files.writeString(cx, MAPPER.writeValueAsString(root));
    Run r = run("show", cx.toString());
    assertEquals(2, r.status(), r.out());
    assertTrue(r.err().contains("error PC302: an array for " + name + ", which has no shape"),
        r.err());
  }

  @Test
  void printsTheRequestedFormatAloneOnStdout() {
    Run r = run("show", GOLDEN.resolve("starving_mutex-w0_enters.itf.json").toString(),
        "--print", "mermaid");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().startsWith("sequenceDiagram\n"), r.out());
    assertTrue(r.out().contains("  loop back to state 1, for ever\n"), r.out());
    assertEquals("", r.err());
  }

  @Test
  void aMissingTraceIsOneLineNamingItExit2() {
    Run r = run("show", dir.resolve("nope.json").toString());
    assertEquals(2, r.status());
    assertEquals("poolcheck: " + dir.resolve("nope.json") + ": no such file or directory\n",
        r.err());
    assertEquals("", r.out());
  }

  @Test
  void refusesToWriteOverTheTraceItShows() throws Exception {
    Path json = dir.resolve("cx.json");
    Files.copy(GOLDEN.resolve("lost_update-no_lost_update.json"), json);
    Run r = run("show", json.toString(), "--trace-out", dir.resolve("cx").toString());
    assertEquals(2, r.status());
    assertTrue(r.err().contains("is an input of this run"), r.err());
  }

  @Test
  void replayWritesTheFormatsItIsAskedFor() throws Exception {
    Run r = run("replay", "src/test/resources/models/starving_mutex.pool",
        GOLDEN.resolve("starving_mutex-w0_enters.json").toString(), "--trace-format", "dot",
        "--trace-out", dir.resolve("r").toString());
    assertEquals(0, r.status(), r.err());
    assertEquals(Files.readString(GOLDEN.resolve("starving_mutex-w0_enters.dot")),
        Files.readString(dir.resolve("r.dot")));
  }

  /**
   * Every show runs the whole command (the trace read, its model compiled), so the default tier
   * cuts every 61st byte and the slow tier every 7th.
   */
  @Test
  void truncationsAreOneCodedLineOrStillATrace() throws Exception {
    truncations(61);
  }

  @Tag("slow")
  @Test
  void everyTruncationIsOneCodedLineOrStillATrace() throws Exception {
    truncations(7);
  }

  private void truncations(int stride) throws Exception {
    int errors = 0;
    int cuts = 0;
    for (String name : List.of("starving_mutex-w0_enters.json",
        "starving_mutex-w0_enters.itf.json")) {
      byte[] whole = Files.readAllBytes(GOLDEN.resolve(name));
      for (int cut = 0; cut < whole.length; cut += stride) {
        byte[] part = java.util.Arrays.copyOf(whole, cut);
        errors += judge(name + " cut at " + cut, new String(part, StandardCharsets.UTF_8));
        cuts++;
      }
    }
    // JSON cut anywhere before its last brace is not JSON: all of them are errors
    assertTrue(cuts > 20, "cuts: " + cuts);
    assertEquals(cuts, errors, "every cut is an error");
  }

  /** Every 9th edit in the default tier (a show each, as above), every edit in the slow tier. */
  @Test
  void droppingFieldsOrChangingValuesTypesIsOneCodedLineOrStillATrace() throws Exception {
    edits(9, 40);
  }

  @Tag("slow")
  @Test
  void droppingAnyFieldOrChangingAnyValuesTypeIsOneCodedLineOrStillATrace() throws Exception {
    edits(1, 500);
  }

  private void edits(int stride, int atLeast) throws Exception {
    int cases = 0;
    int errors = 0;
    for (String name : List.of("starving_mutex-w0_enters.json",
        "starving_mutex-w0_enters.itf.json", "tiny_pool-no_unmap_after_detach.json")) {
      JsonNode original = MAPPER.readTree(GOLDEN.resolve(name).toFile());
      List<Consumer<JsonNode>> edits = new ArrayList<>();
      collect(original, edits);
      for (int i = 0; i < edits.size(); i += stride) {
        JsonNode copy = original.deepCopy();
        List<Consumer<JsonNode>> mine = new ArrayList<>();
        collect(copy, mine);
        mine.get(i).accept(copy);
        cases++;
        errors += judge(name + " edit " + i, MAPPER.writeValueAsString(copy));
      }
    }
    assertTrue(cases > atLeast, "cases: " + cases);
    // dropping "function" or a statistic still leaves a trace; most edits must not
    assertTrue(errors > cases / 3, errors + " errors of " + cases);
  }

  /**
   * Every edit of the tree: each member dropped, each value replaced by one of each kind. The
   * edits change the nodes of the tree they were collected on, so each run collects them on a
   * fresh copy.
   */
  private static void collect(JsonNode node, List<Consumer<JsonNode>> edits) {
    List<JsonNode> wrong = List.of(F.numberNode(7), F.numberNode(1.5), F.textNode("x"),
        F.nullNode(), F.booleanNode(true), F.arrayNode(), F.objectNode(),
        F.numberNode(new java.math.BigInteger("99999999999999999999")));
    if (node instanceof ObjectNode o) {
      List<String> keys = new ArrayList<>();
      o.properties().forEach(e -> keys.add(e.getKey()));
      int index = 0;
      for (String k : keys) {
        int at = index++;
        edits.add(root -> o.remove(keys.get(at)));
        for (JsonNode w : wrong) {
          if (w.getNodeType() != o.get(k).getNodeType()) {
            edits.add(root -> o.set(keys.get(at), w.deepCopy()));
          }
        }
        collect(o.get(k), edits);
      }
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        int at = i;
        edits.add(root -> a.remove(at));
        collect(a.get(i), edits);
      }
    }
  }

  /** 1 for an error (checked to be one coded line), 0 for a file that still shows. */
  private int judge(String what, String text) throws Exception {
    Path file = dir.resolve("broken.json");
    Files.writeString(file, text);
    Run r = run("show", file.toString());
    assertFalse(r.err().contains("Exception") || r.err().contains("internal error")
        || r.err().contains("\tat "), what + ": " + r.err());
    if (r.status() == 0) {
      assertTrue(r.out().startsWith("State 0: initial state\n"), what + ": " + r.out());
      return 0;
    }
    assertEquals(2, r.status(), what + ": " + r.err());
    assertEquals("", r.out(), what);
    assertEquals(1, r.err().lines().count(), what + ": " + r.err());
    assertTrue(r.err().matches("(?s)" + java.util.regex.Pattern.quote(file.toString())
        + ":\\d+:\\d+: error PC30[123]: .+\n"), what + ": " + r.err());
    return 1;
  }
}
