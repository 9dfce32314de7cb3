package poolcheck.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import poolcheck.api.ModelCheckResult;
import poolcheck.api.TraceFormat;

/** How counterexamples are searched for and written: the search variants, then the files. */
final class TraceOptions {
  @Mixin
  TraceFiles files;

  @Option(names = "--fewest-switches", description = "Among the shortest counterexamples, "
      + "report one with the fewest context switches between process instances.")
  boolean fewestSwitches;

  @Option(names = "--all-violations", description = "Report every violated property, each "
      + "with its shortest trace, instead of stopping at the first.")
  boolean allViolations;

  /** The formats to write to files; empty when only the terminal's text is wanted. */
  Set<TraceFormat> formats() {
    return files.formats();
  }

  void checkOutputs(Outputs outputs, boolean several) {
    files.checkOutputs(outputs, several);
  }

  List<Path> write(ModelCheckResult violated, boolean several, Outputs outputs) throws IOException {
    return files.write(violated.model(), violated.counterexample().orElseThrow().property(),
        violated::renderTrace, several, outputs);
  }
}
