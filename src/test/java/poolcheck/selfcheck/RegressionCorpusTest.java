package poolcheck.selfcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import poolcheck.compile.Models;
import poolcheck.compile.CompiledModel;
import poolcheck.explore.Explorer;
import poolcheck.result.CheckResult;
import poolcheck.result.Counterexample;
import poolcheck.result.Verdict;
import poolcheck.trace.Replay;
import poolcheck.trace.Replays;

/**
 * Every model in corpus/regressions holds what its {@code // expect:} header says: {@code
 * verified states=N} or {@code violated property=NAME length=K}. Failures found by the
 * property-based self-checks land here, named for what went wrong.
 */
class RegressionCorpusTest {
  static final Path CORPUS = Path.of("src/test/resources/corpus/regressions");

  static List<Path> models() throws IOException {
    try (Stream<Path> files = Files.list(CORPUS)) {
      return files.filter(p -> p.toString().endsWith(".pool")).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyRegressionModelHoldsItsExpectation() throws IOException {
    List<Path> models = models();
    assertFalse(models.isEmpty(), "no models in " + CORPUS);
    return models.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(),
        () -> check(p)));
  }

  private static void check(Path file) throws Exception {
    Expectation expect = Expectation.of(file);
    CompiledModel m = Models.load(file);
    CheckResult r = new Explorer(m).run();
    if (expect.verified()) {
      assertEquals(Verdict.VERIFIED, r.verdict(), () -> "found " + r.counterexample());
      assertEquals(expect.states(), r.statistics().distinct());
    } else {
      Counterexample cx = r.counterexample().orElseThrow(() -> new AssertionError(
          "expected a violation of " + expect.property() + ", got " + r.verdict()));
      assertEquals(expect.property(), cx.property().name());
      assertEquals(expect.length(), cx.length());
      Replay.Outcome o = Replays.replay(m, cx);
      assertTrue(o.ok(), o.message());
    }
  }
}
