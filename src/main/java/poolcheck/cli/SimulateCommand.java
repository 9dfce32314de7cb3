package poolcheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import poolcheck.api.Counterexample;
import poolcheck.api.ModelCheck;
import poolcheck.api.ModelCheckResult;
import poolcheck.api.ModelInfo;
import poolcheck.api.Simulation;
import poolcheck.api.SimulationFigures;
import poolcheck.api.SimulationRun;
import poolcheck.api.TraceFormat;

@Command(name = "simulate", mixinStandardHelpOptions = true,
    exitCodeListHeading = "%nExit status:%n", exitCodeList = {
        "0:no violation found in the runs taken (this proves nothing)",
        "1:violated: a run broke a property (the shrunk trace is printed)",
        "2:bad usage, a bad model or an internal error (one line each)",
        "3:out of memory",
        "4:interrupted (Ctrl-C, SIGTERM): the runs so far are summed up"},
    footer = {"%nA --json file that cannot be written after the verdict is reported after it "
        + "and leaves the status as above. -q prints one line: 'no violation in N runs of depth "
        + "D (not a proof)' or 'violated: P (KIND) in run R of N, trace shrunk from A to B "
        + "steps'."},
    description = "Take N random runs of at most D steps from a seed; "
    + "report the first violation, shrunk to a locally minimal trace. Finding none proves "
    + "nothing.")
final class SimulateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL", description = "The model file (.pool).")
  Path model;

  @Mixin
  ModelOptions modelOptions;

  @Mixin
  PropertyOptions propertyOptions;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "1000",
      description = "Number of random runs, from 1 (default ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--depth", paramLabel = "D", defaultValue = "1000",
      description = "Most steps per run, from 0 (default ${DEFAULT-VALUE}).")
  int depth;

  @Option(names = "--seed", paramLabel = "S",
      description = "Seed of the first run; run i uses S + i. Default: from the clock.")
  Long seed;

  @Option(names = "--no-shrink", description = "Report the failing run as found.")
  boolean noShrink;

  @Option(names = "--json", paramLabel = "FILE",
      description = "Write the result as JSON (never over an input; checked before the runs); "
          + "'-' writes it to stdout and the report to stderr.")
  Path json;

  @Option(names = "--coverage", description = "Print how often the runs found each step "
      + "enabled and took it, and evaluated each check.")
  boolean coverage;

  @Option(names = {"-q", "--quiet"}, description = "Print only the verdict line (on stderr "
      + "under --json -): no trace, figures or warnings; the exit status is the same.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    // `--json -`: the JSON alone on stdout, for a script to read; the report goes to stderr.
    boolean jsonToStdout = Outputs.isStdout(json);
    PrintWriter verdictOut = jsonToStdout ? spec.commandLine().getErr()
        : spec.commandLine().getOut();
    // -q: the report goes nowhere and the summary's first line is printed at the end.
    PrintWriter out = quiet ? new PrintWriter(java.io.Writer.nullWriter()) : verdictOut;
    long s = seed != null ? seed : System.nanoTime();
    ModelCheck check = ModelCheck.of(model).config(modelOptions.config)
        .constants(modelOptions.constants);
    if (propertyOptions.properties != null) check = check.properties(propertyOptions.properties);
    if (propertyOptions.noDeadlock) check = check.noDeadlock();
    Simulation simulation = check.simulate(runs, depth, s);
    if (noShrink) simulation = simulation.noShrink();
    SimulationRun run = simulation.prepare();
    ModelInfo m = run.model();
    Outputs outputs = Outputs.of(m);
    if (json != null && !jsonToStdout) outputs.checkFile("--json", json);
    out.println("poolcheck: model " + m.name() + " " + m.constants() + ", seed " + s);
    ModelCheckResult r;
    try (Interrupts interrupts = Interrupts.install(run::stop)) {
      r = run.run();
    }
    SimulationFigures sim = r.simulation().orElseThrow();
    if (r.counterexample().isPresent()) {
      out.println();
      out.print(r.renderTrace(TraceFormat.TEXT));
      out.println();
    }
    out.println(summary(r));
    if (coverage) out.print(r.coverageTable());
    // After a violation the runs stopped early: what they missed says little.
    if (!sim.violated()) {
      r.coverage().orElseThrow().warnings().forEach(w -> out.println(w.replaceFirst(": ",
          " in " + sim.runsDone() + " random run" + (sim.runsDone() == 1 ? "" : "s") + ": ")));
    }
    if (quiet) verdictOut.println(summary(r).lines().findFirst().orElseThrow());
    if (jsonToStdout) {
      verdictOut.flush();
      Outputs.printJson(spec.commandLine().getOut(), r.json());
    } else if (json != null) {
      try {
        outputs.write(json, r.json(), false);
      } catch (java.io.IOException e) {
        // After the verdict: said after it, and the verdict's status stands.
        verdictOut.flush();
        spec.commandLine().getErr().println("poolcheck: not written: " + Failure.ioMessage(e));
      }
    }
    if (sim.interrupted()) return ExitCode.INTERRUPTED;
    return sim.violated() ? ExitCode.VIOLATED : ExitCode.VERIFIED;
  }

  static String summary(ModelCheckResult result) {
    SimulationFigures r = result.simulation().orElseThrow();
    if (!r.violated()) {
      return r.summary() + String.format(Locale.ROOT, "%n%,d steps, %.2f s", r.steps(),
          r.millis() / 1000.0);
    }
    Counterexample cx = result.counterexample().orElseThrow();
    return "violated: " + cx.property() + " (" + cx.kind() + ") in run " + (r.failingRun() + 1)
        + " of " + r.runs() + ", trace shrunk from " + r.foundLength() + " to " + cx.length()
        + " steps" + String.format(Locale.ROOT, "%nreproduce: --seed %d (or --seed %d --runs 1); "
            + "%,d steps, %.2f s", r.seed(), r.runSeed(), r.steps(), r.millis() / 1000.0);
  }
}
