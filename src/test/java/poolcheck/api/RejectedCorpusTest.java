package poolcheck.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import poolcheck.compile.Models;
import poolcheck.language.Diagnostic;
import poolcheck.language.ModelException;

/**
 * Every file in corpus/rejected is bad model text. Its header lists the diagnostics it must give,
 * in order, as {@code // expect: PCnnn [file:]line:column words of the message}: the code, the
 * position and the key words are pinned, so a diagnostic that drifts to the wrong token fails.
 */
class RejectedCorpusTest {
  private static final Pattern EXPECT = Pattern.compile("(PC\\d{3}) (?:(.+):)?(\\d+):(\\d+) (.+)");

  static Stream<CorpusCase> rejected() throws IOException {
    return CorpusCase.folder("rejected");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejected")
  void reportsEachExpectedDiagnostic(CorpusCase c) {
    ModelException e = assertThrows(ModelException.class, () -> Models.load(c.file(), c.defines()));
    List<Diagnostic> found = e.diagnostics();
    assertEquals(c.expects().size(), found.size(), () -> "diagnostics:\n" + e.getMessage());
    for (int i = 0; i < found.size(); i++) {
      Matcher m = EXPECT.matcher(c.expects().get(i));
      assertTrue(m.matches(), "malformed expectation: " + c.expects().get(i));
      Diagnostic d = found.get(i);
      String where = "diagnostic " + i + ": " + d.render();
      assertEquals(m.group(1), d.code(), where);
      String file = m.group(2) != null ? m.group(2) : c.file().getFileName().toString();
      assertTrue(d.position().file().replace('\\', '/').endsWith(file), where);
      assertEquals(Integer.parseInt(m.group(3)), d.position().line(), where);
      assertEquals(Integer.parseInt(m.group(4)), d.position().column(), where);
      assertTrue(d.message().contains(m.group(5)), where + "\nexpected words: " + m.group(5));
      assertTrue(d.render().startsWith(d.position() + ": error " + d.code() + ": "), where);
    }
  }
}
