package poolcheck.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import poolcheck.selfcheck.RandomModels;

class PrinterTest {
  /** parse(print(parse(text))) is parse(text), positions aside; printing is then a fixpoint. */
  static void assertRoundTrips(String name, String text) throws ModelException {
    ImmutableList<Decl> parsed = Parser.parse(name, text);
    String printed = Printer.print(parsed);
    ImmutableList<Decl> reparsed;
    try {
      reparsed = Parser.parse(name + " (printed)", printed);
    } catch (ModelException e) {
      throw new AssertionError("the printed model does not parse: " + e.getMessage() + "\n"
          + printed);
    }
    assertEquals(Trees.withoutPositions(parsed), Trees.withoutPositions(reparsed),
        () -> "the printed model parses differently:\n" + printed);
    assertEquals(printed, Printer.print(reparsed));
  }

  private static String expr(String text) throws ModelException {
    return Printer.print(Parser.parseExpression("e", text));
  }

  @Test
  void printsOnlyTheParenthesesPrecedenceNeeds() throws ModelException {
    assertEquals("a + b * c", expr("a + (b * c)"));
    assertEquals("(a + b) * c", expr("(a + b) * c"));
    assertEquals("a - (b - c)", expr("a - (b - c)"));
    assertEquals("a - b - c", expr("(a - b) - c"));
    assertEquals("a => b => c", expr("a => (b => c)"));
    assertEquals("(a => b) => c", expr("(a => b) => c"));
    assertEquals("(a < b) == c", expr("(a < b) == c"));
    assertEquals("!(a && b)", expr("!(a && b)"));
    assertEquals("- -x", expr("-(-x)"));
    assertEquals("(forall p in 0 .. 1: x[p]) && y", expr("(forall p in 0 .. 1: x[p]) && y"));
    assertEquals("at(cpu[i + 1], done) || min(a, b) > len(c)",
        expr("at(cpu[i+1],done)||min(a,b)>len(c)"));
  }

  @Test
  void printsTypesSoThatBoundsAndArraysReadBackTheSame() throws ModelException {
    assertRoundTrips("types.pool", """
        const N : 1 .. 4 = 2;
        type Page = 0 .. N - 1;
        enum Place { ALLOCATOR, RING }
        var a : (0 .. N)[Page] = 0;
        var b : bool[Place][0 .. 1];
        var r : fifo<Page, N + 1>;
        var s : lifo<0 .. (N * 2) % 3, 2>;
        """);
  }

  @Test
  void printsEveryStatementForm() throws ModelException {
    assertRoundTrips("stmts.pool", """
        model every_statement;
        var x : 0 .. 3;
        var c : fifo<0 .. 3, 2>;
        init { either { x = 1; } or { x = 2; } }
        process p[2] {
          var l : 0 .. 3 = 1;
          one @f: when (x < 3) {
            if (x == 0) { x = 1; } else if (x == 1) { x = 2; } else { skip; }
            choose i in 0 .. 1 { for j in 0 .. 1 { l = i + j; } }
            push(c, l);
            l = pop(c);
            pop(c);
            when (!empty(c) || true);
            assert small: x < 3;
            assert x >= 0;
            goto two;
          }
          two: { goto done; }
        }
        invariant ok: count q in 0 .. 3: q == x;
        final at(p[0], done);
        """);
  }

  @Test
  void roundTripsTheDocumentationExamplesAndEveryModelInTheRepository() throws Exception {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of("."))) {
      files = walk.filter(p -> p.toString().endsWith(".pool"))
          .filter(p -> !p.startsWith("./target"))
          .filter(p -> !p.toString().contains("/rejected/"))
          .sorted().toList();
    }
    int checked = 0;
    for (Path f : files) {
      assertRoundTrips(f.toString(), Files.readString(f));
      checked++;
    }
    for (String block : documentationModels()) {
      assertRoundTrips("docs", block);
      checked++;
    }
    assertFalse(checked == 0, "no models found");
  }

  /** The ```c blocks of docs/*.md that are whole models (they start with a model line). */
  private static List<String> documentationModels() throws IOException {
    List<String> out = new ArrayList<>();
    Pattern block = Pattern.compile("```c\\n(.*?)```", Pattern.DOTALL);
    try (Stream<Path> docs = Files.list(Path.of("docs"))) {
      for (Path doc : docs.filter(p -> p.toString().endsWith(".md")).toList()) {
        Matcher m = block.matcher(Files.readString(doc));
        while (m.find()) {
          String code = m.group(1);
          if (code.lines().anyMatch(l -> l.startsWith("model "))) out.add(code);
        }
      }
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> roundTripsRandomModels() {
    return RandomModels.seeds().mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed,
        () -> assertRoundTrips("random_" + seed + ".pool", RandomModels.text(seed))));
  }
}
