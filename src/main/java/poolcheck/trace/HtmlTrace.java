package poolcheck.trace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import poolcheck.result.CheckResult;

/**
 * One self-contained HTML page (no network access needed): lifelines per process instance,
 * stepping forward and back, the variables each step changed highlighted, the violation at the
 * end. The page draws itself with its script from the JSON result embedded in it, so the page
 * is also the JSON: {@code replay} input can be cut out of it.
 */
public final class HtmlTrace {
  private static final String TEMPLATE = "trace.html";

  private HtmlTrace() {}

  public static String render(CheckResult r) {
    String title = "poolcheck: " + r.model() + ": "
        + ViolationText.of(r.counterexample().orElseThrow().property());
    // '<' only occurs inside JSON strings, where its JSON escape means the same: no "</script>"
    // in a value can end the element early.
    String json = JsonResult.render(r).strip().replace("<", "\\u003c");
    HtmlLayout layout = HtmlLayout.of(
        Lifelines.of(r.counterexample().orElseThrow().steps().get(0).state()).size());
    // the title and the JSON go in last: no placeholder inside them is replaced
    return template().replace("{{BODY_MARGIN}}", Integer.toString(layout.bodyMargin()))
        .replace("{{NUM_WIDTH}}", Integer.toString(layout.numWidth()))
        .replace("{{LANE_WIDTH}}", Integer.toString(layout.laneWidth()))
        .replace("{{TABLE_WIDTH}}", Integer.toString(layout.tableWidth()))
        .replace("{{TITLE}}", html(title)).replace("{{TRACE_JSON}}", json);
  }

  private static String template() {
    try (InputStream in = HtmlTrace.class.getResourceAsStream(TEMPLATE)) {
      if (in == null) throw new IllegalStateException("missing resource " + TEMPLATE);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String html(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
