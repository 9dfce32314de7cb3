package poolcheck.trace;

import poolcheck.system.StateView;
import poolcheck.system.Transition;
import poolcheck.result.CheckResult;
import poolcheck.result.Counterexample;
import poolcheck.result.TraceStep;

/**
 * Graphviz DOT: one node per state (the initial state in full, later states with only the
 * variables their step changed), one edge per step labelled with the instance, label and kernel
 * function, and the violation as a red note after the last state. {@code dot -Tsvg} draws it.
 */
public final class DotTrace {
  private DotTrace() {}

  public static String render(CheckResult r) {
    Counterexample cx = r.counterexample().orElseThrow();
    String violation = ViolationText.of(cx.property());
    StringBuilder out = new StringBuilder("digraph trace {\n");
    out.append("  graph [label=").append(quote(r.model() + " " + r.constants() + ": "
        + violation)).append(", labelloc=t, fontname=\"Helvetica\"];\n");
    out.append("  node [shape=box, fontname=\"Courier\", fontsize=10];\n");
    out.append("  edge [fontname=\"Helvetica\", fontsize=10];\n");
    StateView previous = null;
    int last = cx.steps().size() - 1;
    for (int i = 0; i <= last; i++) {
      TraceStep step = cx.steps().get(i);
      StringBuilder label = new StringBuilder(i == 0 ? "state 0 (initial)" : "state " + i);
      label.append("\\l");
      for (String name : StateDiff.changed(previous, step.state())) {
        label.append(escape(name + " = " + step.state().get(name))).append("\\l");
      }
      out.append("  s").append(i).append(" [label=\"").append(label).append('"');
      if (i == last) out.append(", color=red, penwidth=2");
      out.append("];\n");
      if (i > 0) {
        out.append("  s").append(i - 1).append(" -> s").append(i).append(" [label=")
            .append(quote(i + ": " + action(step.transition()))).append("];\n");
      }
      previous = step.state();
    }
    if (cx.isLasso()) out.append(loopEdge(cx, last));
    out.append("  violation [shape=note, color=red, fontcolor=red, label=")
        .append(quote(violation)).append("];\n");
    out.append("  s").append(last).append(" -> violation [style=dashed, color=red];\n");
    return out.append("}\n").toString();
  }

  /**
   * The edge that closes a lasso, drawn back against the flow (constraint=false keeps the states
   * in one column); a lasso that stops in its last state gets a self-loop.
   */
  private static String loopEdge(Counterexample cx, int last) {
    String label = cx.closing() != null ? (last + 1) + ": " + action(cx.closing())
        + "\nback to state " + cx.loop()
        : cx.loop() == last ? "stays here for ever" : "back to state " + cx.loop();
    return "  s" + last + " -> s" + cx.loop() + " [label=" + quote(label)
        + ", style=bold, color=blue, fontcolor=blue, constraint=false];\n";
  }

  private static String action(Transition t) {
    String s = t.instance() + " " + t.label();
    return t.function() == null ? s : s + "\n@" + t.function();
  }

  private static String quote(String s) {
    return '"' + escape(s).replace("\n", "\\n") + '"';
  }

  /** Inside a DOT quoted string only the quote and the backslash are special. */
  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
