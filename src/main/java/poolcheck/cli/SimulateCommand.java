package poolcheck.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
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
import poolcheck.language.ModelLoader;
import poolcheck.language.ParsedModel;
import poolcheck.result.Counterexample;
import poolcheck.result.Coverage;
import poolcheck.simulate.SimulationResult;
import poolcheck.simulate.Simulator;
import poolcheck.trace.CoverageJson;
import poolcheck.trace.CoverageTable;
import poolcheck.trace.JsonResult;
import poolcheck.trace.TextTrace;

@Command(name = "simulate", mixinStandardHelpOptions = true,
    exitCodeListHeading = "%nExit status:%n", exitCodeList = {
        "0:no violation found in the runs taken (this proves nothing)",
        "1:violated: a run broke a property (the shrunk trace is printed)",
        "2:bad usage, a bad model or an internal error (one line each)",
        "3:out of memory",
        "A --json file that cannot be written after the verdict is reported after it and leaves "
            + "the status as above."},
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
      description = "Write the result as JSON (never over an input; checked before the runs).")
  Path json;

  @Option(names = "--coverage", description = "Print how often the runs found each step "
      + "enabled and took it, and evaluated each check.")
  boolean coverage;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    OptionRange.check("--runs", runs, 1, Integer.MAX_VALUE);
    OptionRange.check("--depth", depth, 0, Integer.MAX_VALUE);
    ParsedModel parsed = ModelLoader.load(model);
    CompiledModel m = Compiler.compile(parsed, modelOptions.constants, modelOptions.config);
    Simulator simulator = new Simulator(m);
    Set<String> names = propertyOptions.selected(m);
    Outputs outputs = Outputs.of(parsed);
    if (json != null) outputs.checkFile("--json", json);
    if (names != null) simulator.properties(names);
    if (propertyOptions.noDeadlock) simulator.deadlock(false);
    if (noShrink) simulator.shrinkBudget(0);
    long s = seed != null ? seed : System.nanoTime();
    out.println("poolcheck: model " + m.name() + " " + m.constants() + ", seed " + s);
    SimulationResult r;
    try (Interrupts interrupts = Interrupts.install(simulator::stop)) {
      r = simulator.run(runs, depth, s);
    }
    r.counterexample().ifPresent(cx -> {
      out.println();
      out.print(TextTrace.render(cx));
      out.println();
    });
    out.println(summary(r));
    Coverage cov = simulator.coverage();
    if (coverage) out.print(CoverageTable.render(cov));
    // After a violation the runs stopped early: what they missed says little.
    if (!r.violated()) {
      cov.warnings().forEach(w -> out.println(w.text().replaceFirst(": ", " in " + r.runsDone()
          + " random run" + (r.runsDone() == 1 ? "" : "s") + ": ")));
    }
    if (json != null) {
      try {
        outputs.write(json, json(r, cov), false);
      } catch (java.io.IOException e) {
        // After the verdict: said after it, and the verdict's status stands.
        out.flush();
        spec.commandLine().getErr().println("poolcheck: not written: " + Failure.ioMessage(e));
      }
    }
    if (r.interrupted()) return ExitCode.INTERRUPTED;
    return r.violated() ? ExitCode.VIOLATED : ExitCode.VERIFIED;
  }

  /** The usual result document plus what it takes to repeat the simulation. */
  static String json(SimulationResult r, Coverage cov) throws JsonProcessingException {
    ObjectNode root = JsonResult.tree(r.toCheckResult());
    if (cov != null) CoverageJson.put(root, cov, !r.violated());
    ObjectNode sim = root.putObject("simulation");
    sim.put("seed", r.seed());
    sim.put("runs", r.runs());
    sim.put("depth", r.depth());
    sim.put("runs_done", r.runsDone());
    sim.put("steps", r.steps());
    if (r.violated()) {
      sim.put("failing_run", r.failingRun());
      sim.put("run_seed", r.runSeed());
      sim.put("found_length", r.foundLength());
    }
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(root) + "\n";
  }

  static String summary(SimulationResult r) {
    if (!r.violated()) {
      return r.noViolation() + String.format(Locale.ROOT, "%n%,d steps, %.2f s", r.steps(),
          r.millis() / 1000.0);
    }
    Counterexample cx = r.counterexample().orElseThrow();
    return "violated: " + cx.property().name() + " (" + cx.property().kind().name()
        .toLowerCase(Locale.ROOT) + ") in run " + (r.failingRun() + 1) + " of " + r.runs()
        + ", trace shrunk from " + r.foundLength() + " to " + cx.length() + " steps"
        + String.format(Locale.ROOT, "%nreproduce: --seed %d (or --seed %d --runs 1); "
            + "%,d steps, %.2f s", r.seed(), r.runSeed(), r.steps(), r.millis() / 1000.0);
  }
}
