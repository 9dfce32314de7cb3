package poolcheck.cli;

import static poolcheck.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poolcheck.cli.MainTest.Run;

/** check's trace options end to end: files written, names, errors, and replay of the result. */
class TraceOptionsTest {
  private static final String LOST = "src/test/resources/models/lost_update.pool";
  private static final String TINY = "src/test/resources/models/tiny_pool.pool";

  @TempDir
  Path dir;

  private List<String> files() throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted()
          .toList();
    }
  }

  @Test
  void writesEveryFormatToItsOwnFileUnderAPrefix() throws Exception {
    Run r = run("check", "--no-progress", LOST, "--trace-format", "text,json,itf,dot,mermaid,html",
        "--trace-out", dir.resolve("lost").toString());
    assertEquals(1, r.status(), r.err());
    assertEquals(List.of("lost.dot", "lost.html", "lost.itf.json", "lost.json", "lost.mmd",
        "lost.txt"), files());
    assertTrue(r.out().contains("wrote " + dir.resolve("lost.itf.json")), r.out());
    assertTrue(Files.readString(dir.resolve("lost.txt")).contains("Step 4: cpu[1] store"));

    Run json = run("replay", LOST, dir.resolve("lost.json").toString());
    Run itf = run("replay", LOST, dir.resolve("lost.itf.json").toString());
    assertEquals(0, json.status(), json.err());
    assertEquals(0, itf.status(), itf.err());
    assertEquals("replayed 4 steps: no_lost_update is violated\n", itf.out());
  }

  @Test
  void writesOneFilePerViolationAndFormatIntoADirectory() throws Exception {
    Run r = run("check", "--no-progress",
        TINY, "--all-violations", "--trace-format", "json,mermaid",
        "--trace-out", dir + "/traces/");
    assertEquals(1, r.status(), r.err());
    assertEquals(List.of("traces/tiny_pool-no_mapped_page_at_rest.json",
        "traces/tiny_pool-no_mapped_page_at_rest.mmd",
        "traces/tiny_pool-no_unmap_after_detach.json",
        "traces/tiny_pool-no_unmap_after_detach.mmd"), files());
    assertTrue(r.out().contains(
        "2 violated properties: no_mapped_page_at_rest, no_unmap_after_detach"), r.out());
  }

  @Test
  void prefixGetsThePropertyNameWhenThereAreSeveralViolations() throws Exception {
    Run r = run("check", "--no-progress", TINY, "--all-violations", "--trace-out",
        dir.resolve("t").toString());
    assertEquals(1, r.status(), r.err());
    assertEquals(List.of("t-no_mapped_page_at_rest.json", "t-no_unmap_after_detach.json"),
        files());
  }

  @Test
  void fewestSwitchesPrintsTheReorderedTrace() {
    Run r = run("check", "--no-progress", LOST, "--fewest-switches");
    assertEquals(1, r.status(), r.err());
    assertTrue(r.out().contains("Step 3: cpu[1] store @atomic_set"), r.out());
    assertTrue(r.out().contains("Step 4: cpu[0] store @atomic_set"), r.out());
    assertTrue(r.out().contains("shortest trace 4 steps"), r.out());
  }

  @Test
  void fewestSwitchesAppliesToEachOfAllViolations() {
    Run r = run("check", "--no-progress", TINY, "--all-violations", "--fewest-switches");
    assertEquals(1, r.status(), r.err());
    String second = r.out().substring(r.out().indexOf("no_mapped_page_at_rest (invariant)"));
    assertTrue(second.contains("Step 1: driver destroy @page_pool_destroy"), r.out());
    assertTrue(second.contains("Step 2: driver detach @device_del"), r.out());
    assertTrue(second.contains("Step 6: stack release @page_pool_return_page"), r.out());
  }

  @Test
  void rejectsAnUnknownFormatInOneLine() {
    Run r = run("check", "--no-progress", LOST, "--trace-format", "json,svg");
    assertEquals(2, r.status());
    assertEquals("poolcheck: --trace-format: unknown trace format 'svg' (known: text, json, "
        + "itf, dot, mermaid, html)\n", r.err());
  }

  @Test
  void replayNamesTheFirstStepThatNoLongerMatchesAChangedModel() throws Exception {
    Path trace = dir.resolve("lost.json");
    assertEquals(1, run("check", "--no-progress",
        LOST, "--trace-out", trace.toString().replace(".json",
        "")).status());
    Path changed = dir.resolve("changed.pool");
    Files.writeString(changed, Files.readString(Path.of(LOST))
        .replace("var counter : 0 .. CPUS = 0;", "var counter : 0 .. 2 * CPUS = 0;")
        .replace("counter = tmp + 1;", "counter = tmp + 2;"));
    Run r = run("replay", changed.toString(), trace.toString());
    assertEquals(1, r.status());
    assertEquals("poolcheck: replay: step 3 of 4 no longer matches the model: cpu[0] store no "
        + "longer produces the recorded state: counter is 2 in the model, 1 in the trace\n",
        r.err());
  }
}
