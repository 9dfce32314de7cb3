package poolcheck.proofs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every step a shipped design leaves unreached, at any configuration, is explained in its notes
 * (proofs/notes/DESIGN.md, the paragraph "Unreached steps"): named as {@code `process.label`}, or
 * {@code `*.label`} for that label in every process. And the notes name no step that every
 * configuration reaches, so an explanation cannot outlive its step. The records are the ones on
 * disk; ProofsLedgerTest holds them to fresh runs.
 */
class UnreachedStepsExplainedTest {
  private static final Path PROOFS = Path.of("proofs");
  private static final Pattern NAME = Pattern.compile("`([a-z_*][a-z0-9_]*)\\.([a-z0-9_]+)`");

  @Test
  void everyUnreachedStepIsExplainedInItsDesignsNotes() throws IOException {
    int designs = 0;
    for (Path dir : designDirs()) {
      String design = dir.getFileName().toString();
      Set<String> unreached = unreached(dir);
      List<String[]> named = namedInNotes(design);
      List<String> unexplained = new ArrayList<>();
      for (String step : unreached) {
        String process = step.substring(0, step.indexOf('.'));
        String label = step.substring(step.indexOf('.') + 1);
        boolean explained = named.stream().anyMatch(n -> n[1].equals(label)
            && (n[0].equals("*") || n[0].equals(process)));
        if (!explained) unexplained.add(step);
      }
      assertEquals(List.of(), unexplained, "proofs/notes/" + design + ".md does not say why "
          + "these steps are unreached (paragraph **Unreached steps.**)");
      for (String[] n : named) {
        boolean real = unreached.stream().anyMatch(s -> s.endsWith("." + n[1])
            && (n[0].equals("*") || s.startsWith(n[0] + ".")));
        assertTrue(real, "proofs/notes/" + design + ".md explains `" + n[0] + "." + n[1]
            + "`, which every configuration reaches");
      }
      designs++;
    }
    assertTrue(designs > 0 || !Files.isDirectory(PROOFS), "no design records under proofs/");
  }

  private static List<Path> designDirs() throws IOException {
    if (!Files.isDirectory(PROOFS)) return List.of();
    try (Stream<Path> s = Files.list(PROOFS)) {
      return s.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().equals("notes"))
          .sorted().toList();
    }
  }

  /** The union over the design's configurations. */
  private static Set<String> unreached(Path dir) throws IOException {
    Set<String> out = new LinkedHashSet<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path record : s.filter(p -> p.toString().endsWith(".record.json")).sorted().toList()) {
        JsonNode steps = new ObjectMapper().readTree(record.toFile()).path("coverage")
            .path("unreached");
        steps.forEach(n -> out.add(n.asText()));
      }
    }
    return out;
  }

  /** The step names in the notes' "Unreached steps" paragraph, up to the next bold heading. */
  private static List<String[]> namedInNotes(String design) throws IOException {
    Path notes = PROOFS.resolve("notes").resolve(design + ".md");
    List<String[]> out = new ArrayList<>();
    if (!Files.exists(notes)) return out;
    String text = Files.readString(notes);
    int start = text.indexOf("**Unreached steps.**");
    if (start < 0) return out;
    int end = text.indexOf("\n**", start + 2);
    Matcher m = NAME.matcher(text.substring(start, end < 0 ? text.length() : end));
    while (m.find()) out.add(new String[] {m.group(1), m.group(2)});
    return out;
  }
}
