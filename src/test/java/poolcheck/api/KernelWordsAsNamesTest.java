package poolcheck.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contextual keywords kernel code uses as names (napi->skip, req->done, a list's in/at) work
 * as a variable, a local, a constant, an enum value, a step label, a process and a bound name,
 * end to end: parsed, checked and explored, each in a model that also uses the keywords where
 * the grammar expects them ('skip;', 'for i in', 'at(p, done)', 'goto done', 'lifo<').
 */
class KernelWordsAsNamesTest {
  private static final List<String> WORDS = List.of("done", "skip", "in", "at", "fifo", "lifo");

  /** The keywords in their places, none of which changes the state: no state is added. */
  private static final String KEYWORDS = "var stack : lifo<0 .. 1, 1>;\n";
  private static final String TAIL = "skip; for i in 0 .. 1 { skip; } goto done;";

  /**
   * Each model has one process of two steps without choice, so three states: the start, after
   * the first step, at 'done'. {@code W} is the word.
   */
  private static final List<Role> ROLES = List.of(
      new Role("variable", """
          var W : 0 .. 2 = 0;
          process p { a: { W = W + 1; } b: { W = W + 1; TAIL } }
          invariant inv: W <= 2 && (at(p, done) => W == 2);
          """),
      new Role("local", """
          process p { var W : 0 .. 2 = 0; a: { W = W + 1; } b: { W = W + 1; TAIL } }
          invariant inv: p.W <= 2 && (at(p, done) => p.W == 2);
          """),
      new Role("constant", """
          const W = 2;
          var x : 0 .. W = 0;
          process p { a: { x = x + 1; } b: { x = W; TAIL } }
          invariant inv: x <= W && (at(p, done) => x == W);
          """),
      new Role("enum value", """
          enum E { other, W }
          var x : E = other;
          process p { a: { x = W; } b: { x = other; TAIL } }
          invariant inv: at(p, b) => x == W;
          """),
      new Role("label", """
          var x : 0 .. 2 = 0;
          process p { a: { goto W; } b: { x = 1; } W: { x = 2; TAIL } }
          invariant inv: (at(p, W) => x == 0) && !at(p, b);
          """),
      new Role("process", """
          var x : 0 .. 2 = 0;
          process W { a: { x = x + 1; } b: { x = x + 1; TAIL } }
          invariant inv: at(W, done) => x == 2;
          """),
      new Role("bound name", """
          var x : 0 .. 2 = 0;
          process p { a: { x = x + 1; } b: { choose W in 1 .. 1 { x = x + W; } TAIL } }
          invariant inv: (forall W in 0 .. 1: W < 2) && (count W in 0 .. 2: W < x) == x;
          """));

  record Role(String name, String body) {
    String model(String word) {
      return "model words;\n" + KEYWORDS + body.replace("TAIL", TAIL).replace("W", word);
    }
  }

  @TempDir
  Path work;

  @TestFactory
  Stream<DynamicTest> eachWordIsANameInEveryRole() {
    return WORDS.stream().flatMap(word -> ROLES.stream()
        .filter(role -> !(word.equals("done") && role.name().equals("label")))
        .map(role -> DynamicTest.dynamicTest(word + " as a " + role.name(), () -> {
          ModelCheckResult r = ModelCheck.ofText("words.pool", role.model(word)).exhaustive()
              .assertHolds();
          assertEquals(3, r.statistics().distinct(), role.model(word));
        })));
  }

  /** 'done' is the label every process ends at, so a step cannot take it; said as before. */
  @Test
  void doneIsNoStepLabel() {
    InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(
        InvalidInputException.class, () -> ModelCheck.ofText("words.pool",
            ROLES.get(4).model("done")).exhaustive());
    assertEquals("words.pool:4:45: error PC101: unexpected 'done': expected a step label, "
        + "'var' or '}'", e.getMessage());
  }

  /**
   * The Promela export renames a word SPIN reserves (skip, in) and keeps the others; spin
   * accepts each exported model (only where spin is installed, as the SPIN cross-checks).
   */
  @TestFactory
  Stream<DynamicTest> spinAcceptsTheExportOfEachWordAsAName() {
    assumeTrue(installed(), "spin is not installed");
    return WORDS.stream().flatMap(word -> ROLES.stream()
        .filter(role -> !(word.equals("done") && role.name().equals("label")))
        .map(role -> DynamicTest.dynamicTest(word + " as a " + role.name(), () -> {
          String promela = Export.ofText("words.pool", role.model(word), ExportTarget.PROMELA)
              .prepare().promela();
          Path dir = Files.createDirectories(work.resolve(word + "-" + role.name().replace(' ',
              '_')));
          Files.writeString(dir.resolve("model.pml"), promela);
          Process p = new ProcessBuilder("spin", "-a", "model.pml").directory(dir.toFile())
              .redirectErrorStream(true).start();
          String out = new String(p.getInputStream().readAllBytes());
          assertTrue(p.waitFor(60, TimeUnit.SECONDS));
          assertEquals(0, p.exitValue(), out + "\n" + promela);
          assertTrue(Files.exists(dir.resolve("pan.c")), out + "\n" + promela);
        })));
  }

  private static boolean installed() {
    try {
      Process p = new ProcessBuilder("spin", "-V").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
