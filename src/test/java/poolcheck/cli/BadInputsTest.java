package poolcheck.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poolcheck.compile.Models;
import poolcheck.cli.BadInputs.Case;
import poolcheck.cli.BadInputs.Family;
import poolcheck.compile.CompiledModel;
import poolcheck.system.Property;

/**
 * The acceptance test of hostile input (issue 18): a seeded generator of bad inputs runs the
 * command line's entry point, and every outcome must be one of rejected with a coded diagnostic
 * (exit 2, {@code file:line:column: error PCnnn}), rejected as bad usage (exit 2, one line),
 * verified (0), violated (1) or stopped by a limit (3). A stack trace, an uncaught exception, an
 * internal error, a hang (per-case timeout) or a changed input fails it.
 */
class BadInputsTest {
  /** Per case on an idle machine; generous, as the machine is shared. */
  private static final long TIMEOUT_SECONDS = 15;

  /**
   * The per-case timeout, stretched by the load per core when it is above 1 (as
   * scripts/suite-report.sh stretches the suite's budget): at load 14 on two cores a legitimate
   * case took longer than 15 s. An input that hangs never stops, so a longer wait still tells.
   */
  private static long timeoutSeconds() {
    double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        .getSystemLoadAverage() / Runtime.getRuntime().availableProcessors();
    return Math.round(TIMEOUT_SECONDS * Math.max(1.0, Math.min(load, 8.0)));
  }

  /**
   * Failures that belong to areas fixed on other branches, tolerated here so that this test
   * states the rule strictly and still passes before they are merged. The integrator deletes
   * this list after merging frontend and arith and sees the test go green (or what remains).
   */
  static final List<Known> KNOWN_FAILING_UNTIL_MERGE = List.of();

  /**
   * Inputs not run in-process until the same merge, because they hang or exhaust the heap and a
   * thread cannot be stopped from outside: the named families' fixes bound them at load time.
   */
  static final List<Known> SKIPPED_UNTIL_MERGE = List.of();

  /** A failure a family shows until {@code branch} is merged ({@code family} null: any). */
  record Known(Family family, String whatContains, Problem problem, String branch) {
    boolean covers(Case c, Problem p) {
      return (family == null || family == c.family()) && c.what().contains(whatContains)
          && (problem == p || problem == Problem.HANG);
    }
  }

  enum Outcome { CODED, USAGE, VERIFIED, VIOLATED, LIMIT, HELP }

  enum Problem {
    STACK_TRACE, UNCAUGHT, HANG, INTERNAL_ERROR, UNCODED, NOT_ONE_LINE, EXIT_STATUS,
    NOTHING_CHECKED, NO_VERDICT, INPUT_CHANGED, WRONG_OUTCOME, TRACE_DOES_NOT_REPLAY
  }

  /** What one case did: an outcome, or the problem that fails the test. */
  record Result(Case c, int status, String out, String err, Outcome outcome, Problem problem) {
    @Override
    public String toString() {
      return c + "\n    -> " + (problem != null ? problem : outcome) + ", exit " + status
          + "\n    stderr: " + head(err) + "\n    stdout: " + head(out);
    }

    private static String head(String s) {
      String t = s.strip().replace("\n", "\n            ");
      return t.length() > 600 ? t.substring(0, 600) + "..." : t;
    }
  }

  @TempDir
  Path tmp;

  @Test
  void everyGeneratedBadInputEndsInAClassifiedOutcome() throws Exception {
    check(20261203L, 280, false);
  }

  @Tag("slow")
  @Test
  void thousandsOfGeneratedBadInputsEndInAClassifiedOutcome() throws Exception {
    // every family (cases take them in turn) about a hundred times
    check(Long.getLong("badinputs.seed", 7L), 1500, true);
  }

  /**
   * As separate processes, the way a user runs it: an OS kill or a crash of the JVM shows as an
   * exit status, and inputs that hang can be killed, so the skipped ones run here too (a hang
   * of theirs is tolerated until the merge).
   */
  @Tag("slow")
  @Test
  void badInputsAsSeparateProcessesEndInAClassifiedOutcome() throws Exception {
    BadInputs generator = new BadInputs(Long.getLong("badinputs.seed", 11L), tmp, false);
    List<Result> failures = new ArrayList<>();
    int tolerated = 0;
    int cases = 84;
    List<Case> all = new ArrayList<>();
    for (int id = 0; id < cases; id++) {
      Case c = generator.next(id);
      // no process can be given an argument with a NUL byte in it
      if (c.args().stream().anyMatch(a -> a.indexOf('\0') >= 0)) continue;
      all.add(c);
    }
    // two JVMs at a time: each is mostly start-up, one core's worth
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    List<java.util.concurrent.Future<Result>> runs = new ArrayList<>();
    try {
      for (Case c : all) runs.add(pool.submit(() -> runProcess(c)));
    } finally {
      pool.shutdown();
    }
    for (int i = 0; i < all.size(); i++) {
      Case c = all.get(i);
      Result r = runs.get(i).get();
      if (r.problem() == null) continue;
      if (KNOWN_FAILING_UNTIL_MERGE.stream().anyMatch(k -> k.covers(c, r.problem()))
          || SKIPPED_UNTIL_MERGE.stream().anyMatch(k -> k.covers(c, Problem.HANG))) {
        tolerated++;
      } else {
        failures.add(r);
      }
    }
    System.out.println("bad inputs as processes: " + cases + " cases, tolerated until merge: "
        + tolerated);
    if (!failures.isEmpty()) {
      StringBuilder b = new StringBuilder(failures.size() + " bad inputs without a clean "
          + "outcome:\n");
      failures.stream().limit(25).forEach(f -> b.append(f).append('\n'));
      fail(b.toString());
    }
  }

  private static Result runProcess(Case c) throws Exception {
    Map<Path, byte[]> before = snapshot(c);
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xss8m",
        "-Xmx1g", "-cp", System.getProperty("java.class.path"), "poolcheck.cli.Main"));
    command.addAll(c.args());
    Path out = Files.createTempFile("bad-input", ".out");
    Path err = Files.createTempFile("bad-input", ".err");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    try {
      if (!p.waitFor(timeoutSeconds() + 5, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
        return new Result(c, -1, Files.readString(out), Files.readString(err), null,
            Problem.HANG);
      }
      return classify(c, p.exitValue(), Files.readString(out), Files.readString(err), null,
          before);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private void check(long seed, int cases, boolean thorough) throws Exception {
    BadInputs generator = new BadInputs(seed, tmp, thorough);
    List<Result> failures = new ArrayList<>();
    List<Result> tolerated = new ArrayList<>();
    Map<Family, Map<String, Integer>> table = new EnumMap<>(Family.class);
    Map<Family, Long> millis = new EnumMap<>(Family.class);
    int skipped = 0;
    int hangs = 0;
    long start = System.nanoTime();
    for (int id = 0; id < cases; id++) {
      Case c = generator.next(id);
      if (SKIPPED_UNTIL_MERGE.stream().anyMatch(k -> k.covers(c, Problem.HANG))) {
        skipped++;
        continue;
      }
      long t0 = System.nanoTime();
      Result r = run(c);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      millis.merge(c.family(), ms, Long::sum);
      if (ms > 1500) System.out.println("  slow case, " + ms + " ms: " + c);
      String key = r.problem() != null ? r.problem().name() : r.outcome().name();
      table.computeIfAbsent(c.family(), f -> new TreeMap<>()).merge(key, 1, Integer::sum);
      if (r.problem() == null) continue;
      if (KNOWN_FAILING_UNTIL_MERGE.stream().anyMatch(k -> k.covers(c, r.problem()))) {
        tolerated.add(r);
      } else {
        failures.add(r);
      }
      // A thread that hangs cannot be stopped; two are enough to say so.
      if (r.problem() == Problem.HANG && ++hangs >= 2) break;
    }
    System.out.printf("bad inputs: seed %d, %d cases (%d skipped until merge) in %.1f s%n", seed,
        cases, skipped, (System.nanoTime() - start) / 1e9);
    table.forEach((f, counts) -> System.out.println("  " + f + " " + counts + " "
        + millis.get(f) + " ms"));
    System.out.println("  tolerated until merge: " + tolerated.size());
    tolerated.forEach(t -> System.out.println("  tolerated: " + t.c() + " -> " + t.problem()
        + ": " + t.err().lines().findFirst().orElse("")));
    if (!failures.isEmpty()) {
      StringBuilder b = new StringBuilder(failures.size() + " bad inputs without a clean "
          + "outcome (seed " + seed + "):\n");
      failures.stream().limit(25).forEach(f -> b.append(f).append('\n'));
      fail(b.toString());
    }
  }

  private static final Pattern VERIFIED_LINE = Pattern.compile("(?m)^verified: ");
  private static final Pattern CODED = Pattern.compile(".+:\\d+:\\d+: error PC\\d{3}: .+");
  private static final Pattern STACK = Pattern.compile(
      "(?m)^\\s+at [\\w.$/]+\\(.*\\)$|^Exception in thread|^Caused by: ");

  private static Map<Path, byte[]> snapshot(Case c) throws IOException {
    Map<Path, byte[]> before = new TreeMap<>();
    for (Path p : c.inputs()) {
      if (Files.isRegularFile(p)) before.put(p, Files.readAllBytes(p));
    }
    return before;
  }

  static Result run(Case c) throws Exception {
    Map<Path, byte[]> before = snapshot(c);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int[] status = {-1};
    Throwable[] thrown = {null};
    // The launcher runs with -Xss8m: so does the thread a case runs on.
    Thread t = new Thread(null, () -> {
      try {
        status[0] = Main.run(c.args().toArray(String[]::new), new PrintWriter(out, true),
            new PrintWriter(err, true));
      } catch (Throwable e) {
        thrown[0] = e;
      }
    }, "bad-input-" + c.id(), 8L << 20);
    t.setDaemon(true);
    t.start();
    t.join(TimeUnit.SECONDS.toMillis(timeoutSeconds()));
    if (t.isAlive()) {
      t.interrupt();
      return new Result(c, -1, out.toString(), err.toString(), null, Problem.HANG);
    }
    return classify(c, status[0], out.toString(), err.toString(), thrown[0], before);
  }

  private static Result classify(Case c, int status, String o, String e, Throwable thrown,
      Map<Path, byte[]> before) throws IOException {
    Problem p = problem(c, status, o, e, thrown);
    for (Map.Entry<Path, byte[]> in : before.entrySet()) {
      if (p == null && !(Files.isRegularFile(in.getKey())
          && Arrays.equals(in.getValue(), Files.readAllBytes(in.getKey())))) {
        p = Problem.INPUT_CHANGED;
      }
    }
    Outcome outcome = p == null ? outcome(c, status, e) : null;
    if (outcome != null && !c.only().isEmpty() && !c.only().contains(outcome.name())) {
      return new Result(c, status, o, e, null, Problem.WRONG_OUTCOME);
    }
    return new Result(c, status, o, e, outcome, p);
  }

  private static Problem problem(Case c, int status, String out, String err, Throwable thrown) {
    if (thrown != null) return Problem.UNCAUGHT;
    if (err.contains("poolcheck: internal error:")) return Problem.INTERNAL_ERROR;
    if (STACK.matcher(err).find() || STACK.matcher(out).find()) return Problem.STACK_TRACE;
    String command = c.args().isEmpty() ? "" : c.args().get(0);
    switch (status) {
      case 0 -> {
        if (helpAsked(c)) return null;
        // -q prints the verdict line alone, first
        if (command.equals("check") && !VERIFIED_LINE.matcher(out).find()) {
          return Problem.NO_VERDICT;
        }
        if (command.equals("replay") && !out.startsWith("replayed ")) return Problem.NO_VERDICT;
        if (c.content() && (command.equals("check") || command.equals("simulate"))
            && nothingToCheck(Path.of(c.args().get(c.args().size() - 1)))) {
          return Problem.NOTHING_CHECKED;
        }
        return null;
      }
      case 1 -> {
        if (command.equals("replay")) {
          return err.contains("no longer matches the model") ? null : Problem.NO_VERDICT;
        }
        if (!out.contains("violated: ")) return Problem.NO_VERDICT;
        return command.equals("check") && !counterexampleReplays(c)
            ? Problem.TRACE_DOES_NOT_REPLAY : null;
      }
      case 2 -> {
        List<String> lines = err.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) return Problem.NOT_ONE_LINE;
        if (lines.stream().allMatch(l -> CODED.matcher(l).matches())) return null;
        if (c.content()) return Problem.UNCODED;
        return lines.size() == 1 && lines.get(0).startsWith("poolcheck: ") ? null
            : Problem.NOT_ONE_LINE;
      }
      case 3 -> {
        return out.contains("incomplete: ") || err.contains("out of memory") ? null
            : Problem.NO_VERDICT;
      }
      default -> {
        return Problem.EXIT_STATUS;
      }
    }
  }

  private static Outcome outcome(Case c, int status, String err) {
    return switch (status) {
      case 0 -> helpAsked(c) ? Outcome.HELP : Outcome.VERIFIED;
      case 1 -> Outcome.VIOLATED;
      case 2 -> CODED.matcher(err.lines().findFirst().orElse("")).matches() ? Outcome.CODED
          : Outcome.USAGE;
      default -> Outcome.LIMIT;
    };
  }

  private static boolean helpAsked(Case c) {
    return c.args().stream().anyMatch(a -> List.of("-h", "--help", "-V", "--version")
        .contains(a));
  }

  /**
   * A violation's counterexample, from the --json result a check case writes, replayed on the
   * model it was found on: a verdict from a broken input still has to be a real run.
   */
  private static boolean counterexampleReplays(Case c) {
    int json = c.args().indexOf("--json");
    if (json < 0 || !c.content()) return true;
    Path result = Path.of(c.args().get(json + 1));
    if (!Files.isRegularFile(result)) return false;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(new String[] {"replay", c.args().get(c.args().size() - 1),
        result.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
    return status == 0;
  }

  /** Whether a model that "verified" had no step to take or no property to check. */
  private static boolean nothingToCheck(Path model) {
    try {
      CompiledModel m = Models.load(model);
      return m.transitions().isEmpty() || m.properties().stream()
          .noneMatch(p -> p.kind() != Property.Kind.RUNTIME);
    } catch (IOException | poolcheck.language.ModelException | RuntimeException
        | StackOverflowError e) {
      // not loadable here: the run's own outcome stands
      return false;
    }
  }

  @Test
  void theClassificationRejectsAStackTraceAndAnUncodedModelError() throws Exception {
    // The rule above cannot pass vacuously: a case whose output carries a stack trace, or a bad
    // model rejected without a code, is a problem.
    Case c = new Case(0, Family.TRUNCATION, "test", List.of("check", "x.pool"), true, List.of());
    assertTrue(problem(c, 2, "", "java.lang.RuntimeException: x\n\tat a.B.c(B.java:1)\n", null)
        == Problem.STACK_TRACE);
    assertTrue(problem(c, 2, "", "poolcheck: Input length = 1\n", null) == Problem.UNCODED);
    assertTrue(problem(c, 2, "", "x.pool:1:2: error PC101: unexpected\n", null) == null);
    assertTrue(problem(c, 1, "", "", null) == Problem.NO_VERDICT);
    assertTrue(problem(c, 5, "", "", null) == Problem.EXIT_STATUS);
  }
}
