package poolcheck.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import poolcheck.language.ModelException;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * TLC is not packaged where CI can install it, so the TLA+ export is held by its structure:
 * balanced brackets, every action assigning every variable exactly once, the configuration
 * naming what the module defines, and golden files for the small models.
 */
// Exports models and reads golden files, shares nothing: beside the other classes.
// (junit-platform.properties)
@Execution(ExecutionMode.CONCURRENT)
class TlaExportTest {
  /** Regenerate with: mvn test -Dtest=TlaExportTest -Dpoolcheck.golden.update=true */
  private static final boolean UPDATE = Boolean.getBoolean("poolcheck.golden.update");
  private static final Path GOLDEN = Path.of("src/test/resources/export/golden");
  private static final List<String> GOLDEN_MODELS = List.of("lost_update", "deadlock",
      "bounded_buffer");

  @TestFactory
  Stream<DynamicTest> everyExportIsWellFormed() {
    return ExportedModels.files().stream().map(f -> DynamicTest.dynamicTest(f.toString(), () -> {
      ExportedModels.Loaded m = ExportedModels.load(f);
      assumeTrue(m != null, f + " is bad input on purpose");
      String module = TlaExport.moduleName(m.shape().name());
      TlaExport.Files files = TlaExport.render(m.shape(), module);
      assertBalanced(files.module());
      assertEveryStepAssignsEveryVariableOnce(files.module());
      assertConfigNamesDefinitions(files);
      assertTrue(files.module().startsWith("-------------------- MODULE " + module + " "));
      assertTrue(files.module().strip().endsWith("=".repeat(42 + module.length())));
    }));
  }

  @TestFactory
  Stream<DynamicTest> smallModelsMatchTheirGoldenFiles() {
    return GOLDEN_MODELS.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
      ExportedModels.Loaded m = ExportedModels.load(Path.of("src/test/resources/export/"
          + name + ".pool"));
      TlaExport.Files files = TlaExport.render(m.shape(), name);
      golden(name + ".tla", files.module());
      golden(name + ".cfg", files.config());
      golden(name + ".pml", PromelaExport.render(m.shape()));
    }));
  }

  @Test
  void finalStatesStutterSoThatOnlyDeadlocksStop() throws ModelException {
    TlaExport.Files files = TlaExport.render(PromelaExportTest.shape("""
        var x : 0 .. 1 = 0;
        process p { s: { x = 1; } }
        final x == 1;
        """, Map.of()), "t");
    assertTrue(files.module().contains("Done ==\n  /\\ (x = 1)\n  /\\ UNCHANGED vars\n"),
        files.module());
    assertTrue(files.module().contains("  \\/ Done\n"), files.module());
    assertTrue(files.config().contains("CHECK_DEADLOCK TRUE"), files.config());
  }

  @Test
  void severalInitialStatesBecomeADisjunction() throws ModelException {
    TlaExport.Files files = TlaExport.render(PromelaExportTest.shape("""
        var x : 0 .. 2 = 0;
        init { choose v in 1 .. 2 { x = v; } }
        process p { s: { x = 0; } }
        """, Map.of()), "t");
    assertTrue(files.module().contains("Init ==\n  \\/ /\\ x = 1\n     /\\ pc_p = \"s\"\n"
        + "  \\/ /\\ x = 2\n     /\\ pc_p = \"s\"\n"), files.module());
  }

  private static void golden(String file, String actual) throws Exception {
    Path path = GOLDEN.resolve(file);
    if (UPDATE) {
      Files.createDirectories(GOLDEN);
      Files.writeString(path, actual);
    }
    assertTrue(Files.exists(path), "missing golden file " + path + ": run with "
        + "-Dpoolcheck.golden.update=true and review the diff");
    assertEquals(Files.readString(path), actual, file);
  }

  static void assertBalanced(String text) {
    Deque<Character> open = new ArrayDeque<>();
    String pairs = "()[]{}";
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') inString = !inString;
      if (inString) continue;
      if (text.startsWith("\\*", i)) {
        i = text.indexOf('\n', i);
        continue;
      }
      if (text.startsWith("<<", i)) {
        open.push('<');
        i++;
      } else if (text.startsWith(">>", i)) {
        assertEquals(Character.valueOf('<'), open.poll(), "unbalanced >> at " + i);
        i++;
      } else if (pairs.indexOf(c) >= 0 && pairs.indexOf(c) % 2 == 0) {
        open.push(c);
      } else if (pairs.indexOf(c) >= 0) {
        char expected = pairs.charAt(pairs.indexOf(c) - 1);
        assertEquals(Character.valueOf(expected), open.poll(), "unbalanced " + c + " at "
            + text.substring(Math.max(0, i - 60), i + 1));
      }
    }
    assertTrue(open.isEmpty(), "unclosed " + open);
    assertTrue(!inString, "unterminated string");
  }

  private static final Pattern PRIMED = Pattern.compile("^/\\\\ (\\w+)' = ");
  private static final Pattern ENCLOSING = Pattern.compile("(?:[ /\\\\]|IN|THEN|ELSE)*");
  private static final Pattern UNCHANGED = Pattern.compile("^/\\\\ UNCHANGED <<(.*)>>$");

  /**
   * Each way through a step ends in one block: a primed equation per changed variable and one
   * UNCHANGED list for the rest. Together they must name every variable exactly once.
   */
  static void assertEveryStepAssignsEveryVariableOnce(String module) {
    Matcher vm = Pattern.compile("(?m)^VARIABLES (.*)$").matcher(module);
    assertTrue(vm.find());
    Set<String> all = new LinkedHashSet<>(Arrays.asList(vm.group(1).split(", ")));
    List<String> lines = module.lines().toList();
    int blocks = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String body = line.stripLeading();
      Matcher u = UNCHANGED.matcher(body);
      if (!u.matches()) continue;
      int column = line.length() - body.length();
      Set<String> named = new LinkedHashSet<>();
      if (!u.group(1).isEmpty()) {
        for (String v : u.group(1).split(", ")) assertTrue(named.add(v), "twice: " + v);
      }
      // The block's first line may carry the bullets of enclosing lists: "/\ /\ x' = ..".
      for (int j = i - 1; j >= 0; j--) {
        String above = lines.get(j);
        if (above.length() <= column || !ENCLOSING.matcher(above.substring(0, column)).matches()) {
          break;
        }
        Matcher p = PRIMED.matcher(above.substring(column));
        if (!p.find()) break;
        assertTrue(named.add(p.group(1)), "assigned twice: " + p.group(1) + " at line " + j);
        if (!above.substring(0, column).isBlank()) break;
      }
      assertEquals(all, named, "line " + (i + 1) + ": " + line);
      blocks++;
    }
    assertTrue(blocks > 0, "no step found");
  }

  private static void assertConfigNamesDefinitions(TlaExport.Files files) {
    for (String line : files.config().lines().toList()) {
      if (line.startsWith("\\*") || line.startsWith("CHECK_DEADLOCK")) continue;
      String name = line.substring(line.indexOf(' ') + 1);
      assertTrue(files.module().contains("\n" + name + " =="), "cfg names undefined " + name);
    }
    Matcher next = Pattern.compile("(?m)^  \\\\/ (\\w+)$").matcher(files.module());
    int actions = 0;
    while (next.find()) {
      assertTrue(files.module().contains("\n" + next.group(1) + " ==\n"), next.group(1));
      actions++;
    }
    assertTrue(actions > 1, "Next has no actions");
  }
}
