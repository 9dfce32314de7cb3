package poolcheck.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Models;
import poolcheck.explore.Explorer;
import poolcheck.language.ModelException;
import poolcheck.result.CheckResult;
import poolcheck.result.Counterexample;
import poolcheck.result.Verdict;
import poolcheck.trace.JsonResult;
import poolcheck.trace.JsonTrace;
import poolcheck.trace.Replay;

/**
 * Runs corpus/verified and corpus/violated: each model's header gives its verdict and exact
 * distinct-state count (justified in the model's comments), and for a violation the property and
 * the length of the shortest trace. Every counterexample goes through the JSON round trip and is
 * replayed step by step on the model, so a trace the explorer cannot justify fails here.
 */
class ModelCorpusTest {
  @TempDir
  Path tmp;

  static Stream<CorpusCase> verified() throws IOException {
    return CorpusCase.folder("verified");
  }

  static Stream<CorpusCase> violated() throws IOException {
    return CorpusCase.folder("violated");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("verified")
  void verifiesWithExactStateCount(CorpusCase c) throws ModelException, IOException {
    assertEquals("verified", c.value("verdict"), "the verified/ folder holds verified models");
    Explorer explorer = new Explorer(Models.load(c.file(), c.defines()));
    CheckResult r = explorer.run();
    assertEquals(Verdict.VERIFIED, r.verdict(), () -> r.counterexample().toString());
    assertEquals(Long.parseLong(c.value("states")), r.statistics().distinct());
    // Every coverage warning, exactly and in order; none expected means every step is taken.
    String dir = c.file().getParent().toString() + java.io.File.separator;
    assertEquals(c.values("warning"), explorer.coverage().warnings().stream()
        .map(w -> w.text().replace(dir, "")).toList());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("violated")
  void findsShortestViolationAndReplaysIt(CorpusCase c) throws ModelException, IOException {
    assertEquals("violated", c.value("verdict"), "the violated/ folder holds violated models");
    CompiledModel model = Models.load(c.file(), c.defines());
    CheckResult r = new Explorer(model).run();
    assertEquals(Verdict.VIOLATED, r.verdict());
    Counterexample cx = r.counterexample().orElseThrow();
    assertNotNull(c.value("property"), "header needs '// expect: property NAME'");
    assertEquals(c.value("property"), cx.property().name());
    int length = Integer.parseInt(c.value("length"));
    assertEquals(length, cx.length());
    assertEquals(Long.parseLong(c.value("states")), r.statistics().distinct());
    if (c.value("failure") != null) {
      // what the trace says failed: the variable, value, range or expression, with its place
      String failure = cx.failureText().orElse("").replace(c.file().getParent() + "/", "");
      assertTrue(failure.contains(c.value("failure")), () -> "failure: " + failure);
    }

    Path json = tmp.resolve(c.toString().replace(".pool", ".json"));
    Files.writeString(json, JsonResult.render(r));
    JsonTrace.Recorded recorded = JsonTrace.read(json);
    assertEquals(cx.property().name(), recorded.property());
    assertEquals(length + 1, recorded.steps().size());
    Replay.Outcome o = Replay.check(model, recorded);
    assertTrue(o.ok(), () -> "replay fails at step " + o.step() + ": " + o.message());
    assertEquals(length, o.step());
    assertEquals(c.value("verdict"), r.verdict().name().toLowerCase(Locale.ROOT));
  }
}
