package poolcheck.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import poolcheck.cli.Main;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Models;
import poolcheck.language.Diagnostic;
import poolcheck.language.ModelException;

/**
 * Generated bad input, seeded: truncations of every shipped design at many byte offsets, random
 * byte mutations, bytes that are not UTF-8, sizes from 1 to int-max, and paths that are not model
 * files. Each outcome is classified: loaded, or rejected with coded diagnostics at real positions
 * (or, for a path, an IOException that names it). Anything else (another exception, a
 * StackOverflowError, a hang past the per-case timeout) fails. A few hundred cases here; the
 * slow tier runs thousands.
 */
class HostileInputTest {
  private static final Pattern CODE = Pattern.compile("PC\\d{3}");
  private static final Duration PER_CASE = Duration.ofSeconds(20);

  @TempDir
  Path tmp;

  /** A shipped design with its include spliced in, so that it can be cut anywhere. */
  record Design(String name, String text) {}

  static List<Design> designs() throws IOException {
    List<Design> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("models"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".pool")).sorted().toList()) {
        String text = Files.readString(f);
        StringBuilder flat = new StringBuilder();
        for (String line : text.split("\n", -1)) {
          if (line.startsWith("include \"")) {
            String inc = line.substring(9, line.indexOf('"', 9));
            flat.append(Files.readString(f.resolveSibling(inc)));
          } else {
            flat.append(line);
          }
          flat.append('\n');
        }
        out.add(new Design(f.getFileName().toString(), flat.toString()));
      }
    }
    assertTrue(out.size() >= 6, "the shipped designs");
    return out;
  }

  /** What a load did: the model, or the diagnostics. Any other outcome fails the test. */
  private static List<Diagnostic> outcome(Loader load) {
    return assertTimeoutPreemptively(PER_CASE, () -> {
      try {
        CompiledModel m = load.run();
        assertTrue(m.instances() > 0, "a loaded model has a process");
        return List.of();
      } catch (ModelException e) {
        assertFalse(e.diagnostics().isEmpty());
        for (Diagnostic d : e.diagnostics()) {
          assertTrue(CODE.matcher(d.code()).matches(), d.render());
          assertTrue(d.position().line() >= 1 && d.position().column() >= 1, d.render());
        }
        return e.diagnostics();
      }
    });
  }

  interface Loader {
    CompiledModel run() throws Exception;
  }

  private static boolean declaresAProcess(String text) {
    return Pattern.compile("(?m)^\\s*process\\s+\\w+[^{]*\\{[\\s\\S]*\\}").matcher(text).find();
  }

  private static Stream<DynamicTest> truncations(int perDesign, long seed) throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    SplittableRandom rng = new SplittableRandom(seed);
    for (Design d : designs()) {
      for (int k = 0; k < perDesign; k++) {
        int cut = k == 0 ? 0 : rng.nextInt(d.text().length());
        String text = d.text().substring(0, cut);
        tests.add(DynamicTest.dynamicTest(d.name() + " cut at " + cut, () -> {
          List<Diagnostic> found = outcome(() -> Models.fromText(d.name(), text));
          if (!declaresAProcess(text)) {
            assertFalse(found.isEmpty(), "a model cut before its first process never loads");
          }
        }));
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> truncatedDesignsAreRejectedWithCodesOrLoad() throws IOException {
    return truncations(25, 18);
  }

  /** Eight times the default tier's offsets (each case parses a whole design: ~10 ms). */
  @Tag("slow")
  @TestFactory
  Stream<DynamicTest> truncatedDesignsAtManyOffsets() throws IOException {
    return truncations(200, 1812);
  }

  /** Random edits of the bytes of a design, loaded from a file. */
  private Stream<DynamicTest> mutations(int perDesign, long seed) throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    SplittableRandom rng = new SplittableRandom(seed);
    byte[] odd = {0, (byte) 0xff, (byte) 0xc3, '\r', '{', '}', '(', ')', ';', '/', '*', '"'};
    for (Design d : designs()) {
      byte[] original = d.text().getBytes(StandardCharsets.UTF_8);
      for (int k = 0; k < perDesign; k++) {
        byte[] bytes = original.clone();
        int edits = 1 + rng.nextInt(4);
        for (int e = 0; e < edits; e++) {
          bytes[rng.nextInt(bytes.length)] = odd[rng.nextInt(odd.length)];
        }
        String name = d.name() + " mutation " + k;
        tests.add(DynamicTest.dynamicTest(name, () -> {
          Path f = tmp.resolve("m" + Math.abs(name.hashCode()) + ".pool");
          Files.write(f, bytes);
          outcome(() -> Models.load(f));
        }));
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> mutatedBytesAreRejectedWithCodesOrLoad() throws IOException {
    return mutations(15, 12);
  }

  /** Ten times the default tier's mutations. */
  @Tag("slow")
  @TestFactory
  Stream<DynamicTest> manyMutatedBytes() throws IOException {
    return mutations(150, 1212);
  }

  @TestFactory
  Stream<DynamicTest> aByteThatIsNotUtf8IsPlacedExactly() {
    SplittableRandom rng = new SplittableRandom(4);
    String model = "model m;\r\nvar x : 0 .. 3 = 0;\rprocess p { s: { x = 1; } }\n"
        + "// a comment with a UTF-8 letter: \u00e9 and more\ninvariant i: x <= 3;\n";
    return IntStream.range(0, 40).mapToObj(k -> {
      byte[] text = model.getBytes(StandardCharsets.UTF_8);
      int at = rng.nextInt(text.length);
      while ((text[at] & 0xc0) == 0x80 || (text[at] & 0xff) >= 0xc0) at = (at + 1) % text.length;
      int offset = at;
      return DynamicTest.dynamicTest("bad byte at " + offset, () -> {
        byte[] bad = text.clone();
        bad[offset] = (byte) (0x80 + rng.nextInt(0x40));
        Path f = tmp.resolve("bad" + offset + ".pool");
        Files.write(f, bad);
        List<Diagnostic> found = outcome(() -> Models.load(f));
        assertEquals(1, found.size(), found.toString());
        assertEquals("PC004", found.get(0).code());
        String before = new String(text, 0, offset, StandardCharsets.UTF_8);
        String[] lines = before.split("\r\n|\r|\n", -1);
        assertEquals(lines.length, found.get(0).position().line(), found.get(0).render());
        assertEquals(lines[lines.length - 1].length() + 1, found.get(0).position().column(),
            found.get(0).render());
      });
    });
  }

  /** One size in a model: slots, capacity, domain, scalarset. Small ones load, big ones PC12x. */
  private static String sized(int kind, long n) {
    long hi = Math.min(n - 1, Integer.MAX_VALUE);
    return switch (kind) {
      case 0 -> "var a : bool[0 .. " + hi + "] = false;\nprocess p { s: { a[0] = true; } }";
      case 1 -> "var f : fifo<bool, " + Math.max(1, hi) + ">;\nprocess p { s: { push(f, true); } }";
      case 2 -> "var x : 0 .. 1 = 0;\nprocess p { s: { choose v in 0 .. " + Math.min(hi,
          Integer.MAX_VALUE - 1) + " { x = 1; } } }";
      case 3 -> "var x : 0 .. 1 = 0;\nprocess p { s: { x = 1; } }\ninvariant i: exists v in 0 .. "
          + Math.min(hi, Integer.MAX_VALUE - 1) + ": x <= 1;";
      case 4 -> "var x : 0 .. 1 = 0;\nprocess p { s: { for v in 0 .. " + Math.min(hi,
          Integer.MAX_VALUE - 1) + " { x = 1; } } }";
      default -> "type S = scalarset(" + Math.max(1, Math.min(n, 100_000)) + ");\n"
          + "var held : bool[S] = false;\nprocess p { s: { choose q in S { held[q] = true; } } }";
    };
  }

  @TestFactory
  Stream<DynamicTest> sizesFromOneToIntMaxLoadOrAreRejectedWithACode() {
    SplittableRandom rng = new SplittableRandom(7);
    long[] magnitudes = {1, 2, 9, 12, 100, 1_000, 4_000, 5_000, 65_536, 65_537, 1_000_000,
        100_000_000, Integer.MAX_VALUE};
    List<DynamicTest> tests = new ArrayList<>();
    for (int kind = 0; kind <= 5; kind++) {
      for (long m : magnitudes) {
        long n = Math.max(1, m + (m > 10 ? rng.nextInt(3) - 1 : 0));
        String text = sized(kind, n);
        tests.add(DynamicTest.dynamicTest("kind " + kind + " size " + n, () -> {
          List<Diagnostic> found = outcome(() -> {
            CompiledModel model = Models.fromText("sized.pool", text);
            int[][] first = new int[1][];
            model.initialStates(model.newFrame(model.allChecked()), new poolcheck.system
                .SuccessorSink() {
              @Override
              public void successor(int[] next, int transition) {
                if (first[0] == null) first[0] = next.clone();
              }

              @Override
              public void violation(int property, int[] at, int transition) {}
            });
            return model;
          });
          for (Diagnostic d : found) {
            assertTrue(d.code().equals("PC141") || d.code().equals("PC142"), d.render());
          }
          if (n <= 9) assertTrue(found.isEmpty(), "a small model loads: " + found);
        }));
      }
    }
    return tests.stream();
  }

  @Test
  void aScalarsetOfNineValuesLoadsWithoutSymmetryAndSaysSo() throws Exception {
    CompiledModel m = Models.fromText("s.pool", sized(5, 9));
    assertFalse(m.reducesSymmetry());
    assertEquals(1, m.warnings().size(), m.warnings().toString());
    assertEquals("PC145", m.warnings().get(0).code());
    assertTrue(m.warnings().get(0).message().contains("362880 permutations"),
        m.warnings().get(0).message());
    CompiledModel eight = Models.fromText("s.pool", sized(5, 8));
    assertTrue(eight.reducesSymmetry());
    assertTrue(eight.warnings().isEmpty());
  }

  /** The CLI's answer to a path: exit 2 and one line, never a stack trace. */
  private static String cliRejects(String path) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = assertTimeoutPreemptively(PER_CASE, () -> Main.run(
        new String[] {"check", path}, new PrintWriter(out, true), new PrintWriter(err, true)));
    assertEquals(2, status, err.toString());
    assertFalse(err.toString().contains("\tat "), err.toString());
    assertTrue(err.toString().startsWith("poolcheck: "), err.toString());
    return err.toString();
  }

  @Test
  void pathsThatAreNotModelFilesAreUsageErrors() throws IOException {
    assertTrue(cliRejects(tmp.toString()).contains("is a directory"));
    assertTrue(cliRejects(tmp.resolve("missing.pool").toString()).contains("no such file"));
    assertTrue(cliRejects("bad\0path.pool").contains("poolcheck:"));
    if (Files.exists(Path.of("/dev/zero"))) {
      assertTrue(cliRejects("/dev/zero").contains("not a regular file"));
    }
    Path big = tmp.resolve("big.pool");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(17L << 20); // sparse: no disk used
    }
    assertTrue(cliRejects(big.toString()).contains("too large"));
  }

  @Test
  void aNamedPipeIsNotReadAsAModel() throws Exception {
    Path fifo = tmp.resolve("pipe.pool");
    Process mk;
    try {
      mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (IOException e) {
      return; // no mkfifo here: nothing to test
    }
    if (mk.waitFor() != 0) return;
    assertTrue(cliRejects(fifo.toString()).contains("not a regular file"));
  }

  @Test
  void emptyWhitespaceAndCommentFilesAreNothingToCheck() {
    for (String text : List.of("", "   \n\t\n", "// only a comment\n", "/* block */",
        "model x;\n", "model x;\nconst A = 1;\n")) {
      List<Diagnostic> found = outcome(() -> Models.fromText("e.pool", text));
      assertEquals(1, found.size(), text + ": " + found);
      assertEquals("PC143", found.get(0).code(), text);
    }
  }

  @Test
  void lineEndsOfEveryKindGiveTheSamePositions() {
    String lf = "model m;\n// a comment\nvar x : 0 .. 3 = 0;\nprocess p { s: { x = y; } }\n";
    Diagnostic expected = outcome(() -> Models.fromText("l.pool", lf)).get(0);
    for (String end : List.of("\r\n", "\r")) {
      Diagnostic d = outcome(() -> Models.fromText("l.pool", lf.replace("\n", end))).get(0);
      assertEquals(expected, d, end.equals("\r") ? "CR" : "CRLF");
    }
  }

  @Test
  void anOverrideOutOfRangeOnEveryDesignIsOneError() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("models"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".pool")).sorted().toList()) {
        for (String bad : List.of("0", "-1", "99", "two", "2147483648")) {
          List<Diagnostic> found = outcome(() -> Models.load(f, Map.of("PAGES", bad)));
          assertEquals(1, found.size(), f + " -D PAGES=" + bad + ":\n" + found);
        }
      }
    }
  }

  @Test
  void noDiagnosticRepeatsAPosition() {
    String text = "var x : 0 .. 3 = 0;\nprocess p[5] { s: { x = y; } t: { x = z; } }\n";
    List<Diagnostic> found = outcome(() -> Models.fromText("r.pool", text));
    assertEquals(2, found.size(), found.toString());
    if (found.size() > 1 && found.get(0).position().equals(found.get(1).position())) fail();
  }
}
