package poolcheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import poolcheck.api.SavedTrace;
import poolcheck.api.TraceFormat;

@Command(name = "show", mixinStandardHelpOptions = true,
    exitCodeListHeading = "%nExit status:%n", exitCodeList = {
        "0:the trace was shown and every requested file written",
        "2:bad usage, a missing or malformed trace (file:line:column: error PC3nn: what was "
            + "expected), a file that cannot be written, or an internal error",
        "3:out of memory"},
    description = "Show a saved JSON or ITF trace again (check --trace-out, a simulation's, "
        + "the proofs ledger's) in any format, without the model and without searching again.")
final class ShowCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TRACE",
      description = "A JSON result or trace, or an ITF trace, as poolcheck writes them.")
  Path trace;

  @Option(names = "--print", paramLabel = "FORMAT", defaultValue = "text",
      description = "The format shown on standard output: text (default), json, itf, dot, "
          + "mermaid or html.")
  String print;

  @Mixin
  TraceFiles files;

  @Override
  public Integer call() throws Exception {
    TraceFormat shown;
    try {
      shown = TraceFormat.parse(print);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--print: " + e.getMessage());
    }
    files.formats();
    Outputs outputs = new Outputs(List.of(trace));
    files.checkOutputs(outputs, false);
    SavedTrace saved = SavedTrace.read(trace);
    PrintWriter out = spec.commandLine().getOut();
    out.print(saved.render(shown));
    out.flush();
    for (Path file : files.write(saved.model(), saved.counterexample().property(), saved::render,
        false, outputs)) {
      // the files' names after the trace, on stderr: stdout is the trace alone, for a pipe
      spec.commandLine().getErr().println("wrote " + file);
    }
    return ExitCode.VERIFIED;
  }
}
