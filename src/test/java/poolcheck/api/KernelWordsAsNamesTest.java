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
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The contextual keywords kernel code uses as names (napi->skip, req->done, a list's in/at) and
 * the declaration words (inline, fairness, liveness, eventually, always) work as a variable, a
 * local, a constant, an enum value, a step label, a process and a bound name, end to end:
 * parsed, checked and explored, each in a model that also uses the keywords where the grammar
 * expects them ('skip;', 'for i in', 'at(p, done)', 'goto done', 'lifo<', 'inline f(',
 * 'fairness weak:', 'liveness n: eventually', 'always eventually'). 'self' stays reserved where
 * an expression could mean the instance and is a name only as a label, a field or a property.
 */
// Builds its own models, writes only in its temporary directory: beside the other classes.
// (junit-platform.properties)
@Execution(ExecutionMode.CONCURRENT)
class KernelWordsAsNamesTest {
  private static final List<String> WORDS = List.of("done", "skip", "in", "at", "fifo", "lifo",
      "inline", "fairness", "liveness", "eventually", "always");

  /**
   * The keywords in their places, none of which changes the state: no state is added (the
   * inline is declared and not expanded; the liveness properties add no state).
   */
  private static final String KEYWORDS = "var stack : lifo<0 .. 1, 1>;\n"
      + "inline pass(back) { through: { goto back; } }\n";
  private static final String TAIL = "skip; for i in 0 .. 1 { skip; } goto done;";

  /** P is the process of the role's model: fair, and it ends, every time and for ever. */
  private static final String LIVENESS = """
      fairness weak: P;
      liveness ends: eventually at(P, done);
      liveness stays: always eventually at(P, done);
      """;

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
          """),
      new Role("field and liveness property", """
          var page : record { W : 0 .. 2, other : bool } = { W: 0, other: false };
          process p { a: { page.W = page.W + 1; } b: { page.W = page.W + 1; TAIL } }
          invariant inv: page.W <= 2 && (at(p, done) => page.W == 2);
          liveness W: eventually page.W == 2;
          """),
      new Role("property", """
          var x : 0 .. 2 = 0;
          process p { a: { x = x + 1; } b: { x = x + 1; TAIL } }
          invariant W: at(p, done) => x == 2;
          """));

  /** Where 'self' cannot mean the instance, so it is a name: a label, a field, a property. */
  private static final List<String> SELF_NAMES = List.of("label",
      "field and liveness property", "property");

  record Role(String name, String body) {
    String model(String word) {
      String liveness = LIVENESS.replace("P", body.contains("process W") ? "W" : "p");
      return "model words;\n" + KEYWORDS
          + (body + liveness).replace("TAIL", TAIL).replace("W", word);
    }
  }

  @TempDir
  Path work;

  /** One word in one role, as a test. */
  private interface NameCase {
    void run(String word, Role role) throws Exception;
  }

  /** Each word in each role it may take: 'done' is no label, 'self' only a label, ... */
  private static Stream<DynamicTest> eachNameRole(NameCase test) {
    Stream<String> words = Stream.concat(WORDS.stream(), Stream.of("self"));
    return words.flatMap(word -> ROLES.stream()
        .filter(role -> !(word.equals("done") && role.name().equals("label")))
        .filter(role -> !word.equals("self") || SELF_NAMES.contains(role.name()))
        .map(role -> DynamicTest.dynamicTest(word + " as a " + role.name(),
            () -> test.run(word, role))));
  }

  @TestFactory
  Stream<DynamicTest> eachWordIsANameInEveryRole() {
    return eachNameRole((word, role) -> {
      ModelCheckResult r = ModelCheck.ofText("words.pool", role.model(word)).exhaustive()
          .assertHolds();
      assertEquals(3, r.statistics().distinct(), role.model(word));
    });
  }

  /**
   * 'self' where an expression could read it stays the instance's index: as a variable, local,
   * constant, enum value, process or bound name it is refused at its place, saying why.
   */
  @TestFactory
  Stream<DynamicTest> selfIsRefusedWhereAnExpressionCouldMeanTheInstance() {
    return ROLES.stream().filter(role -> !SELF_NAMES.contains(role.name()))
        .map(role -> DynamicTest.dynamicTest("self as a " + role.name(), () -> {
          String model = role.model("self");
          InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(
              InvalidInputException.class, () -> ModelCheck.ofText("words.pool", model)
                  .exhaustive());
          String before = model.substring(0, model.indexOf("self"));
          int line = before.split("\n", -1).length;
          int column = before.length() - before.lastIndexOf('\n');
          String first = e.getMessage().lines().findFirst().orElseThrow();
          assertTrue(first.startsWith("words.pool:" + line + ":" + column + ": error PC101: "
              + "unexpected 'self': expected a name as "), first);
          assertTrue(first.endsWith(" ('self' is a keyword: in a process it is the instance's "
              + "index, which a name 'self' would hide; it may name a step, a record field or a "
              + "property)"), first);
        }));
  }

  /**
   * After {@code liveness n:}, 'eventually' and 'always' are the temporal words unless a name
   * reading is the only one that parses ({@code eventually ~> q}, {@code eventually(x) ~> q});
   * a property that is neither says what the temporal word lacks, at its place.
   */
  @Test
  void eventuallyAndAlwaysAfterLivenessReadAsTheOneReadingThatParses() {
    String model = """
        model words;
        var eventually : 0 .. 2 = 0;
        def always(n) = eventually == n;
        process p { a: { eventually = 1; } b: { eventually = 2; } }
        fairness weak: p;
        liveness one: eventually == 1 ~> eventually == 2;
        liveness two: eventually eventually == 2;
        liveness three: always(1) ~> always(2);
        liveness four: always eventually always(2);
        liveness five: eventually (always(2));
        liveness six: eventually - 1 == 0 ~> always(2);
        """;
    ModelCheckResult r = ModelCheck.ofText("words.pool", model).exhaustive().assertHolds();
    assertEquals(3, r.statistics().distinct());
    assertEquals("words.pool:3:20: error PC101: unexpected name 'x': expected 'eventually' after "
        + "'always'", refusal("model w;\nvar x : bool;\nliveness l: always x;\n"));
    assertEquals("words.pool:3:26: error PC101: unexpected '~>': expected ';' after the liveness "
        + "property", refusal("model w;\nvar x : bool;\nliveness l: eventually x ~> x;\n"));
    assertEquals("words.pool:3:10: error PC101: unexpected ':': expected the liveness "
        + "property's name after 'liveness'", refusal("model w;\nvar x : bool;\nliveness : x;\n"));
  }

  private static String refusal(String model) {
    return org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
        () -> ModelCheck.ofText("words.pool", model).exhaustive()).getMessage();
  }

  /** 'done' is the label every process ends at, so a step cannot take it; said as before. */
  @Test
  void doneIsNoStepLabel() {
    InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(
        InvalidInputException.class, () -> ModelCheck.ofText("words.pool",
            ROLES.get(4).model("done")).exhaustive());
    assertEquals("words.pool:5:45: error PC101: unexpected 'done': expected a step label, "
        + "'var' or '}'", e.getMessage());
  }

  /**
   * The Promela export renames a word SPIN reserves (skip, in, inline) and keeps the others; spin
   * accepts each exported model (only where spin is installed, as the SPIN cross-checks).
   */
  @TestFactory
  Stream<DynamicTest> spinAcceptsTheExportOfEachWordAsAName() {
    assumeTrue(installed(), "spin is not installed");
    return eachNameRole((word, role) -> {
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
    });
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
