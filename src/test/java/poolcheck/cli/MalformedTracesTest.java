package poolcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * replay of a file that is not a trace: a coded error at the JSON value (exit 2), never a stack
 * trace, and never an integer silently wrapped into another value.
 */
class MalformedTracesTest {
  private static final String LOST = BadInputs.corpus("violated/lost_update.pool");

  @TempDir
  Path dir;

  private String json;
  private String itf;

  @BeforeEach
  void writeTraces() throws Exception {
    MainTest.Run r = MainTest.run("check", "-q", "--trace-format", "json,itf", "--trace-out",
        dir.resolve("lost").toString(), LOST);
    assertEquals(1, r.status(), r.err());
    json = Files.readString(dir.resolve("lost.json"));
    itf = Files.readString(dir.resolve("lost.itf.json"));
  }

  /** Replaces the {@code nth} occurrence of {@code from}; returns the 1-based line and column. */
  private static String[] replaceNth(String text, String from, String to, int nth) {
    int at = -1;
    for (int i = 0; i <= nth; i++) at = text.indexOf(from, at + 1);
    String before = text.substring(0, at);
    int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
    int column = at - before.lastIndexOf('\n');
    return new String[] {before + to + text.substring(at + from.length()), line + ":" + column};
  }

  private MainTest.Run replay(String text) throws Exception {
    Path trace = dir.resolve("bad.json");
    Files.writeString(trace, text);
    return MainTest.run("replay", LOST, trace.toString());
  }

  private void assertCoded(MainTest.Run r, String position, String code, String message) {
    assertEquals(2, r.status(), r.out() + r.err());
    assertEquals(List.of(dir.resolve("bad.json") + ":" + position + ": error " + code + ": "
        + message), r.errLines());
    r.assertNoStackTrace();
  }

  @Test
  void aHugeIntegerIsOutOfRangeAtItsPosition() throws Exception {
    for (String huge : List.of("99999999999999999999", "1e30", "4294967296")) {
      String[] t = replaceNth(json, "\"counter\" : 0", "\"counter\" : " + huge, 1);
      String shown = huge.equals("1e30") ? "1.0E30" : huge;
      assertCoded(replay(t[0]), t[1].split(":")[0] + ":" + (Integer.parseInt(t[1].split(":")[1])
          + 12), "PC303", "value " + shown + " is out of range (a 32-bit integer is expected)");
    }
  }

  @Test
  void anItfIntegerThatWouldWrapIsRefusedNotReadAsAnotherValue() throws Exception {
    // 4294967296 read as an int is 0, the recorded value: it once replayed as if it were 0.
    String[] t = replaceNth(itf, "{\n      \"#bigint\" : \"0\"\n    }", "4294967296", 0);
    assertCoded(replay(t[0]), t[1], "PC303",
        "value 4294967296 is out of range (a 32-bit integer is expected)");
    String[] b = replaceNth(itf, "\"#bigint\" : \"0\"", "\"#bigint\" : \"4294967296\"", 0);
    MainTest.Run r = replay(b[0]);
    assertEquals(2, r.status(), r.err());
    assertEquals("PC303", r.errLines().get(0).replaceAll(".*error (PC\\d+):.*", "$1"));
  }

  @Test
  void aTruncatedTraceIsNotJson() throws Exception {
    MainTest.Run r = replay(json.substring(0, json.length() / 2));
    assertEquals(2, r.status(), r.err());
    assertEquals(1, r.errLines().size(), r.err());
    assertEquals(true, r.errLines().get(0).matches(".*bad\\.json:\\d+:\\d+: error PC301: not "
        + "JSON: .*"), r.err());
  }

  @Test
  void aMissingOrMistypedFieldIsNotATrace() throws Exception {
    String[] noProperty = replaceNth(json, "\"property\" : \"no_lost_update\",", "", 1);
    MainTest.Run r = replay(noProperty[0]);
    assertEquals(2, r.status(), r.err());
    assertEquals(true, r.errLines().get(0).contains("error PC302: no \"property\""), r.err());
    String[] number = replaceNth(json, "\"property\" : \"no_lost_update\"", "\"property\" : 5",
        1);
    assertCoded(replay(number[0]), number[1].split(":")[0] + ":"
        + (Integer.parseInt(number[1].split(":")[1]) + 13), "PC302",
        "property is a number, expected text");
  }

  @Test
  void aNullAmongTheCheckedPropertiesIsNotATrace() throws Exception {
    // found by the generator: a NullPointerException (an internal error) before
    String[] t = replaceNth(json, "\"deadlock\"", "null", 0);
    assertCoded(replay(t[0]), t[1], "PC302", "a checked property name is null");
  }

  @Test
  void emptyNonUtf8AndNonTraceDocumentsAreCodedErrors() throws Exception {
    assertCoded(replay(""), "1:1", "PC301", "empty, expected a JSON trace");
    assertCoded(replay("[]"), "1:1", "PC302",
        "no trace in it (expected a \"trace\" with \"steps\", found an array)");
    Path trace = dir.resolve("bad.json");
    Files.write(trace, new byte[] {'{', (byte) 0xff, '}'});
    MainTest.Run r = MainTest.run("replay", LOST, trace.toString());
    assertCoded(r, "1:1", "PC301", "not UTF-8 text, expected a JSON trace");
  }

  @Test
  void aTraceThatIsADirectoryOrADeviceIsOneLine() {
    MainTest.Run r = MainTest.run("replay", LOST, dir.toString());
    assertEquals(List.of("poolcheck: " + dir + ": is a directory, expected a trace"),
        r.errLines());
    MainTest.Run zero = MainTest.run("replay", LOST, "/dev/zero");
    assertEquals(2, zero.status());
    assertEquals(List.of("poolcheck: /dev/zero: not a regular file, expected a trace"),
        zero.errLines());
  }
}
