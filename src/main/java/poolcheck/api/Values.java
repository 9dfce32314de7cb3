package poolcheck.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import poolcheck.system.Transition;

/** The engine's result values as the API's own: plain records of strings and numbers. */
final class Values {
  private Values() {}

  static Verdict verdict(poolcheck.result.Verdict v) {
    return Verdict.valueOf(v.name());
  }

  static Statistics statistics(poolcheck.result.Statistics s) {
    return new Statistics(s.generated(), s.distinct(), s.depth(), s.millis(), s.workers(),
        s.bytesPerState(), s.collisionProbability());
  }

  static Counterexample counterexample(poolcheck.result.Counterexample cx) {
    List<TraceStep> steps = new ArrayList<>();
    for (poolcheck.result.TraceStep s : cx.steps()) {
      Map<String, String> state = new LinkedHashMap<>();
      s.state().values().forEach((k, v) -> state.put(k, v.toString()));
      Transition t = s.transition();
      steps.add(t == null ? new TraceStep(null, null, null, null,
          Collections.unmodifiableMap(state)) : new TraceStep(t.instance(), t.label(),
          t.function(), t.position() == null ? null : t.position().toString(),
          Collections.unmodifiableMap(state)));
    }
    return new Counterexample(cx.property().name(), cx.property().kind().name()
        .toLowerCase(Locale.ROOT), steps, cx.loop(), cx.failureText());
  }

  static Coverage coverage(poolcheck.result.Coverage c) {
    return new Coverage(c.reduced(), c.steps().stream().map(s -> new Coverage.Step(s.name(),
        s.position().toString(), s.enabled(), s.taken())).toList(), c.checks().stream()
        .map(k -> new Coverage.Check(k.describe(), k.site().position().toString(), k.evaluated(),
            k.held())).toList(), c.warnings().stream()
        .map(poolcheck.result.Coverage.Warning::text).toList());
  }
}
