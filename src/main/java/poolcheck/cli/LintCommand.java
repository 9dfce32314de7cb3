package poolcheck.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import poolcheck.api.ModelLint;
import poolcheck.api.ModelProblem;

@Command(name = "lint", mixinStandardHelpOptions = true,
    exitCodeListHeading = "%nExit status:%n", exitCodeList = {
        "0:no error (warnings may be printed)",
        "2:the model has errors (each printed as file:line:column: error PCnnn: ...), bad usage, "
            + "or an internal error",
        "3:out of memory"},
    description = "Parse and check the model without searching it: every error at once, one "
        + "per line on standard output. Fast enough to run on every save.")
final class LintCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL", description = "The model file (.pool).")
  Path model;

  @Mixin
  ModelOptions modelOptions;

  @Override
  public Integer call() {
    List<ModelProblem> problems = ModelLint.of(model, modelOptions.constants,
        modelOptions.config);
    boolean errors = false;
    for (ModelProblem p : problems) {
      spec.commandLine().getOut().println(p.render());
      errors |= !p.warning();
    }
    spec.commandLine().getOut().flush();
    return errors ? ExitCode.BAD_INPUT : ExitCode.VERIFIED;
  }
}
