package poolcheck.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import poolcheck.compile.Compiler;

/**
 * The error codes are one enum, listed in docs/language.md from the enum, and each of them is
 * something a test makes happen: a code no test pins is dead or untested, and must either get a
 * test input or be marked reserved. With -Dpoolcheck.regenerate=true (scripts/regen-golden.sh)
 * the table in docs/language.md is rewritten from the enum instead of compared.
 */
class ErrorCodesTest {
  private static final Path DOC = Path.of("docs/language.md");
  private static final String BEGIN =
      "<!-- error codes: generated from poolcheck.language.ErrorCode by scripts/regen-golden.sh -->";
  private static final String END = "<!-- end of error codes -->";
  private static final boolean REGENERATE = Boolean.getBoolean("poolcheck.regenerate");

  /**
   * Where a test pins a code: a quoted "PCnnn" in a test's Java source, or a corpus file's
   * {@code // expect: PCnnn} header (which RejectedCorpusTest runs).
   */
  private static final Pattern PINNED = Pattern.compile("\"(PC\\d{3})\"|// expect: (PC\\d{3})");

  static String table() {
    StringBuilder out = new StringBuilder(BEGIN).append('\n');
    out.append("| code | what |\n|---|---|\n");
    for (ErrorCode c : ErrorCode.values()) {
      out.append("| ").append(c.code()).append(" | ").append(c.description()).append(" |\n");
    }
    return out.append(END).append('\n').toString();
  }

  @Test
  void languageDocListsExactlyTheEnumsCodes() throws IOException {
    String doc = Files.readString(DOC);
    int begin = doc.indexOf(BEGIN);
    int end = doc.indexOf(END);
    assertTrue(begin >= 0 && end > begin, DOC + " has no generated error-code table");
    String current = doc.substring(begin, end + END.length() + 1);
    if (REGENERATE) {
      Files.writeString(DOC, doc.substring(0, begin) + table() + doc.substring(end
          + END.length() + 1));
      return;
    }
    assertEquals(table(), current, "docs/language.md differs from ErrorCode: run "
        + "scripts/regen-golden.sh");
  }

  @Test
  void noTwoConstantsShareACode() {
    Map<String, ErrorCode> seen = new HashMap<>();
    for (ErrorCode c : ErrorCode.values()) {
      assertTrue(c.code().matches("PC\\d{3}"), c + " is not PCnnn");
      ErrorCode before = seen.put(c.code(), c);
      assertEquals(null, before, c.name() + " and " + before + " share " + c.code());
      assertTrue(!c.description().isBlank() && !c.description().contains("\n"), c.name());
      assertEquals(c, ErrorCode.of(c.code()));
    }
  }

  @Test
  void everyCodeIsPinnedByATestOrReserved() throws IOException {
    Map<String, String> pinnedBy = new TreeMap<>();
    for (Path root : List.of(Path.of("src/test/java"), Path.of("src/test/resources/corpus"))) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          Matcher m = PINNED.matcher(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
          while (m.find()) {
            pinnedBy.putIfAbsent(m.group(1) != null ? m.group(1) : m.group(2), f.toString());
          }
        }
      }
    }
    StringBuilder dead = new StringBuilder();
    for (ErrorCode c : ErrorCode.values()) {
      if (!c.isReserved() && !pinnedBy.containsKey(c.code())) {
        dead.append(' ').append(c.code()).append(' ').append(c.name());
      }
    }
    // A code a test pins but the enum lacks is a typo in the test, or a code that was removed.
    for (String code : pinnedBy.keySet()) {
      assertDefined(code, pinnedBy.get(code));
    }
    assertEquals("", dead.toString(), "codes no test input produces (add one, or mark the "
        + "code reserved):");
  }

  private static void assertDefined(String code, String where) {
    try {
      ErrorCode.of(code);
    } catch (IllegalArgumentException e) {
      throw new AssertionError(where + " pins " + code + ", which ErrorCode does not define");
    }
  }

  @Test
  void rejectsAConfigurationTheModelDoesNotDeclare() throws ModelException {
    ParsedModel parsed = ModelLoader.fromText("configs.pool",
        "const N = 1;\nconfig small { N = 2; }\nvar x : 0 .. 3;\nprocess p { s: { x = N; } }\n");
    ModelException e = assertThrows(ModelException.class,
        () -> Compiler.compile(parsed, Map.of(), "large"));
    assertEquals("PC121", e.first().code(), e.getMessage());
    assertTrue(e.first().message().contains("large"), e.getMessage());
  }
}
