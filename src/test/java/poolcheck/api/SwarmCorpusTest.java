package poolcheck.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model of the corpus's violated/ folder is violated under a swarm too, with a trace
 * that replays: assertions, invariants (in the initial state too), deadlocks, runtime errors,
 * violations inside init blocks, symmetric models.
 */
class SwarmCorpusTest {
  static Stream<Path> violated() throws IOException {
    return Stream.concat(Files.list(Path.of("src/test/resources/corpus/violated")),
        Files.list(Path.of("src/test/resources/corpus/regressions"))).sorted();
  }

  @ParameterizedTest
  @MethodSource("violated")
  void aSwarmFindsTheViolationAndItsTraceReplays(Path model, @TempDir Path dir)
      throws IOException {
    // violated/ says "// expect: property NAME", regressions/ "// expect: violated property=NAME"
    String expected = Files.readAllLines(model).stream()
        .filter(l -> l.startsWith("// expect: ") && l.contains("property"))
        .map(l -> l.replaceAll(".*property[ =](\\S+).*", "$1")).findFirst().orElseThrow();
    ModelCheckResult r = ModelCheck.of(model).workers(1).swarm(4, 1).exhaustive();
    assertEquals(Verdict.VIOLATED, r.verdict(), r.describe());
    assertEquals(expected, r.counterexample().orElseThrow().property());
    Path trace = dir.resolve("t.json");
    Files.writeString(trace, r.renderTrace(TraceFormat.JSON));
    ReplayResult replayed = TraceReplay.of(model).replay(trace);
    assertTrue(replayed.ok(), replayed.toString());
  }
}
