package poolcheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import picocli.CommandLine.Option;
import poolcheck.api.TraceFormat;

/** Which files a trace is written to: --trace-format and --trace-out (check, replay, show). */
final class TraceFiles {
  @Option(names = "--trace-format", paramLabel = "FORMAT", split = ",",
      description = "Also write the counterexample as text, json, itf, dot, mermaid or html "
          + "(several comma-separated, each to its own file). The terminal always shows text.")
  List<String> formats;

  @Option(names = "--trace-out", paramLabel = "PREFIX|DIR/",
      description = "Where trace files go: PREFIX.json, PREFIX.itf.json, ... or, for a "
          + "directory, DIR/MODEL-PROPERTY.json, ... Default: MODEL-PROPERTY.* in the current "
          + "directory. Alone, it writes json.")
  String out;

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
   * Writes one trace of {@code model} violating {@code property} in every requested format and
   * returns the files written. {@code several}: more violations follow, so a PREFIX gets the
   * property name too.
   */
  List<Path> write(String model, String property, Function<TraceFormat, String> render,
      boolean several, Outputs outputs) throws IOException {
    List<Path> written = new ArrayList<>();
    for (TraceFormat f : formats()) {
      Path file = file(model, property, f, several);
      outputs.write(file, render.apply(f), true);
      written.add(file);
    }
    return written;
  }

  private Path file(String model, String property, TraceFormat f, boolean several) {
    String name = model + "-" + property + "." + f.extension();
    if (out == null) return Path.of(name);
    if (out.endsWith("/") || Files.isDirectory(Path.of(out))) return Path.of(out).resolve(name);
    String suffix = several ? "-" + property : "";
    return Path.of(out + suffix + "." + f.extension());
  }
}
