package poolcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import poolcheck.api.ModelCheck;
import poolcheck.api.ModelCheckResult;

/**
 * docs/testing.md's table of shrink ratios: on a fixed set of models, seeds 1 to 5 of
 * {@code simulate --runs 200 --depth 1000}, how long the failing run was, how long shrinking
 * left it, and the shortest trace breadth-first search finds. Every figure is a step count of a
 * seeded run, the same on every machine, so a change to shrinking shows as a diff here. With
 * -Dpoolcheck.regenerate=true (scripts/regen-golden.sh) the table is rewritten.
 */
@Tag("slow")
class ShrinkRatiosTest {
  private static final Path DOC = Path.of("docs/testing.md");
  private static final boolean REGENERATE = Boolean.getBoolean("poolcheck.regenerate");
  private static final String BEGIN = "<!-- shrink ratios: ShrinkRatiosTest writes this table -->";
  private static final String END = "<!-- end of shrink ratios -->";
  private static final int SEEDS = 5;
  private static final int RUNS = 200;
  private static final int DEPTH = 1000;

  private record Case(String file, Map<String, String> constants) {
    String label() {
      StringBuilder b = new StringBuilder("`" + file + "`");
      constants.forEach((k, v) -> b.append(" -D ").append(k).append('=').append(v));
      return b.toString();
    }
  }

  private static final List<Case> CASES = List.of(
      new Case("src/test/resources/corpus/violated/lost_update.pool", Map.of()),
      new Case("src/test/resources/corpus/violated/dining_philosophers.pool", Map.of()),
      new Case("src/test/resources/corpus/violated/lock_split_use_after_free.pool", Map.of()),
      new Case("src/test/resources/models/tiny_pool.pool", Map.of()),
      new Case("src/test/resources/models/readers_writer.pool", Map.of("READERS", "4")),
      new Case("models/page_pool_v6_12.pool", Map.of()),
      new Case("models/page_pool_zcrx.pool", Map.of()),
      new Case("models/page_pool_devmem.pool", Map.of()));

  @Test
  void theTableIsWhatTheRunsGive() throws Exception {
    List<String> table = new ArrayList<>(List.of(BEGIN,
        "| model | violations in " + SEEDS + " seeds | found, mean steps | shrunk, mean | "
            + "shortest (BFS) | shrunk / found | shrunk / shortest |",
        "|---|---:|---:|---:|---:|---:|---:|"));
    for (Case c : CASES) table.add(row(c));
    table.add(END);
    List<String> lines = Files.readAllLines(DOC);
    int begin = lines.indexOf(BEGIN);
    int end = lines.indexOf(END);
    assertTrue(begin >= 0 && end > begin, "docs/testing.md has no shrink-ratio table markers");
    if (REGENERATE) {
      List<String> updated = new ArrayList<>(lines.subList(0, begin));
      updated.addAll(table);
      updated.addAll(lines.subList(end + 1, lines.size()));
      Files.write(DOC, updated);
      return;
    }
    assertEquals(String.join("\n", table), String.join("\n", lines.subList(begin, end + 1)),
        "docs/testing.md's shrink ratios drifted from the runs; rerun scripts/regen-golden.sh");
  }

  private static String row(Case c) {
    ModelCheck model = ModelCheck.of(c.file()).constants(c.constants()).workers(1);
    int shortest = model.exhaustive().counterexample().orElseThrow().length();
    int violations = 0;
    long found = 0;
    long shrunk = 0;
    for (long seed = 1; seed <= SEEDS; seed++) {
      ModelCheckResult r = model.simulate(RUNS, DEPTH, seed).run();
      if (r.counterexample().isEmpty()) continue;
      violations++;
      found += r.simulation().orElseThrow().foundLength();
      shrunk += r.counterexample().get().length();
    }
    if (violations == 0) {
      return "| " + c.label() + " | 0 | | | " + shortest + " | | |";
    }
    double f = (double) found / violations;
    double s = (double) shrunk / violations;
    return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %d | %.2f | %.2f |", c.label(),
        violations, f, s, shortest, s / f, s / shortest);
  }
}
