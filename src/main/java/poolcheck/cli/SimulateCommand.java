package poolcheck.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
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
import poolcheck.api.Models;
import poolcheck.compile.CompiledModel;
import poolcheck.result.Counterexample;
import poolcheck.simulate.SimulationResult;
import poolcheck.simulate.Simulator;
import poolcheck.trace.JsonResult;
import poolcheck.trace.TextTrace;

@Command(name = "simulate", mixinStandardHelpOptions = true, description = "Take N random runs of at most D steps from a seed; "
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
      description = "Number of random runs (default ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--depth", paramLabel = "D", defaultValue = "1000",
      description = "Most steps per run (default ${DEFAULT-VALUE}).")
  int depth;

  @Option(names = "--seed", paramLabel = "S",
      description = "Seed of the first run; run i uses S + i. Default: from the clock.")
  Long seed;

  @Option(names = "--no-shrink", description = "Report the failing run as found.")
  boolean noShrink;

  @Option(names = "--json", paramLabel = "FILE", description = "Write the result as JSON.")
  Path json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (runs < 1) throw new UsageException("--runs " + runs + ": expected at least 1");
    if (depth < 0) throw new UsageException("--depth " + depth + ": expected at least 0");
    CompiledModel m = Models.load(model, modelOptions.config, modelOptions.constants);
    Simulator simulator = new Simulator(m);
    Set<String> names = propertyOptions.selected(m);
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
    if (json != null) Files.writeString(json, json(r));
    if (r.interrupted()) return ExitCode.INTERRUPTED;
    return r.violated() ? ExitCode.VIOLATED : ExitCode.VERIFIED;
  }

  /** The usual result document plus what it takes to repeat the simulation. */
  static String json(SimulationResult r) throws JsonProcessingException {
    ObjectNode root = JsonResult.tree(r.toCheckResult());
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
