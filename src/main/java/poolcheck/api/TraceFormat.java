package poolcheck.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats a counterexample can be written in (docs/traces.md), each with its extension. */
public enum TraceFormat {
  TEXT("txt"), JSON("json"), ITF("itf.json"), DOT("dot"), MERMAID("mmd"), HTML("html");

  private final String extension;

  TraceFormat(String extension) {
    this.extension = extension;
  }

  public String extension() {
    return extension;
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

  poolcheck.trace.TraceFormat engine() {
    return poolcheck.trace.TraceFormat.valueOf(name());
  }
}
