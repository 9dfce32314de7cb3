package poolcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whatever ends a command early: one line and a status that is never "violated". */
class FailureTest {
  private record Report(int status, List<String> lines) {}

  private static Report report(Throwable t, boolean debug) {
    StringWriter err = new StringWriter();
    int status = Failure.report(t, new PrintWriter(err, true), debug);
    return new Report(status, err.toString().lines().toList());
  }

  @Test
  void anInternalErrorIsOneLineWithExitTwoNeverOne() {
    for (Throwable t : List.of(new StackOverflowError(), new NullPointerException("x is null"),
        new IllegalArgumentException("too many\npermutations"), new AssertionError("bad"))) {
      Report r = report(t, false);
      assertEquals(ExitCode.BAD_INPUT, r.status(), t.toString());
      assertEquals(1, r.lines().size(), r.lines().toString());
      assertTrue(r.lines().get(0).startsWith("poolcheck: internal error: "
          + t.getClass().getName()), r.lines().get(0));
      assertTrue(r.lines().get(0).contains("POOLCHECK_DEBUG=1 or --debug"), r.lines().get(0));
    }
  }

  @Test
  void outOfMemoryIsExitThreeAndSaysWhatWouldHelp() {
    Report r = report(new OutOfMemoryError("Java heap space"), false);
    assertEquals(ExitCode.INCOMPLETE, r.status());
    assertEquals(1, r.lines().size());
    assertTrue(r.lines().get(0).startsWith("poolcheck: out of memory"), r.lines().get(0));
  }

  @Test
  void theStackTraceIsPrintedOnlyWhenDebugging() {
    Report r = report(new IllegalStateException("boom"), true);
    assertEquals(ExitCode.BAD_INPUT, r.status());
    assertTrue(r.lines().size() > 2, r.lines().toString());
    assertTrue(r.lines().stream().anyMatch(l -> l.startsWith("\tat ")), r.lines().toString());
  }

  @Test
  void aPathWithANulByteOrAMissingFileIsOneLineNamingIt() {
    Report nul = report(new InvalidPathException("a\0b.pool", "Nul character not allowed"),
        false);
    assertEquals(List.of("poolcheck: a\\x00b.pool: not a valid path (Nul character not "
        + "allowed)"), nul.lines());
    assertEquals(ExitCode.BAD_INPUT, nul.status());
    Report missing = report(new NoSuchFileException("m.pool"), false);
    assertEquals(List.of("poolcheck: m.pool: no such file or directory"), missing.lines());
  }

  @Test
  void aModelPathWithANulByteIsBadUsage() {
    MainTest.Run r = MainTest.run("check", "-q", "a\0b.pool");
    assertEquals(2, r.status(), r.err());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(!r.err().contains("\0"), "the NUL byte is shown escaped");
    r.assertNoStackTrace();
  }
}
