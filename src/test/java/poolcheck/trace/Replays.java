package poolcheck.trace;

import com.google.common.collect.ImmutableList;
import poolcheck.compile.CompiledModel;
import poolcheck.result.Counterexample;
import poolcheck.result.TraceStep;

/** Replays a counterexample as the replay command would, without a file in between. */
public final class Replays {
  private Replays() {}

  public static Replay.Outcome replay(CompiledModel model, Counterexample cx) {
    return replay(model, cx, null);
  }

  /**
   * As a search that checked only {@code checked} (and the runtime errors) recorded it: on the
   * way to its violation the trace may break a property that search left out.
   */
  public static Replay.Outcome replay(CompiledModel model, Counterexample cx,
      ImmutableList<String> checked) {
    ImmutableList.Builder<JsonTrace.Step> steps = ImmutableList.builder();
    for (TraceStep s : cx.steps()) {
      steps.add(s.transition() == null ? new JsonTrace.Step(null, null, s.state())
          : new JsonTrace.Step(s.transition().instance(), s.transition().label(), s.state()));
    }
    JsonTrace.Step closing = cx.closing() == null ? null
        : new JsonTrace.Step(cx.closing().instance(), cx.closing().label(), null);
    return Replay.check(model, new JsonTrace.Recorded(model.name(), cx.property().name(),
        steps.build(), cx.loop(), checked, new JsonTrace.Details(null, null, null, null,
            closing)));
  }
}
