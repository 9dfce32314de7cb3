package poolcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One command regenerates every generated file: each test that rewrites its files under
 * -Dpoolcheck.regenerate or -Dpoolcheck.golden.update is one scripts/regen-golden.sh runs.
 */
class RegenerationScriptTest {
  @Test
  void everyTestThatRegeneratesIsRunByTheScript() throws IOException {
    String script = Files.readString(Path.of("scripts/regen-golden.sh"));
    List<String> regenerating;
    try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
      regenerating = files.filter(p -> p.toString().endsWith("Test.java"))
          .filter(RegenerationScriptTest::regenerates)
          .map(p -> p.getFileName().toString().replace(".java", "")).sorted().toList();
    }
    assertTrue(regenerating.size() >= 5, "found " + regenerating + ": is the pattern right?");
    assertEquals(List.of(), regenerating.stream().filter(t -> !script.contains(t)).toList(),
        "tests that rewrite generated files but scripts/regen-golden.sh does not run");
  }

  private static boolean regenerates(Path test) {
    try {
      String text = Files.readString(test);
      return text.contains("getBoolean(\"poolcheck.regenerate\")")
          || text.contains("getBoolean(\"poolcheck.golden.update\")");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
