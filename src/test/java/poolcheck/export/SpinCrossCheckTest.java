package poolcheck.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Compiler;
import poolcheck.system.Property;
import poolcheck.explore.Explorer;
import poolcheck.language.ModelException;
import poolcheck.language.ModelLoader;
import poolcheck.language.ParsedModel;
import poolcheck.result.CheckResult;
import poolcheck.result.Counterexample;
import poolcheck.result.TraceStep;
import poolcheck.result.Verdict;
import poolcheck.trace.JsonTrace;
import poolcheck.trace.Replay;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * SPIN, an independent checker, must agree with poolcheck on every model: the same verdict, the
 * same violated property, counterexamples of the documented length and, for a complete search,
 * the documented number of states. Runs only where spin and gcc are installed (.ci/run installs
 * them).
 */
// SPIN and gcc do most of the work, in their own processes: beside the other classes. (junit-platform.properties)
@Execution(ExecutionMode.CONCURRENT)
class SpinCrossCheckTest {
  /** Beyond this many states a model is too slow for the unit tests; benchmarks cover it. */
  private static final long MAX_STATES = 200_000;
  private static final int RANDOM_MODELS = 12;

  @TempDir
  static Path work;

  @BeforeAll
  static void needsSpinAndGcc() {
    assumeTrue(installed("spin", "-V"), "spin is not installed");
    assumeTrue(installed("gcc", "--version"), "gcc is not installed");
  }

  /**
   * The export's own models, the examples and the shipped ones but the page_pool designs other
   * than v6.12 (those share one model whose export is a minute of gcc in all) and the
   * regression corpus (a verifier each, 61 of them): the slow tier cross-checks those (below).
   */
  @TestFactory
  Stream<DynamicTest> spinAgreesWithPoolcheckOnEveryModel() {
    return ExportedModels.files().stream().filter(f -> !slowDesign(f))
        .map(f -> DynamicTest.dynamicTest(f.toString(), () -> crossCheck(f)));
  }

  @org.junit.jupiter.api.Tag("slow")
  @TestFactory
  Stream<DynamicTest> spinAgreesWithPoolcheckOnTheCorpusAndEveryPagePoolDesign() {
    return ExportedModels.files().stream().filter(SpinCrossCheckTest::slowDesign)
        .map(f -> DynamicTest.dynamicTest(f.toString(), () -> crossCheck(f)));
  }

  private static boolean slowDesign(Path f) {
    String name = f.getFileName().toString();
    return f.startsWith("src/test/resources/corpus") || f.startsWith("models")
        && name.startsWith("page_pool_") && !name.equals("page_pool_v6_12.pool");
  }

  /** -D values reach the export: the same models with other constants. */
  @TestFactory
  Stream<DynamicTest> spinAgreesWithPoolcheckWithOverriddenConstants() {
    return Stream.of(
        DynamicTest.dynamicTest("lost_update -D CPUS=3", () -> crossCheck(
            Path.of("src/test/resources/export/lost_update.pool"), Map.of("CPUS", "3"))),
        DynamicTest.dynamicTest("features -D K=1", () -> crossCheck(
            Path.of("src/test/resources/export/features.pool"), Map.of("K", "1"))),
        DynamicTest.dynamicTest("assert_depth -D LIMIT=8", () -> crossCheck(
            Path.of("src/test/resources/export/assert_depth.pool"), Map.of("LIMIT", "8"))));
  }

  /**
   * The reference model one property at a time, as check --property runs them: most are
   * verified alone, which compares complete state spaces of the real model. (One model only:
   * each SPIN run compiles a verifier; the TLA+ cross-check covers every shipped model.) A
   * cross-check at size, so in the slow tier.
   */
  @org.junit.jupiter.api.Tag("slow")
  @TestFactory
  Stream<DynamicTest> spinAgreesWithPoolcheckOnEachPropertyOfTheReferenceModel() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : ExportedModels.files()) {
      String name = file.getFileName().toString();
      if (!name.equals("page_pool_v6_12.pool") && !name.equals("features.pool")) continue;
      ExportedModels.Loaded m = ExportedModels.load(file);
      if (m == null) continue;
      for (Property p : m.model().properties()) {
        if (p.kind() == Property.Kind.RUNTIME || !Checked.exportable(p)) continue;
        tests.add(DynamicTest.dynamicTest(file + " --property " + p.name(),
            () -> crossCheck(file, Map.of(), Set.of(p.name()))));
      }
    }
    return tests.stream();
  }

  private static void crossCheck(Path file) throws Exception {
    crossCheck(file, Map.of());
  }

  private static void crossCheck(Path file, Map<String, String> constants) throws Exception {
    crossCheck(file, constants, null);
  }

  /** {@code properties} null checks all, as poolcheck check does by default. */
  private static void crossCheck(Path file, Map<String, String> constants,
      Set<String> properties) throws Exception {
    ExportedModels.Loaded m = ExportedModels.load(file, constants);
    assumeTrue(m != null, file + " is bad input on purpose");
    crossCheck(m, m.shape().name() + constants.hashCode() + (properties == null ? ""
        : "-" + String.join("-", properties)), properties);
  }

  /** Random models, where several properties often break at the same shortest depth. */
  @TestFactory
  Stream<DynamicTest> spinAgreesWithPoolcheckOnRandomModels() {
    return LongStream.rangeClosed(1, RANDOM_MODELS).mapToObj(seed -> DynamicTest.dynamicTest(
        "random model " + seed, () -> {
          String text = RandomModels.generate(seed);
          ParsedModel parsed = ModelLoader.fromText("random_" + seed + ".pool", text);
          CompiledModel model = Compiler.compile(parsed);
          ExportedModels.Loaded m = new ExportedModels.Loaded(Path.of("random_" + seed),
              model, ModelShape.of(model, model.checked()));
          try {
            PromelaExport.render(m.shape());
          } catch (ModelException e) {
            assumeTrue(false, "not exportable: " + e.getMessage());
          }
          crossCheck(m, "random_" + seed, null);
        }));
  }

  /**
   * The self-check's models that compute near the 32-bit limits: SPIN's ints wrap silently, so
   * the export must assert each operation that can overflow where poolcheck checks it.
   */
  @TestFactory
  Stream<DynamicTest> spinAgreesWithPoolcheckNearTheIntegerLimits() {
    return nearTheLimits(poolcheck.selfcheck.RandomModels.nearLimitSeeds().limit(4));
  }

  /** Eight more such models: about two seconds of gcc and pan each. */
  @org.junit.jupiter.api.Tag("slow")
  @TestFactory
  Stream<DynamicTest> spinAgreesWithPoolcheckNearTheIntegerLimitsOnMoreModels() {
    return nearTheLimits(poolcheck.selfcheck.RandomModels.nearLimitSeeds().skip(4).limit(8));
  }

  private static Stream<DynamicTest> nearTheLimits(LongStream seeds) {
    return seeds.mapToObj(seed ->
        DynamicTest.dynamicTest("near the limits, seed " + seed, () -> {
          String text = poolcheck.selfcheck.RandomModels.text(seed);
          ParsedModel parsed = ModelLoader.fromText("limits_" + seed + ".pool", text);
          CompiledModel model = Compiler.compile(parsed);
          ExportedModels.Loaded m = new ExportedModels.Loaded(Path.of("limits_" + seed),
              model, ModelShape.of(model, model.checked()));
          try {
            PromelaExport.render(m.shape());
          } catch (ModelException e) {
            assumeTrue(false, "not exportable: " + e.getMessage());
          }
          crossCheck(m, "limits_" + seed, null);
        }));
  }

  /**
   * When several properties break at the same shortest depth, SPIN may name another one than
   * poolcheck: each tool reports the first violation in its own order. Depths are compared in
   * SPIN's terms, where a deadlock costs one more step (the monitor's).
   */
  private static void crossCheck(ExportedModels.Loaded m, String dir, Set<String> properties)
      throws Exception {
    Checked checked = properties == null ? Checked.all(m.shape())
        : Checked.only(m.shape(), properties);
    // Exactly what the export checks: liveness, for one, has no export.
    Explorer explorer = new Explorer(m.model()).maxStates(MAX_STATES).properties(checked.names());
    CheckResult ours = explorer.run();
    assumeTrue(ours.verdict() == Verdict.VERIFIED || ours.verdict() == Verdict.VIOLATED,
        m.file() + " has more than " + MAX_STATES + " states");
    Spin.Result spin = Spin.run(PromelaExport.render(m.shape(), checked), work.resolve(dir),
        m.shape().properties().stream().map(Property::name).toList());
    if (ours.verdict() == Verdict.VERIFIED) {
      assertEquals(null, spin.property(), "SPIN finds a violation poolcheck does not:\n"
          + spin.output());
      // SPIN also stores the state before its init process writes the initial state.
      assertEquals(ours.statistics().distinct() + 1, spin.nominalStates(), spin.output());
      assertEquals(spin.nominalStates(), spin.storedStates(), "no intermediate atomic states");
      assertEquals(ours.statistics().depth() + 1, spin.depthReached(), "levels, init included");
      return;
    }
    Counterexample cx = ours.counterexample().orElseThrow();
    assertTrue(replays(m, cx), "replay");
    assertNotNull(spin.property(), "SPIN finds no violation:\n" + spin.output());
    boolean runtimeTie = cx.property().kind() == Property.Kind.RUNTIME
        && m.model().property(spin.property()).orElseThrow().kind() == Property.Kind.RUNTIME;
    // Runtime checks cannot be switched off (the step that breaks one has no successor), so a
    // tie between two of them is held by the depth below only.
    if (!cx.property().name().equals(spin.property()) && !runtimeTie) {
      // Two properties break at the same shortest depth and each tool names the first in its
      // own order: poolcheck checking SPIN's property alone must break it at that depth too.
      CheckResult theirs = new Explorer(m.model()).maxStates(MAX_STATES)
          .properties(Set.of(spin.property())).run();
      assertEquals(Verdict.VIOLATED, theirs.verdict(), spin.output());
      Counterexample alone = theirs.counterexample().orElseThrow();
      // Runtime checks stay on when SPIN's property is checked alone: one of them may break
      // first at that depth (a random model with a lock and values near the limits did).
      if (!alone.property().name().equals(spin.property())) {
        assertEquals(Property.Kind.RUNTIME, alone.property().kind(), spin.output());
      }
      assertEquals(cx.length(), alone.length(),
          "SPIN's property at poolcheck's shortest depth\n" + spin.output());
    }
    // One step more for SPIN's init step; a deadlock takes the monitor's timeout step too.
    int expected = cx.length() + 1 + (cx.property().kind() == Property.Kind.DEADLOCK ? 1 : 0);
    assertEquals(expected - 1, spin.errorDepth(), spin.output());
  }

  /**
   * Replay does not yet accept a runtime failure raised while evaluating an invariant (it
   * expects the failing step to raise it), nor an assertion broken by init (a trace of no
   * steps): such a trace must at least end in a state whose invariant evaluation raises that
   * property, or be one of init's failures.
   */
  private static boolean replays(ExportedModels.Loaded m, Counterexample cx) {
    Replay.Outcome o = Replay.check(m.model(), recorded(m.model().name(), cx));
    if (o.ok()) return true;
    if (cx.length() == 0) {
      return m.shape().initialViolations().contains(new ModelShape.InitialViolation(
          cx.property().name(), cx.steps().get(0).state()));
    }
    if (cx.property().kind() != Property.Kind.RUNTIME) return false;
    int[] last = m.model().state(cx.steps().get(cx.steps().size() - 1).state());
    return m.model().violatedInvariant(last, m.model().newFrame(m.model().allChecked()))
        == cx.property().id();
  }

  private static JsonTrace.Recorded recorded(String model, Counterexample cx) {
    ImmutableList.Builder<JsonTrace.Step> steps = ImmutableList.builder();
    for (TraceStep s : cx.steps()) {
      steps.add(new JsonTrace.Step(s.transition() == null ? null : s.transition().instance(),
          s.transition() == null ? null : s.transition().label(), s.state()));
    }
    return new JsonTrace.Recorded(model, cx.property().name(), steps.build());
  }

  static boolean installed(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /** Runs SPIN breadth-first without partial-order reduction and reads its answer. */
  static final class Spin {
    /**
     * {@code property} is null when SPIN finds no error; {@code errorDepth} is pan's "at depth",
     * the depth of the state the failing transition leaves (its trail is one step longer).
     */
    record Result(String property, long nominalStates, long storedStates, long depthReached,
        long errorDepth, String output) {}

    /**
     * pan prints an assertion with mtype names as numbers: SPIN numbers the names of an mtype
     * declaration from its last, so P_x, declared i-th of n, reads (n - i == 0).
     */
    private static final Pattern FAILED = Pattern.compile(
        "^pan:1: assertion violated .*\\((\\d+)==0\\)\\)+ \\(at depth (\\d+)\\)$",
        Pattern.MULTILINE);
    private static final Pattern STORED = Pattern.compile("(\\d+) states, stored");
    private static final Pattern NOMINAL = Pattern.compile("(\\d+) nominal states");
    private static final Pattern REACHED = Pattern.compile("depth reached (\\d+)");
    private static final Pattern ERRORS = Pattern.compile("errors: (\\d+)");

    /** {@code properties} in the order the export declares their mtype names. */
    static Result run(String promela, Path dir, List<String> properties) throws IOException,
        InterruptedException {
      // A directory of its own: models of the same name (the corpus has several) may be checked
      // at the same time, since this class runs beside the others (junit-platform.properties).
      dir = Files.createTempDirectory(Files.createDirectories(dir), "pan");
      Files.writeString(dir.resolve("model.pml"), promela);
      run(dir, "spin", "-o1", "-o2", "-a", "model.pml");
      // -DNOCLAIM: a model's ltl formulas (liveness) are not part of the safety run.
      run(dir, "gcc", "-O0", "-w", "-DNOREDUCE", "-DBFS", "-DSAFETY", "-DNOCLAIM",
          "-DVECTORSZ=4096", "-o", "pan", "pan.c");
      // -w20: a 1M-slot hash table; the default 16M slots cost more to clear than small models.
      String pan = run(dir, "./pan", "-m10000000", "-w20");
      long errors = number(ERRORS, pan);
      long nominal = number(NOMINAL, pan);
      long stored = number(STORED, pan);
      long reached = number(REACHED, pan);
      if (errors == 0) return new Result(null, nominal, stored, reached, -1, pan);
      Matcher m = FAILED.matcher(pan);
      assertTrue(m.find(), "no assertion in SPIN's answer:\n" + pan);
      int index = properties.size() - Integer.parseInt(m.group(1));
      return new Result(properties.get(index), nominal, stored, reached,
          Long.parseLong(m.group(2)), pan);
    }

    private static long number(Pattern p, String text) {
      Matcher m = p.matcher(text);
      assertTrue(m.find(), "no '" + p + "' in:\n" + text);
      return Long.parseLong(m.group(1));
    }

    private static String run(Path dir, String... command) throws IOException,
        InterruptedException {
      List<String> cmd = new ArrayList<>(List.of(command));
      Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
          .start();
      String out = new String(p.getInputStream().readAllBytes());
      assertTrue(p.waitFor(300, TimeUnit.SECONDS), String.join(" ", command) + " hangs");
      assertNotNull(out);
      if (!command[0].equals("./pan") && !command[0].equals("spin")) {
        assertEquals(0, p.exitValue(), String.join(" ", command) + ":\n" + out);
      }
      return out;
    }
  }
}
