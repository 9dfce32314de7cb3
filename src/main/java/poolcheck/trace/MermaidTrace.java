package poolcheck.trace;

import com.google.common.collect.ImmutableList;
import java.util.List;
import poolcheck.system.StateView;
import poolcheck.system.Transition;
import poolcheck.result.CheckResult;
import poolcheck.result.Counterexample;
import poolcheck.result.TraceStep;

/**
 * A Mermaid {@code sequenceDiagram} (renders in GitHub and GitLab markdown): one participant per
 * process instance, a note on the acting instance's lifeline per step with the variables it
 * changed, and the violation across all lifelines at the end, so the interleaving reads like the
 * diagrams in kernel mails.
 */
public final class MermaidTrace {
  private MermaidTrace() {}

  public static String render(CheckResult r) {
    Counterexample cx = r.counterexample().orElseThrow();
    ImmutableList<String> instances = Lifelines.of(cx.steps().get(0).state());
    StringBuilder out = new StringBuilder("sequenceDiagram\n");
    // Mermaid clips a title wider than the diagram: the violation goes in the last note.
    out.append("  title ").append(text(r.model() + " " + r.constants().toString()
        .replace('{', '(').replace('}', ')'))).append('\n');
    for (int i = 0; i < instances.size(); i++) {
      out.append("  participant p").append(i).append(" as ").append(text(instances.get(i)))
          .append('\n');
    }
    String all = instances.isEmpty() ? null
        : instances.size() == 1 ? "p0" : "p0,p" + (instances.size() - 1);
    StateView previous = null;
    int last = cx.steps().size() - 1;
    for (int i = 0; i <= last; i++) {
      TraceStep step = cx.steps().get(i);
      Transition t = step.transition();
      if (cx.isLasso() && i == cx.loop() + 1) {
        out.append("  loop ").append(text("back to state " + cx.loop() + ", for ever"))
            .append('\n');
      }
      List<String> changed = StateDiff.changed(previous, step.state());
      StringBuilder note = new StringBuilder(t == null ? "initial state" : i + ". " + action(t));
      for (String name : changed) note.append("\n").append(name).append(" = ")
          .append(step.state().get(name));
      note(out, lane(instances, t, all), note.toString());
      previous = step.state();
    }
    if (cx.isLasso()) {
      // Mermaid's loop box holds the cycle: the steps after the loop state and the closing one.
      if (cx.loop() == last) {
        out.append("  loop ").append(text("in state " + last + " for ever")).append('\n');
        note(out, all, "no process under fairness has a step here");
      } else if (cx.closing() != null) {
        note(out, lane(instances, cx.closing(), all), (last + 1) + ". " + action(cx.closing())
            + "\nback to state " + cx.loop());
      }
      out.append("  end\n");
    }
    if (all != null) {
      out.append("  Note over ").append(all).append(": ")
          .append(text(ViolationText.of(cx.property()))).append('\n');
    }
    return out.toString();
  }

  private static String action(Transition t) {
    return t.label() + (t.function() == null ? "" : " @" + t.function());
  }

  /** The acting instance's lifeline; all of them for the initial state or an unknown one. */
  private static String lane(List<String> instances, Transition t, String all) {
    int k = t == null ? -1 : instances.indexOf(t.instance());
    return k < 0 ? all : "p" + k;
  }

  private static void note(StringBuilder out, String over, String note) {
    if (over == null) return;
    out.append("  Note over ").append(over).append(": ").append(text(note)).append('\n');
  }

  /**
   * Mermaid reads {@code ;} as a statement end and passes {@code <...>} to the browser as HTML
   * (a lifo of enum values would vanish), so those become its {@code #code;} entities.
   */
  static String text(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '#' -> out.append("#35;");
        case ';' -> out.append("#59;");
        case '<' -> out.append("#lt;");
        case '>' -> out.append("#gt;");
        case '\n' -> out.append("<br/>");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
