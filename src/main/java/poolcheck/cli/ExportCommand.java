package poolcheck.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import poolcheck.api.Export;
import poolcheck.api.ExportTarget;
import poolcheck.api.ExportedModel;

@Command(name = "export", mixinStandardHelpOptions = true,
    exitCodeListHeading = "%nExit status:%n", exitCodeList = {
        "0:written",
        "2:bad usage, a bad model, an output that cannot be written, or an internal error",
        "3:out of memory"},
    description = "Write the model for another model checker: a Promela model for SPIN or a "
        + "TLA+ module and TLC configuration (docs/export.md).")
final class ExportCommand implements Callable<Integer> {
  enum Target { tla, promela }

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL", description = "The model file (.pool).")
  Path model;

  @Mixin
  ModelOptions modelOptions;

  @Mixin
  PropertyOptions propertyOptions;

  @Option(names = "--to", required = true, paramLabel = "tla|promela",
      description = "The target language: ${COMPLETION-CANDIDATES}.")
  Target to;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of "
      + "standard output. For tla, FILE is the .tla module and the TLC configuration goes beside "
      + "it as FILE with .cfg; the module is named after the file. Never over an input.")
  Path output;

  @Option(names = "--spin-coverage", description = "promela: make every step a SPIN state of "
      + "its own, so SPIN's unreached report lists the steps never taken (more SPIN states; "
      + "docs/export.md).")
  boolean spinCoverage;

  @Override
  public Integer call() throws IOException {
    Export export = Export.of(model, to == Target.tla ? ExportTarget.TLA : ExportTarget.PROMELA)
        .config(modelOptions.config).constants(modelOptions.constants);
    if (propertyOptions.properties != null) export = export.properties(propertyOptions.properties);
    if (propertyOptions.noDeadlock) export = export.noDeadlock();
    if (spinCoverage) export = export.spinCoverage();
    ExportedModel exported = export.prepare();
    Outputs outputs = Outputs.of(exported.model());
    if (output != null) outputs.checkFile("--output", output);
    if (to == Target.promela) {
      ExportedModel.PromelaFile file = exported.promelaFile();
      write(outputs, output, file.text());
      dropped(file.dropped());
      return ExitCode.VERIFIED;
    }
    String module = output == null ? exported.defaultModuleName()
        : output.getFileName().toString().replaceFirst("\\.tla$", "");
    ExportedModel.TlaFiles files = exported.tla(module);
    if (output == null) {
      spec.commandLine().getOut().print(files.module());
      spec.commandLine().getOut().println("\\* ---- " + module + ".cfg");
      spec.commandLine().getOut().print(files.config());
      spec.commandLine().getOut().flush();
    } else {
      Path config = output.resolveSibling(module + ".cfg");
      outputs.checkFile("--output (its TLC configuration)", config);
      write(outputs, output, files.module());
      write(outputs, config, files.config());
    }
    dropped(files.dropped());
    return ExitCode.VERIFIED;
  }

  /** What the export leaves out, one line each on stderr: the file is written all the same. */
  private void dropped(java.util.List<String> lines) {
    for (String l : lines) spec.commandLine().getErr().println(l);
    spec.commandLine().getErr().flush();
  }

  private void write(Outputs outputs, Path file, String text) throws IOException {
    if (file == null) {
      spec.commandLine().getOut().print(text);
      spec.commandLine().getOut().flush();
    } else {
      outputs.write(file, text, false);
    }
  }
}
