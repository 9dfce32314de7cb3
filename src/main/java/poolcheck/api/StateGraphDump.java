package poolcheck.api;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.nio.file.Path;
import poolcheck.explore.GraphRecorder;
import poolcheck.system.TransitionSystem;
import poolcheck.trace.GraphFormat;

/**
 * The whole reachable state graph of a small model, as DOT or JSON (check --dump-graph): a
 * state per node with its values, an edge per successor a step generates, labelled with the
 * process instance and the step's label. With symmetry on, one state per orbit, the states the
 * search counts. Empty when the graph has more than {@code limit} states.
 */
public final class StateGraphDump {
  private StateGraphDump() {}

  public static Optional<String> render(Path model, String config, Map<String, String> constants,
      boolean symmetry, long limit, String format) {
    GraphFormat f;
    try {
      f = GraphFormat.valueOf(format.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--dump-graph: unknown format '" + format
          + "' (known: dot, json)");
    }
    ModelSource source = ModelSource.file(model).withConfig(config)
        .withConstants(constants == null ? Map.of() : constants);
    TransitionSystem m = source.load().compiled().withSymmetry(symmetry);
    try {
      return Optional.of(f.render(GraphRecorder.record(m, limit)));
    } catch (GraphRecorder.TooLarge e) {
      return Optional.empty();
    }
  }
}
