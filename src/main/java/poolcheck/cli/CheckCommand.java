package poolcheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import poolcheck.api.CheckOptions;
import poolcheck.api.CheckRun;
import poolcheck.api.ModelCheck;
import poolcheck.api.ModelCheckResult;
import poolcheck.api.ModelInfo;
import poolcheck.api.Statistics;
import poolcheck.api.StoreMode;
import poolcheck.api.Verdict;

@Command(name = "check", mixinStandardHelpOptions = true,
    exitCodeListHeading = "%nExit status:%n", exitCodeList = {
        "0:verified: every checked property holds (--bitstate, --swarm: no violation found, "
            + "not a proof)",
        "1:violated: a property is violated (the trace is printed)",
        "2:bad usage, a bad model or an internal error (one line each)",
        "3:incomplete: a limit (--max-states, --max-depth, --time-limit) or memory ran out; "
            + "--dump-graph: the graph has more states than --dump-graph-limit (nothing is "
            + "written and no search runs)",
        "4:interrupted (Ctrl-C, SIGTERM): the statistics so far are printed",
        "5:--strict: verified, but a step was never taken or a check was vacuous"},
    footer = {"%nAn output file that cannot be written after the verdict is reported after it "
        + "and leaves the status as above. -q prints one line: 'verified: P, Q hold, N distinct "
        + "states', 'violated: P (KIND), shortest trace N steps', 'incomplete: REASON; no "
        + "violation found so far, N distinct states' (README, exit status)."},
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
      description = "Write the result as JSON (never over an input; checked before the search); "
          + "'-' writes it to stdout and the report to stderr.")
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

  @Option(names = {"-q", "--quiet"}, description = "Print only the verdict line (on stderr "
      + "under --json -): no trace, statistics, warnings or progress; the exit status is the "
      + "same.")
  boolean quiet;

  @Option(names = "--no-progress", description = "No progress lines on stderr; the report is "
      + "printed as usual.")
  boolean noProgress;

  @Mixin
  TraceOptions traceOptions;

  @Option(names = "--workers", paramLabel = "N",
      description = "Threads exploring in parallel (the search, then stepping the states of the "
          + "liveness check's graph), 1 to max(256, 4 x cores). Default: all cores.")
  Integer workers;

  @Option(names = "--exact", description = "Store full states instead of 64-bit fingerprints "
      + "(no collision risk, more memory).")
  boolean exact;

  @Option(names = "--spill-dir", paramLabel = "DIR",
      description = "Keep the trace log, the frontier beyond --frontier-memory and the "
          + "liveness graph's edges in files here, off the heap.")
  Path spillDir;

  @Option(names = "--frontier-memory", paramLabel = "MB", defaultValue = "512",
      description = "Heap for the frontier (and the liveness graph's queue of states to "
          + "expand) before it spills to --spill-dir (default: 512).")
  long frontierMemory;

  @Option(names = "--checkpoint", paramLabel = "DIR",
      description = "Write a checkpoint here every --checkpoint-interval (fingerprint mode).")
  Path checkpoint;

  @Option(names = "--checkpoint-interval", paramLabel = "SECONDS", defaultValue = "600",
      description = "Seconds between checkpoints, written at level boundaries (default: 600).")
  double checkpointInterval;

  @Option(names = "--resume", paramLabel = "DIR",
      description = "Continue the run checkpointed in DIR (same model, constants and options); "
          + "a cluster checkpoint of another number of nodes is re-hashed into DIR.for-N-nodes "
          + "beside it, DIR left as it was.")
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

  @Option(names = "--cluster", paramLabel = "HOST:PORT", description = "Coordinate a Pekko "
      + "cluster bound at HOST:PORT; --cluster-workers workers join it (docs/cluster.md).")
  String cluster;

  @Option(names = "--cluster-workers", paramLabel = "N",
      description = "Workers a --cluster run waits for (default: 2).")
  Integer clusterWorkers;

  @Option(names = "--cluster-local", paramLabel = "N",
      description = "Start N worker JVMs on this machine and run on them over loopback.")
  Integer clusterLocal;

  @Option(names = "--dump-graph", arity = "2", paramLabel = "dot|json FILE",
      description = "Write the whole reachable state graph (states with their values, edges "
          + "with instance and label; one state per symmetry orbit unless --no-symmetry) to "
          + "FILE before the search.")
  List<String> dumpGraph;

  @Option(names = "--dump-graph-limit", paramLabel = "N", defaultValue = "10000",
      description = "The most states --dump-graph writes (default: 10000); above, it refuses.")
  long dumpGraphLimit;

  @Option(names = "--bitstate", paramLabel = "SIZE", description = "Bitstate search (SPIN's "
      + "supertrace) over a bit array of SIZE bytes (K, M, G: powers of 1024; 512M = pan -w32): "
      + "finds violations in state spaces too large to store, proves nothing (docs/swarm.md).")
  String bitstate;

  @Option(names = "--hash-functions", paramLabel = "K", defaultValue = "3",
      description = "Bits set per state under --bitstate, 1 to 32 (SPIN's -k; default: 3).")
  int hashFunctions;

  @Option(names = "--swarm", paramLabel = "N", description = "N randomised depth-first "
      + "bitstate searches (Holzmann's swarm), each with its own hash seed and step order and a "
      + "--bitstate array (default 4M), at most --max-depth deep (default 10000), on --workers "
      + "threads; the first violation stops them and is shrunk; proves nothing (docs/swarm.md).")
  Integer swarm;

  @Option(names = "--seed", paramLabel = "S",
      description = "The swarm's seed: search i uses S + i (default: a fresh one, printed).")
  Long seed;

  @Option(names = "--no-bytecode", description = "Run the steps' linked instructions instead "
      + "of steps compiled to JVM bytecode (as -Dpoolcheck.bytecode=off).")
  boolean noBytecode;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    if (dumpGraph != null) {
      Integer refused = dumpGraph(err);
      if (refused != null) return refused;
    }
    // `--json -`: the JSON alone on stdout, for a script to read; the report goes to stderr.
    boolean jsonToStdout = Outputs.isStdout(json);
    PrintWriter verdictOut = jsonToStdout ? err : spec.commandLine().getOut();
    // -q: the report goes nowhere and the one verdict line is printed at the end.
    PrintWriter out = quiet ? new PrintWriter(java.io.Writer.nullWriter()) : verdictOut;
    CheckOptions options = new CheckOptions(maxStates, maxDepth, timeLimit,
        workers == null ? Runtime.getRuntime().availableProcessors() : workers,
        exact ? StoreMode.EXACT : StoreMode.FINGERPRINTS, !noSymmetry, spillDir, frontierMemory,
        checkpoint, checkpointInterval, resume, progressInterval, traceOptions.allViolations,
        traceOptions.fewestSwitches).withBitstate(bitstate == null ? null
            : CheckOptions.bitstateBytes(bitstate), hashFunctions)
        .withSwarm(swarm, swarm != null && seed == null ? Long.valueOf(System.nanoTime()) : seed)
        .withBytecode(!noBytecode);
    ModelCheck check = ModelCheck.of(model).config(modelOptions.config)
        .constants(modelOptions.constants).options(options)
        .onWarning(quiet ? w -> { } : err::println);
    if (propertyOptions.properties != null) check = check.properties(propertyOptions.properties);
    if (propertyOptions.noDeadlock) check = check.noDeadlock();
    if (!quiet && !noProgress) check = check.progress(new ProgressLine(err), progressInterval);
    traceOptions.formats();
    boolean onCluster = cluster != null || clusterLocal != null;
    // a cluster checkpoint is a manifest and node files: the cluster run checks its --resume
    CheckRun run = (onCluster ? check.options(options.withResume(null)) : check).prepare();
    ModelInfo m = run.model();
    Outputs outputs = Outputs.of(m);
    if (json != null && !jsonToStdout) outputs.checkFile("--json", json);
    traceOptions.checkOutputs(outputs, traceOptions.allViolations);
    out.println("poolcheck: model " + m.name() + " " + m.constants()
        + (swarm != null ? ", swarm seed " + options.seed() : ""));
    boolean all = traceOptions.allViolations;
    ModelCheckResult r;
    java.util.concurrent.atomic.AtomicBoolean signalled =
        new java.util.concurrent.atomic.AtomicBoolean();
    try (Interrupts interrupts = Interrupts.install(() -> {
      signalled.set(true);
      run.stop();
    })) {
      r = onCluster ? check.onCluster(ClusterFlags.setup(cluster,
          clusterWorkers, clusterLocal, quiet || noProgress ? line -> { } : err::println)
          .stopWhen(signalled::get)) : run.run();
    } catch (java.io.UncheckedIOException e) {
      // spill, trace-log and checkpoint files: one line through Main's IOException handler
      throw new java.io.IOException(e.getMessage() + (e.getMessage().equals(
          e.getCause().getMessage()) ? "" : ": " + e.getCause().getMessage()), e.getCause());
    }
    List<ModelCheckResult> violations = r.violations();
    // A file that cannot be written after all is reported after the verdict and does not
    // change its exit status (README, exit status).
    List<String> unwritten = new ArrayList<>();
    for (ModelCheckResult v : violations) {
      out.println();
      out.print(v.renderTrace(poolcheck.api.TraceFormat.TEXT));
      out.println();
      if (all) out.println(summary(v).lines().findFirst().orElseThrow());
      try {
        for (Path file : traceOptions.write(v, all, outputs)) {
          out.println("wrote " + file);
        }
      } catch (java.io.IOException e) {
        unwritten.add(Failure.ioMessage(e));
      }
    }
    if (all) {
      out.println();
      out.println(violatedProperties(violations));
    }
    out.println(summary(r));
    // --all-violations runs several searches, none over every property: no coverage for it.
    var cov = r.coverage();
    boolean complete = r.verdict() == Verdict.VERIFIED;
    if (cov.isPresent() && coverage) {
      if (!complete) out.println("coverage so far (the search did not finish):");
      out.print(r.coverageTable());
    }
    List<String> warnings = cov.isPresent() && complete ? cov.get().warnings() : List.of();
    warnings.forEach(out::println);
    if (jsonToStdout) {
      out.flush();
      Outputs.printJson(spec.commandLine().getOut(), r.json());
    } else if (json != null) {
      try {
        outputs.write(json, r.json(), false);
      } catch (java.io.IOException e) {
        unwritten.add(Failure.ioMessage(e));
      }
    }
    out.flush();
    boolean strictFails = violations.isEmpty() && strict && complete && !warnings.isEmpty();
    String strictLine = "--strict: " + warnings.size() + " coverage warning"
        + (warnings.size() == 1 ? "" : "s") + ", failing";
    if (strictFails) out.println(strictLine);
    if (quiet) {
      verdictOut.println(verdictLine(r, violations, all) + (strictFails ? "; " + strictLine : ""));
      verdictOut.flush();
    }
    for (String e : unwritten) err.println("poolcheck: not written: " + e);
    if (!violations.isEmpty()) return ExitCode.VIOLATED;
    if (strictFails) return ExitCode.WARNINGS;
    // SPIN's way: a bitstate search that ran to its end without a violation exits 0, and its
    // summary says it is no proof (README, exit status).
    if (r.bitstate().map(b -> b.finished()).orElse(false)) return ExitCode.VERIFIED;
    if (r.swarm().map(w -> w.finished()).orElse(false)) return ExitCode.VERIFIED;
    return switch (r.verdict()) {
      case VERIFIED -> ExitCode.VERIFIED;
      case VIOLATED -> ExitCode.VIOLATED;
      case INCOMPLETE -> ExitCode.INCOMPLETE;
      case INTERRUPTED -> ExitCode.INTERRUPTED;
    };
  }

  /** Writes the state graph, or says why not and returns the exit status; null when written. */
  private Integer dumpGraph(PrintWriter err) throws java.io.IOException {
    if (dumpGraphLimit < 1) throw new UsageException("--dump-graph-limit: " + dumpGraphLimit
        + " is not from 1");
    Path file = Path.of(dumpGraph.get(1));
    Outputs outputs = new Outputs(List.of(model));
    outputs.checkFile("--dump-graph", file);
    String text;
    try {
      text = poolcheck.api.StateGraphDump.render(model, modelOptions.config,
          modelOptions.constants, !noSymmetry, dumpGraphLimit, dumpGraph.get(0)).orElse(null);
    } catch (IllegalArgumentException e) {
      if (e instanceof poolcheck.api.InvalidInputException) throw e;
      throw new UsageException(e.getMessage());
    }
    if (text == null) {
      err.println("poolcheck: --dump-graph: the reachable state graph has more than "
          + dumpGraphLimit + " states; --dump-graph-limit N raises the limit");
      return ExitCode.INCOMPLETE;
    }
    outputs.write(file, text, false);
    if (!quiet) err.println("wrote " + file);
    return null;
  }

  /**
   * The one line -q prints (README, exit status): the summary's first line; after a run that
   * found no violation (swarms aside), with the distinct states after a comma; under
   * --all-violations with violations, the line that names them all.
   */
  static String verdictLine(ModelCheckResult r, List<ModelCheckResult> violations,
      boolean all) {
    if (all && !violations.isEmpty()) return violatedProperties(violations);
    String head = summary(r).lines().findFirst().orElseThrow();
    // a swarm's searches overlap: its count is an estimate, on the summary's second line
    if (r.verdict() == Verdict.VIOLATED || r.swarm().isPresent()) return head;
    return head + String.format(Locale.ROOT, ", %,d distinct states", r.statistics().distinct());
  }

  private static String violatedProperties(List<ModelCheckResult> violations) {
    return violations.size() + " violated propert" + (violations.size() == 1 ? "y" : "ies")
        + (violations.isEmpty() ? "" : ": " + String.join(", ", violations.stream()
            .map(v -> v.counterexample().orElseThrow().property()).toList()));
  }

  static String summary(ModelCheckResult r) {
    if (r.swarm().isPresent()) return SwarmSummary.of(r, r.swarm().get());
    Statistics s = r.statistics();
    String head = switch (r.verdict()) {
      case VERIFIED -> "verified: " + String.join(", ", r.checked()) + " hold";
      case VIOLATED -> {
        var cx = r.counterexample().orElseThrow();
        yield "violated: " + cx.property() + " (" + cx.kind() + "), " + (cx.isLasso()
            ? "lasso of " + cx.length() + " steps looping back to state " + cx.loop()
            : "shortest trace " + cx.length() + " steps");
      }
      case INCOMPLETE -> r.bitstate().map(b -> b.finished()).orElse(false)
          ? "no violation found (bitstate search, not a proof: states the bit array took for "
              + "seen were not explored)"
          : "incomplete: " + r.reason() + "; no violation found so far";
      case INTERRUPTED -> "interrupted: no violation found so far";
    };
    return head + String.format(Locale.ROOT,
        "%n%,d distinct states, %,d generated, depth %d, %.2f s, %,.0f states/s",
        s.distinct(), s.generated(), s.depth(), s.millis() / 1000.0, s.statesPerSecond())
        + (s.collisionProbability() > 0 ? String.format(Locale.ROOT,
            "%nfingerprint collision probability <= %.1e (--exact to rule it out)",
            s.collisionProbability()) : "")
        + r.bitstate().map(b -> String.format(Locale.ROOT, "%nbitstate: %,d bits, %d hash "
            + "functions, hash factor %.1f (best above 100), fill %.2e, est. coverage %.4f%% "
            + "(about %,.0f states missed)", b.bits(), b.hashFunctions(), b.hashFactor(),
            b.fillRatio(), 100 * b.coverage(), b.expectedMissed())).orElse("");
  }
}
