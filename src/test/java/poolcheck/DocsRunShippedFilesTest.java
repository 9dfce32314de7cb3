package poolcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every model file README.md and docs/ tell a reader to run ({@code poolcheck check FILE},
 * simulate, replay, export, lint, explore) is a file the sources ship, so that a command copied from the docs
 * runs: only names that stand for the reader's own model are exempt.
 */
class DocsRunShippedFilesTest {
  /** A command line that runs poolcheck on something. */
  private static final Pattern COMMAND =
      Pattern.compile("poolcheck (?:check|simulate|replay|export|lint|explore)\\b(.*)");
  private static final Pattern MODEL = Pattern.compile("(?<![\\w./$-])([\\w./$-]+\\.pool)\\b");
  /** A shell variable the doc sets for its commands: {@code m=src/test/resources/models}. */
  private static final Pattern VARIABLE = Pattern.compile("^(\\w+)=(\\S+)");
  /**
   * The reader's own files: placeholders ({@code model.pool}, {@code m.pool}) and
   * docs/language.md's example, which the reader saves from the text just above the command.
   */
  private static final Set<String> READERS_OWN = Set.of("model.pool", "m.pool",
      "docs/language.md lost_update.pool", "docs/editor.md lost_update.pool");

  @Test
  void everyModelADocRunsIsShipped() throws IOException {
    List<String> missing = new ArrayList<>();
    int seen = 0;
    for (Path doc : docs()) {
      List<String> lines = Files.readAllLines(doc);
      java.util.Map<String, String> variables = new java.util.HashMap<>();
      for (String line : lines) {
        Matcher v = VARIABLE.matcher(line.strip());
        if (v.find()) variables.put(v.group(1), v.group(2));
        Matcher c = COMMAND.matcher(line);
        if (!c.find()) continue;
        Matcher m = MODEL.matcher(c.group(1));
        while (m.find()) {
          String file = m.group(1);
          if (READERS_OWN.contains(file) || READERS_OWN.contains(doc + " " + file)) continue;
          for (var e : variables.entrySet()) file = file.replace("$" + e.getKey(), e.getValue());
          seen++;
          if (!Files.isRegularFile(Path.of(file))) missing.add(doc + ": " + file);
        }
      }
    }
    assertTrue(seen >= 15, "the docs run " + seen + " models: is the pattern still right?");
    assertEquals(List.of(), missing, "models the docs run that the sources do not ship");
  }

  private static List<Path> docs() throws IOException {
    List<Path> out = new ArrayList<>(List.of(Path.of("README.md")));
    try (Stream<Path> files = Files.walk(Path.of("docs"))) {
      files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
    }
    return out;
  }
}
