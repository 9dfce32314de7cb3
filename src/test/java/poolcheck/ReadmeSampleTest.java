package poolcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import poolcheck.cli.Main;

/**
 * README's sample output ("## What you get") is the tail of a real run of the command it
 * shows: the last two steps and the summary, with only the timing figures masked. With
 * -Dpoolcheck.regenerate=true (scripts/regen-golden.sh) the block is rewritten from the run.
 */
class ReadmeSampleTest {
  private static final Path README = Path.of("README.md");
  private static final boolean REGENERATE = Boolean.getBoolean("poolcheck.regenerate");
  private static final String PROMPT = "$ ./poolcheck ";

  @Test
  void theSampleOutputIsTheTailOfARealRun() throws Exception {
    List<String> lines = Files.readAllLines(README);
    int heading = lines.indexOf("## What you get");
    assertTrue(heading >= 0, "README.md has no '## What you get' section");
    int open = lines.subList(heading, lines.size()).indexOf("```") + heading;
    int close = lines.subList(open + 1, lines.size()).indexOf("```") + open + 1;
    assertTrue(open > heading && close > open, "no sample block under '## What you get'");
    String command = lines.get(open + 1);
    assertTrue(command.startsWith(PROMPT), "the sample starts with its command: " + command);

    StringWriter out = new StringWriter();
    int status = Main.run(command.substring(PROMPT.length()).split(" +"),
        new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
    assertEquals(1, status, "the sample shows a violation");
    List<String> expected = new ArrayList<>(List.of(command, "..."));
    expected.addAll(lastTwoStepsAndSummary(out.toString().lines().toList()));

    List<String> shown = lines.subList(open + 1, close);
    if (REGENERATE) {
      List<String> updated = new ArrayList<>(lines.subList(0, open + 1));
      updated.addAll(expected);
      updated.addAll(lines.subList(close, lines.size()));
      Files.write(README, updated);
      return;
    }
    assertEquals(masked(expected), masked(shown),
        "README.md's sample output drifted from a real run; rerun scripts/regen-golden.sh");
  }

  private static List<String> lastTwoStepsAndSummary(List<String> run) {
    int steps = 0;
    for (int i = run.size() - 1; i >= 0; i--) {
      if (run.get(i).startsWith("Step ") && ++steps == 2) return run.subList(i, run.size());
    }
    throw new AssertionError("the run shows fewer than two steps:\n" + String.join("\n", run));
  }

  /** The clock's figures ("0.02 s, 20,696 states/s") differ from run to run. */
  private static String masked(List<String> lines) {
    return String.join("\n", lines)
        .replaceAll("[\\d.]+ s, [\\d,]+ states/s", "T s, R states/s");
  }
}
