package poolcheck.trace;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import poolcheck.result.CheckResult;

/** The formats a counterexample can be written in, each with its file extension. */
public enum TraceFormat {
  TEXT("txt", r -> TextTrace.render(r.counterexample().orElseThrow())),
  JSON("json", JsonResult::render),
  ITF("itf.json", ItfTrace::render),
  DOT("dot", DotTrace::render),
  MERMAID("mmd", MermaidTrace::render),
  HTML("html", HtmlTrace::render);

  private final String extension;
  private final Function<CheckResult, String> renderer;

  TraceFormat(String extension, Function<CheckResult, String> renderer) {
    this.extension = extension;
    this.renderer = renderer;
  }

  public String extension() {
    return extension;
  }

  /** The trace of a violated result in this format. */
  public String render(CheckResult violated) {
    return renderer.apply(violated);
  }

  /** The name on the command line: text, json, itf, dot, mermaid, html. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static TraceFormat parse(String name) {
    for (TraceFormat f : values()) {
      if (f.key().equals(name.trim().toLowerCase(Locale.ROOT))) return f;
    }
    throw new IllegalArgumentException("unknown trace format '" + name + "' (known: "
        + Arrays.stream(values()).map(TraceFormat::key).collect(Collectors.joining(", ")) + ")");
  }
}
