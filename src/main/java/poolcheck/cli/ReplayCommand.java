package poolcheck.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import poolcheck.api.ReplayResult;
import poolcheck.api.SavedTrace;
import poolcheck.api.TraceReplay;

@Command(name = "replay", mixinStandardHelpOptions = true,
    exitCodeListHeading = "%nExit status:%n", exitCodeList = {
        "0:the trace replays and ends in the violation it records",
        "1:the trace does not match the model (the first step that differs is named)",
        "2:bad usage, a bad model, a malformed trace (file:line:column: error PC3nn) or an "
            + "internal error",
        "3:out of memory"},
    footer = {"%nA trace file requested with --trace-format that cannot be written is reported "
        + "after the replay's verdict and leaves the status as above."},
    description = "Re-execute a JSON or ITF trace on a model, step by step, and "
    + "confirm the violation it records.")
final class ReplayCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL")
  Path model;

  @Parameters(index = "1", paramLabel = "TRACE", description = "A JSON result or trace, or an ITF trace.")
  Path trace;

  @Mixin
  ModelOptions modelOptions;

  @Mixin
  TraceFiles files;

  @Override
  public Integer call() throws Exception {
    TraceReplay replay = TraceReplay.of(model).config(modelOptions.config)
        .constants(modelOptions.constants);
    // the model's files are inputs too: no trace file may overwrite one (loaded only for this)
    Outputs outputs = files.formats().isEmpty() ? null : Outputs.of(replay.model(), trace);
    if (outputs != null) files.checkOutputs(outputs, false);
    ReplayResult o = replay.replay(trace);
    if (outputs != null) writeFiles(outputs);
    if (o.ok()) {
      spec.commandLine().getOut().println("replayed " + o.steps() + " steps: " + o.message());
      return ExitCode.VERIFIED;
    }
    spec.commandLine().getErr().println("poolcheck: replay: step " + o.step()
        + (o.step() == 0 ? " (the initial state)" : "") + " of " + o.steps()
        + " no longer matches the model: " + o.message()
        + (o.recordedModel() != null && !o.recordedModel().equals(o.model())
            ? " (the trace was recorded on model " + o.recordedModel() + ", this is " + o.model()
                + ")" : ""));
    return ExitCode.VIOLATED;
  }

  /** The trace as recorded, in the requested formats (as `show` writes them). */
  private void writeFiles(Outputs outputs) {
    SavedTrace saved = SavedTrace.read(trace);
    try {
      for (Path file : files.write(saved.model(), saved.counterexample().property(),
          saved::render, false, outputs)) {
        spec.commandLine().getOut().println("wrote " + file);
      }
    } catch (java.io.IOException e) {
      spec.commandLine().getErr().println("poolcheck: not written: " + Failure.ioMessage(e));
    }
  }
}
