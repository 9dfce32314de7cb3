package poolcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command, however deep, lists in its {@code --help} the exit statuses it can return:
 * 2 for bad usage everywhere, 3 for lack of memory (Failure), the verdicts of its own. A new
 * command fails here until it is added with its statuses.
 */
class HelpExitStatusesTest {
  private static final Map<String, Set<Integer>> STATUSES = Map.ofEntries(
      Map.entry("", Set.of(0, 1, 2, 3, 4, 5)),
      Map.entry("check", Set.of(0, 1, 2, 3, 4, 5)),
      Map.entry("replay", Set.of(0, 1, 2, 3)),
      Map.entry("show", Set.of(0, 2, 3)),
      Map.entry("simulate", Set.of(0, 1, 2, 3, 4)),
      Map.entry("explore", Set.of(0, 2, 3)),
      Map.entry("export", Set.of(0, 2, 3)),
      Map.entry("prove", Set.of(0, 1, 2, 3)),
      Map.entry("worker", Set.of(0, 2, 3)),
      Map.entry("lint", Set.of(0, 2, 3)),
      Map.entry("lsp", Set.of(0, 1, 2, 3)),
      Map.entry("checkpoint", Set.of(2)),
      Map.entry("checkpoint rehash", Set.of(0, 2, 3)),
      Map.entry("help", Set.of(0, 2)));
  private static final Pattern STATUS = Pattern.compile("(?m)^  (\\d)   ");

  @Test
  void everyCommandsHelpListsItsExitStatuses() {
    Map<String, Set<Integer>> listed = new TreeMap<>();
    walk(Main.commandLine(new Main()), List.of(), listed);
    assertEquals(new TreeMap<>(STATUSES), listed);
  }

  private static void walk(CommandLine command, List<String> path,
      Map<String, Set<Integer>> listed) {
    List<String> args = new ArrayList<>(path);
    args.add("--help");
    MainTest.Run r = MainTest.run(args.toArray(String[]::new));
    String name = String.join(" ", path);
    assertEquals(0, r.status(), name + ": " + r.err());
    int heading = r.out().indexOf("Exit status");
    assertTrue(heading >= 0, "'" + name + " --help' lists no exit status:\n" + r.out());
    Set<Integer> statuses = new TreeSet<>();
    Matcher m = STATUS.matcher(r.out().substring(heading));
    while (m.find()) statuses.add(Integer.parseInt(m.group(1)));
    listed.put(name, statuses);
    command.getSubcommands().forEach((sub, cl) -> {
      if (cl.getParent() != command || !sub.equals(cl.getCommandName())) return; // an alias
      List<String> deeper = new ArrayList<>(path);
      deeper.add(sub);
      walk(cl, deeper, listed);
    });
  }
}
