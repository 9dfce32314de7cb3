package poolcheck.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Compiler;
import poolcheck.system.Property;
import poolcheck.explore.AllViolations;
import poolcheck.explore.Explorer;
import poolcheck.explore.FewestSwitches;
import poolcheck.explore.SearchOptions;
import poolcheck.language.ModelLoader;
import poolcheck.language.ParsedModel;
import poolcheck.result.CheckResult;
import poolcheck.result.Counterexample;
import poolcheck.result.Coverage;
import poolcheck.result.Statistics;
import poolcheck.result.Verdict;
import poolcheck.trace.CoverageJson;
import poolcheck.trace.CoverageTable;
import poolcheck.trace.JsonResult;
import poolcheck.trace.TextTrace;

@Command(name = "check", mixinStandardHelpOptions = true,
    exitCodeListHeading = "%nExit status:%n", exitCodeList = {
        "0:verified: every checked property holds",
        "1:violated: a property is violated (the trace is printed)",
        "2:bad usage, a bad model or an internal error (one line each)",
        "3:incomplete: a limit (--max-states, --max-depth, --time-limit) or memory ran out",
        "4:interrupted (Ctrl-C, SIGTERM): the statistics so far are printed",
        "An output file that cannot be written after the verdict is reported after it and "
            + "leaves the status as above."},
    description = "Explore every reachable state breadth-first and report "
    + "'verified' or the shortest counterexample.")
final class CheckCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL", description = "The model file (.pool).")
  Path model;

  @Mixin
  ModelOptions modelOptions;

  @Mixin
  PropertyOptions propertyOptions;

  @Option(names = "--no-symmetry", description = "Do not reduce by the symmetry of scalarsets.")
  boolean noSymmetry;

  @Option(names = "--json", paramLabel = "FILE",
      description = "Write the result as JSON (never over an input; checked before the search).")
  Path json;

  @Option(names = "--max-states", paramLabel = "N",
      description = "Stop after N distinct states (N from 1).")
  Long maxStates;

  @Option(names = "--max-depth", paramLabel = "N",
      description = "Explore at most N steps deep (N from 1).")
  Integer maxDepth;

  @Option(names = "--time-limit", paramLabel = "SECONDS",
      description = "Stop after this time (1 to 1,000,000,000).")
  Long timeLimit;

  @Option(names = {"-q", "--quiet"}, description = "No progress lines.")
  boolean quiet;

  @Mixin
  TraceOptions traceOptions;

  @Option(names = "--workers", paramLabel = "N",
      description = "Threads exploring in parallel, 1 to max(256, 4 x cores). Default: all cores.")
  Integer workers;

  @Option(names = "--exact", description = "Store full states instead of 64-bit fingerprints "
      + "(no collision risk, more memory).")
  boolean exact;

  @Option(names = "--spill-dir", paramLabel = "DIR",
      description = "Write the frontier beyond --frontier-memory to files here.")
  Path spillDir;

  @Option(names = "--frontier-memory", paramLabel = "MB", defaultValue = "512",
      description = "Heap for the frontier before it spills to --spill-dir (default: 512).")
  long frontierMemory;

  @Option(names = "--checkpoint", paramLabel = "DIR",
      description = "Write a checkpoint here every --checkpoint-interval (fingerprint mode).")
  Path checkpoint;

  @Option(names = "--checkpoint-interval", paramLabel = "SECONDS", defaultValue = "600",
      description = "Seconds between checkpoints, written at level boundaries (default: 600).")
  double checkpointInterval;

  @Option(names = "--resume", paramLabel = "DIR",
      description = "Continue the run checkpointed in DIR (same model, constants and options).")
  Path resume;

  @Option(names = "--coverage", description = "Print how often each step was enabled and "
      + "taken and each check evaluated.")
  boolean coverage;

  @Option(names = "--strict", description = "Fail (exit 5) when a verified run leaves a step "
      + "unreached or a check vacuous.")
  boolean strict;

  @Option(names = "--progress-interval", paramLabel = "SECONDS", defaultValue = "2",
      description = "Seconds between progress lines (default: 2).")
  double progressInterval;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    validateEngineOptions();
    SearchOptions options = searchOptions();
    traceOptions.formats();
    ParsedModel parsed = ModelLoader.load(model);
    CompiledModel m = Compiler.compile(parsed, modelOptions.constants, modelOptions.config)
        .withSymmetry(!noSymmetry);
    if (!noSymmetry) m.warnings().forEach(w -> err.println(w.renderWarning()));
    Set<String> names = propertyOptions.selected(m);
    Outputs outputs = Outputs.of(parsed);
    if (json != null) outputs.checkFile("--json", json);
    traceOptions.checkOutputs(outputs, traceOptions.allViolations);
    if (checkpoint != null || resume != null) {
      options = options.withModelDigest(poolcheck.api.Models.textDigest(model));
    }
    SearchOptions chosen = options;
    Explorer explorer = explorer(m, chosen.withProperties(names), err);
    out.println("poolcheck: model " + m.name() + " " + m.constants());
    AllViolations all = traceOptions.allViolations ? new AllViolations(
        only -> explorer(m, chosen.withProperties(only), err), new LinkedHashSet<>(explorer.checkedNames().stream()
            .filter(n -> m.property(n).orElseThrow().kind() != Property.Kind.RUNTIME).toList()))
        : null;
    List<CheckResult> violations;
    CheckResult r;
    try (Interrupts interrupts = Interrupts.install(all != null ? all::stop : explorer::stop)) {
      if (all != null) {
        AllViolations.Report report = all.run();
        violations = report.violations();
        r = report.last();
      } else {
        r = explorer.run();
        violations = r.verdict() == Verdict.VIOLATED ? List.of(r) : List.of();
      }
    } catch (java.io.UncheckedIOException e) {
      // spill, trace-log and checkpoint files: one line through Main's IOException handler
      throw new java.io.IOException(e.getMessage() + (e.getMessage().equals(
          e.getCause().getMessage()) ? "" : ": " + e.getCause().getMessage()), e.getCause());
    }
    if (traceOptions.fewestSwitches) {
      // Each run's own checked set: --all-violations switches found properties off, and an
      // assertion still on would block paths that run took.
      violations = violations.stream().map(v -> withTrace(v, new FewestSwitches(m,
          Set.copyOf(v.checked())).find(v.counterexample().orElseThrow()).explainedBy(m, v.checked())))
          .toList();
      if (all == null && !violations.isEmpty()) r = violations.get(0);
    }
    // A file that cannot be written after all is reported after the verdict and does not
    // change its exit status (README, exit status).
    List<String> unwritten = new ArrayList<>();
    for (CheckResult v : violations) {
      out.println();
      out.print(TextTrace.render(v.counterexample().orElseThrow()));
      out.println();
      if (all != null) out.println(summary(v).lines().findFirst().orElseThrow());
      try {
        for (Path file : traceOptions.write(v, all != null, outputs)) {
          out.println("wrote " + file);
        }
      } catch (java.io.IOException e) {
        unwritten.add(Failure.ioMessage(e));
      }
    }
    if (all != null) {
      out.println();
      out.println(violations.size() + " violated propert" + (violations.size() == 1 ? "y" : "ies")
          + (violations.isEmpty() ? "" : ": " + String.join(", ", violations.stream()
              .map(v -> v.counterexample().orElseThrow().property().name()).toList())));
    }
    out.println(summary(r));
    // --all-violations runs several searches, none over every property: no coverage for it.
    Coverage cov = all == null ? explorer.coverage() : null;
    boolean complete = r.verdict() == Verdict.VERIFIED;
    if (cov != null && coverage) {
      if (!complete) out.println("coverage so far (the search did not finish):");
      out.print(CoverageTable.render(cov));
    }
    List<Coverage.Warning> warnings = cov != null && complete ? cov.warnings() : List.of();
    warnings.forEach(out::println);
    if (json != null) {
      var tree = JsonResult.tree(r);
      if (cov != null) CoverageJson.put(tree, cov, complete);
      try {
        outputs.write(json, JsonResult.render(tree), false);
      } catch (java.io.IOException e) {
        unwritten.add(Failure.ioMessage(e));
      }
    }
    out.flush();
    for (String e : unwritten) err.println("poolcheck: not written: " + e);
    if (!violations.isEmpty()) return ExitCode.VIOLATED;
    if (strict && complete && !warnings.isEmpty()) {
      out.println("--strict: " + warnings.size() + " coverage warning"
          + (warnings.size() == 1 ? "" : "s") + ", failing");
      return ExitCode.WARNINGS;
    }
    return switch (r.verdict()) {
      case VERIFIED -> ExitCode.VERIFIED;
      case VIOLATED -> ExitCode.VIOLATED;
      case INCOMPLETE -> ExitCode.INCOMPLETE;
      case INTERRUPTED -> ExitCode.INTERRUPTED;
    };
  }

  /** An explorer with the search options, reporting progress unless --quiet. */
  private Explorer explorer(CompiledModel m, SearchOptions options, PrintWriter err) {
    Explorer explorer = new Explorer(m, options);
    if (!quiet) explorer.progress(new ProgressLine(err));
    return explorer;
  }

  /**
   * The flags as search options, on top of the defaults every caller shares (the API and the
   * ledger too); what the record refuses is a usage error. The properties come later, from the
   * model.
   */
  private SearchOptions searchOptions() {
    SearchOptions o = SearchOptions.defaults().withDeadlock(!propertyOptions.noDeadlock)
        .withSymmetry(!noSymmetry)
        .withProgressMillis(Math.max(1, (long) (progressInterval * 1000)));
    try {
      if (maxStates != null) o = o.withMaxStates(maxStates);
      if (maxDepth != null) o = o.withMaxDepth(maxDepth);
      if (timeLimit != null) o = o.withTimeLimitMillis(timeLimit * 1000);
      if (workers != null) o = o.withWorkers(workers);
      if (exact) o = o.withStore(SearchOptions.Store.EXACT);
      if (spillDir != null) o = o.withSpill(spillDir, frontierMemory << 20);
      if (checkpoint != null) o = o.withCheckpoint(checkpoint, (long) (checkpointInterval * 1000));
      if (resume != null) o = o.withResume(resume);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    return o;
  }

  private void validateEngineOptions() {
    if (maxStates != null) OptionRange.check("--max-states", maxStates, 1, Long.MAX_VALUE);
    if (maxDepth != null) OptionRange.check("--max-depth", maxDepth, 1, Integer.MAX_VALUE);
    if (timeLimit != null) {
      OptionRange.check("--time-limit", timeLimit, 1, OptionRange.MAX_SECONDS);
    }
    if (workers != null) OptionRange.check("--workers", workers, 1, OptionRange.maxWorkers());
    // 0 is meaningful for both: spill the whole frontier; checkpoint at every level.
    OptionRange.check("--frontier-memory", frontierMemory, 0, Long.MAX_VALUE >> 20);
    OptionRange.check("--checkpoint-interval", checkpointInterval, 0, OptionRange.MAX_SECONDS);
    OptionRange.check("--progress-interval", progressInterval, 0.001, OptionRange.MAX_SECONDS);
    if (spillDir != null && !Files.isDirectory(spillDir)) {
      throw new UsageException("--spill-dir " + spillDir + ": no such directory");
    }
    if (resume != null && !Files.isRegularFile(resume.resolve("checkpoint.bin"))) {
      throw new UsageException("--resume " + resume + ": no checkpoint in it");
    }
    if (checkpoint != null) {
      // found before the search starts, not after the first level's work
      try {
        Files.createDirectories(checkpoint);
      } catch (java.io.IOException e) {
        throw new UsageException("--checkpoint " + checkpoint + ": cannot create the directory ("
            + e.getMessage() + ")");
      }
      if (!Files.isWritable(checkpoint)) {
        throw new UsageException("--checkpoint " + checkpoint + ": the directory is not writable");
      }
    }
  }

  private static CheckResult withTrace(CheckResult r, Counterexample cx) {
    return new CheckResult(r.model(), r.constants(), r.checked(), r.verdict(), r.statistics(),
        Optional.of(cx), r.reason());
  }

  static String summary(CheckResult r) {
    Statistics s = r.statistics();
    String head = switch (r.verdict()) {
      case VERIFIED -> "verified: " + String.join(", ", r.checked()) + " hold";
      case VIOLATED -> {
        var cx = r.counterexample().orElseThrow();
        yield "violated: " + cx.property().name() + " (" + cx.property().kind().name()
            .toLowerCase(Locale.ROOT) + "), " + (cx.isLasso() ? "lasso of " + cx.length()
            + " steps looping back to state " + cx.loop() : "shortest trace " + cx.length()
            + " steps");
      }
      case INCOMPLETE -> "incomplete: " + r.reason() + "; no violation found so far";
      case INTERRUPTED -> "interrupted: no violation found so far";
    };
    return head + String.format(Locale.ROOT,
        "%n%,d distinct states, %,d generated, depth %d, %.2f s, %,.0f states/s",
        s.distinct(), s.generated(), s.depth(), s.millis() / 1000.0, s.statesPerSecond())
        + (s.collisionProbability() > 0 ? String.format(Locale.ROOT,
            "%nfingerprint collision probability <= %.1e (--exact to rule it out)",
            s.collisionProbability()) : "");
  }
}
