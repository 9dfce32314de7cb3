package poolcheck.trace;

import java.util.Map;
import poolcheck.system.Property;
import poolcheck.system.StateView;
import poolcheck.system.Transition;
import poolcheck.system.Value;
import poolcheck.result.Counterexample;
import poolcheck.result.TraceStep;

/**
 * The trace for people: the whole initial state, then per step who ran which label (and the
 * kernel function it stands for) and only the variables that changed.
 */
public final class TextTrace {
  private TextTrace() {}

  public static String render(Counterexample cx) {
    StringBuilder out = new StringBuilder();
    StateView previous = null;
    for (int i = 0; i < cx.steps().size(); i++) {
      TraceStep step = cx.steps().get(i);
      boolean last = i == cx.steps().size() - 1;
      if (previous == null) {
        out.append("State 0: initial state\n");
        if (cx.loop() == 0 && cx.steps().size() > 1) {
          out.append("  -- the cycle starts at this state --\n");
        }
        for (Map.Entry<String, Value> e : step.state().values().entrySet()) {
          out.append("  ").append(e.getKey()).append(" = ").append(e.getValue()).append('\n');
        }
      } else {
        out.append("Step ").append(i).append(": ").append(describe(step.transition()));
        out.append('\n');
        if (i == cx.loop() && i != cx.steps().size() - 1) {
          out.append("  -- the cycle starts at this state --\n");
        }
        for (Map.Entry<String, Value> e : step.state().values().entrySet()) {
          Value before = previous.get(e.getKey());
          if (!e.getValue().equals(before)) {
            out.append("  ").append(e.getKey()).append(" = ").append(e.getValue())
                .append("   (was ").append(before).append(")\n");
          }
        }
      }
      if (last) {
        if (cx.closing() != null) {
          // TLC's "Back to state N": the step that closes the loop, then the violation.
          out.append("Back to state ").append(cx.loop()).append(": ")
              .append(describe(cx.closing())).append('\n');
        }
        out.append(violation(cx)).append('\n');
        cx.failureText().ifPresent(f -> out.append("     ").append(f).append('\n'));
      }
      previous = step.state();
    }
    return out.toString();
  }

  /** "consumer[0] put @page_pool_put_unrefed_page (model.pool:42:3)". */
  public static String describe(Transition t) {
    if (t == null) return "initial state";
    StringBuilder out = new StringBuilder(t.instance()).append(' ').append(t.label());
    if (t.function() != null) out.append(" @").append(t.function());
    // a trace read from a file that did not record where the step is written
    if (t.position() == null) return out.toString();
    return out.append("  (").append(t.position()).append(')').toString();
  }

  private static String violation(Counterexample cx) {
    Property p = cx.property();
    return switch (p.kind()) {
      case INVARIANT -> "  >> invariant " + p.name() + " is violated in this state";
      case ASSERTION -> "  >> assertion " + p.name() + " fails in this step (state shown at the "
          + "failing assert)";
      case DEADLOCK -> "  >> deadlock: no step is enabled and the state is not final";
      case RUNTIME -> "  >> " + p.name().replace('_', ' ') + " in this step (state shown at "
          + "the failing statement)";
      case LIVENESS -> cx.loop() == cx.steps().size() - 1 && cx.loop() >= 0
          ? "  >> liveness " + p.name() + " fails: the run may stay in this state for ever "
              + "(no process under fairness has a step here) and the awaited condition never "
              + "holds"
          : "  >> liveness " + p.name() + " fails: from here the run goes back to state "
              + cx.loop() + " and repeats for ever; the awaited condition never holds";
    };
  }
}
