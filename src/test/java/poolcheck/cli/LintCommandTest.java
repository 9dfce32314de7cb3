package poolcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * `poolcheck lint` reports every independent error of a model in one run, each at its exact
 * line and column. Two generated families: each file has some subset of the known mistakes
 * (checking errors in one family, syntax errors in the other, since a syntax error stops the
 * run before checking), and lint must report exactly that subset, in source order.
 */
class LintCommandTest {
  @TempDir
  Path tmp;

  /** One mistake: on line {@code line}, {@code good} becomes {@code bad}; reported at its mark. */
  record Mistake(int line, String good, String bad, String mark, String code) {}

  private static final String CHECK_BASE = """
      model family;

      const CPUS = 2;
      var counter : 0 .. CPUS = 0;
      var flag : bool = false;

      process cpu[CPUS] {
        var tmp : 0 .. CPUS = 0;
        load @atomic_read: { tmp = counter; }
        store @atomic_set: { counter = tmp + 1; }
        again: { goto load; }
      }

      invariant counter_bounded: counter <= CPUS;
      invariant flag_known: flag || !flag;
      """;

  private static final List<Mistake> CHECK_MISTAKES = List.of(
      new Mistake(9, "tmp = counter;", "tmp = countr;", "countr", "PC104"),
      new Mistake(10, "tmp + 1", "flag + 1", "flag", "PC106"),
      new Mistake(11, "goto load", "goto nowhere", "goto", "PC107"),
      new Mistake(14, "<= CPUS", "<= missing", "missing", "PC104"),
      new Mistake(15, "|| !flag", "|| 3", "3", "PC106"));

  private static final String SYNTAX_BASE = """
      model family;

      const CPUS = 2;
      var counter : 0 .. CPUS = 0;

      process cpu[CPUS] {
        load @atomic_read: { counter = 1; }
      }

      invariant counter_bounded: counter <= CPUS;
      var x : bool = true;
      """;

  private static final List<Mistake> SYNTAX_MISTAKES = List.of(
      new Mistake(3, "= 2;", "= ;", ";", "PC101"),
      new Mistake(7, "= 1; }", "= 1 }", "}", "PC101"),
      new Mistake(10, "counter_bounded:", "counter_bounded ", " counter ", "PC101"),
      new Mistake(11, ": bool =", ": =", "=", "PC101"));

  @TestFactory
  Stream<DynamicTest> everyCheckingErrorOfAFileIsReportedAtItsPosition() {
    return family("check", CHECK_BASE, CHECK_MISTAKES);
  }

  @TestFactory
  Stream<DynamicTest> everySyntaxErrorOfAFileIsReportedAtItsPosition() {
    return family("syntax", SYNTAX_BASE, SYNTAX_MISTAKES);
  }

  private Stream<DynamicTest> family(String name, String base, List<Mistake> mistakes) {
    int all = 1 << mistakes.size();
    return IntStream.range(1, all).mapToObj(subset -> DynamicTest.dynamicTest(
        name + " mistakes " + Integer.toBinaryString(subset), () -> {
          List<String> lines = new ArrayList<>(base.lines().toList());
          List<String> expected = new ArrayList<>();
          Path file = tmp.resolve(name + subset + ".pool");
          for (int i = 0; i < mistakes.size(); i++) {
            if ((subset & (1 << i)) == 0) continue;
            Mistake m = mistakes.get(i);
            String line = lines.get(m.line() - 1);
            assertEquals(1, line.split(java.util.regex.Pattern.quote(m.good()), -1).length - 1,
                line);
            String changed = line.replace(m.good(), m.bad());
            lines.set(m.line() - 1, changed);
            // a mark with spaces around it names the token between them
            int column = changed.indexOf(m.mark()) + 1 + (m.mark().startsWith(" ") ? 1 : 0);
            expected.add(file + ":" + m.line() + ":" + column + ": error " + m.code());
          }
          Files.writeString(file, String.join("\n", lines) + "\n");
          MainTest.Run r = MainTest.run("lint", file.toString());
          assertEquals(ExitCode.BAD_INPUT, r.status(), r.out() + r.err());
          List<String> reported = r.out().lines()
              .map(l -> l.substring(0, l.indexOf(": ", l.indexOf(": error ") + 2)))
              .toList();
          assertEquals(expected, reported, r.out());
          assertEquals("", r.err());
        }));
  }

  @Test
  void aCleanShippedModelLintsWithExitZeroAndNoOutput() {
    MainTest.Run r = MainTest.run("lint", "models/page_pool_v6_12.pool");
    assertEquals(ExitCode.VERIFIED, r.status(), r.out() + r.err());
    assertEquals("", r.out());
    assertEquals("", r.err());
  }

  @Test
  void aBadOverrideIsAnErrorOfTheCommandLine() {
    MainTest.Run r = MainTest.run("lint", "models/page_pool_v6_12.pool", "-D", "NOPE=1");
    assertEquals(ExitCode.BAD_INPUT, r.status());
    assertEquals("command line:1:1: error PC118: -D NOPE: the model has no constant 'NOPE'",
        r.out().lines().findFirst().orElseThrow().replaceFirst(" \\(constants:.*", ""));
  }

  @Test
  void aMissingFileIsOneLineOnStandardErrorNotAStackTrace() throws IOException {
    MainTest.Run r = MainTest.run("lint", tmp.resolve("absent.pool").toString());
    assertEquals(ExitCode.BAD_INPUT, r.status());
    assertEquals(1, r.err().lines().count(), r.err());
    r.assertNoStackTrace();
  }
}
