package poolcheck.proofs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poolcheck.check.Checker;
import poolcheck.language.ModelException;
import poolcheck.language.ModelLoader;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The ledger keeps a stable-at result for as long as the row's {@link ExploredStructure} is
 * unchanged, so that digest must never stay the same across an edit that changes what the search
 * finds. Seeded random one-token edits of the shared model (a literal, a boolean, an operator),
 * most of them in code the v6.12 design switches off: wherever the structure of v6.12's small
 * configuration stays the same, its ledger record (states, depth, every verdict, trace length
 * and per-property count) must too.
 */
// Edits copies in its temporary directory only: beside the other classes.
// (junit-platform.properties)
@Execution(ExecutionMode.CONCURRENT)
class StructureStandsForTheSearchTest {
  private static final Path MODELS = Path.of("models");
  /**
   * Edits that keep the structure, each searched: about one in five falls in code v6.12 runs,
   * where a digest blind to something there would show (one that ignored assigned values
   * passed twelve and failed at forty).
   */
  private static final int KEPT = 40;
  private static final Pattern TOKEN = Pattern.compile(
      "\\b(true|false)\\b|&&|\\|\\||==|!=|(?<![\\w.])([0-9]+)(?![\\w.])");

  @Test
  void anEditThatKeepsTheStructureKeepsEveryFinding(@TempDir Path dir) throws Exception {
    String common = Files.readString(MODELS.resolve("common/page_pool.pool"));
    Path design = dir.resolve("page_pool_v6_12.pool");
    Files.createDirectories(dir.resolve("common"));
    Files.copy(MODELS.resolve("page_pool_v6_12.pool"), design);
    Path shared = dir.resolve("common/page_pool.pool");
    Files.writeString(shared, common);
    ProofRecord before = Prover.prove(design, "v6_12", "small").record();
    String structure = structure(design);

    List<int[]> sites = sites(common);
    Random random = new Random(20261206);
    int kept = 0;
    int changed = 0;
    int refused = 0;
    for (int tried = 0; tried < 1000 && (kept < KEPT || changed < 5); tried++) {
      int[] site = sites.get(random.nextInt(sites.size()));
      String edited = common.substring(0, site[0]) + replacement(common.substring(site[0],
          site[1])) + common.substring(site[1]);
      Files.writeString(shared, edited);
      String now;
      try {
        now = structure(design);
      } catch (ModelException e) {
        refused++;
        continue;
      }
      if (!now.equals(structure)) {
        changed++;
        continue;
      }
      // a search per kept edit is the cost: KEPT of them, then only count until enough changed
      if (kept++ >= KEPT) continue;
      ProofRecord after = Prover.prove(design, "v6_12", "small").record();
      String where = "the edit at offset " + site[0] + " ("
          + common.substring(site[0], site[1]) + " -> "
          + replacement(common.substring(site[0], site[1])) + ", line "
          + (common.substring(0, site[0]).lines().count()) + ")";
      assertEquals(before.reachable(), after.reachable(), where);
      assertEquals(before.properties(), after.properties(), where);
    }
    // the test means something only if both kinds of edit happened
    assertTrue(kept >= KEPT, "edits that kept the structure: " + kept);
    assertTrue(changed >= 5, "edits that changed it: " + changed + " (refused " + refused + ")");
  }

  private static String structure(Path design) throws Exception {
    return ExploredStructure.digest(Checker.check(ModelLoader.load(design), Map.of(), "small"));
  }

  /** Start and end of every editable token outside comments. */
  private static List<int[]> sites(String text) {
    List<int[]> out = new ArrayList<>();
    int lineStart = 0;
    for (String line : text.split("\n", -1)) {
      int comment = line.indexOf("//");
      String code = comment < 0 ? line : line.substring(0, comment);
      Matcher m = TOKEN.matcher(code);
      while (m.find()) out.add(new int[] {lineStart + m.start(), lineStart + m.end()});
      lineStart += line.length() + 1;
    }
    return out;
  }

  private static String replacement(String token) {
    return switch (token) {
      case "true" -> "false";
      case "false" -> "true";
      case "&&" -> "||";
      case "||" -> "&&";
      case "==" -> "!=";
      case "!=" -> "==";
      default -> Integer.toString(Integer.parseInt(token) + 1);
    };
  }
}
