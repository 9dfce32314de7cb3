package poolcheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;
import poolcheck.api.ModelCheckResult;
import poolcheck.api.TraceFormat;

/** How counterexamples are searched for and written: formats, files, and the search variants. */
final class TraceOptions {
  @Option(names = "--trace-format", paramLabel = "FORMAT", split = ",",
      description = "Also write the counterexample as text, json, itf, dot, mermaid or html "
          + "(several comma-separated, each to its own file). The terminal always shows text.")
  List<String> formats;

  @Option(names = "--trace-out", paramLabel = "PREFIX|DIR/",
      description = "Where trace files go: PREFIX.json, PREFIX.itf.json, ... or, for a "
          + "directory, DIR/MODEL-PROPERTY.json, ... Default: MODEL-PROPERTY.* in the current "
          + "directory. Alone, it writes json.")
  String out;

  @Option(names = "--fewest-switches", description = "Among the shortest counterexamples, "
      + "report one with the fewest context switches between process instances.")
  boolean fewestSwitches;

  @Option(names = "--all-violations", description = "Report every violated property, each "
      + "with its shortest trace, instead of stopping at the first.")
  boolean allViolations;

  /** The formats to write to files; empty when only the terminal's text is wanted. */
  Set<TraceFormat> formats() {
    Set<TraceFormat> out = new LinkedHashSet<>();
    if (formats == null) {
      if (this.out != null) out.add(TraceFormat.JSON);
      return out;
    }
    if (formats.isEmpty()) {
      throw new UsageException("--trace-format: no format given (expected one or more of "
          + "text, json, itf, dot, mermaid, html)");
    }
    for (String name : formats) {
      try {
        out.add(TraceFormat.parse(name));
      } catch (IllegalArgumentException e) {
        throw new UsageException("--trace-format: " + e.getMessage());
      }
    }
    if (this.out == null) out.remove(TraceFormat.TEXT);
    return out;
  }

  /**
   * Checks, before the search, that the trace files can be written: every name known in advance
   * is checked like --json, and where the property decides the name, the directory.
   */
  void checkOutputs(Outputs outputs, boolean several) {
    Set<TraceFormat> wanted = formats();
    if (wanted.isEmpty()) return;
    if (out == null) {
      outputs.checkDirectory("--trace-format (files go to the current directory)", Path.of(""));
    } else if (out.endsWith("/") || Files.isDirectory(Path.of(out))) {
      outputs.checkDirectory("--trace-out", Path.of(out));
    } else {
      Path parent = Path.of(out).toAbsolutePath().getParent();
      if (parent != null) outputs.checkDirectory("--trace-out", parent);
      // With several violations each name has the property in it: known only at the end.
      for (TraceFormat f : several ? Set.<TraceFormat>of() : wanted) {
        Path file = Path.of(out + "." + f.extension());
        if (Files.exists(file)) outputs.checkFile("--trace-out", file);
      }
    }
  }

  /**
   * Writes one violated result in every requested format and returns the files written.
   * {@code several}: more violations follow, so a PREFIX gets the property name too.
   */
  List<Path> write(ModelCheckResult violated, boolean several, Outputs outputs) throws IOException {
    List<Path> written = new ArrayList<>();
    for (TraceFormat f : formats()) {
      Path file = file(violated, f, several);
      outputs.write(file, violated.renderTrace(f), true);
      written.add(file);
    }
    return written;
  }

  private Path file(ModelCheckResult r, TraceFormat f, boolean several) {
    String name = r.model() + "-" + r.counterexample().orElseThrow().property() + "."
        + f.extension();
    if (out == null) return Path.of(name);
    if (out.endsWith("/") || Files.isDirectory(Path.of(out))) return Path.of(out).resolve(name);
    String suffix = several ? "-" + r.counterexample().orElseThrow().property() : "";
    return Path.of(out + suffix + "." + f.extension());
  }
}
