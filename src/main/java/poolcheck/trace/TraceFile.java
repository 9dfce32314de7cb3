package poolcheck.trace;

import static poolcheck.language.ErrorCode.NOT_A_TRACE;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import poolcheck.language.Diagnostic;
import poolcheck.language.Position;
import poolcheck.result.CheckResult;
import poolcheck.result.Counterexample;
import poolcheck.result.Statistics;
import poolcheck.result.TraceStep;
import poolcheck.result.Verdict;
import poolcheck.system.Property;
import poolcheck.system.Transition;

/**
 * A saved trace (a JSON result or trace, an ITF trace) read back as the violated result it
 * records, so that every format renders it without the model: the file names each step's
 * instance, label, kernel function and source, and the step that closes a lasso. What a file
 * does not record is left out of the rendering (an ITF trace from another tool has no sources;
 * a lasso written before the closing step was recorded says only which state it returns to).
 */
public final class TraceFile {
  /** Stands for the step of a trace that does not name it (ITF from another tool). */
  static final String UNNAMED = "?";

  private TraceFile() {}

  public static CheckResult read(Path file) throws IOException {
    JsonTrace.Recorded r = JsonTrace.read(file);
    JsonTrace.Details d = r.details();
    if (r.steps().isEmpty()) throw at(file, "the trace has no states, expected at least one");
    if (d.kind() == null) {
      throw at(file, "no \"kind\" of the violated property (expected one of "
          + String.join(", ", JsonTrace.KINDS) + ")");
    }
    Property.Kind kind = Property.Kind.valueOf(d.kind().toUpperCase(Locale.ROOT));
    if (kind == Property.Kind.LIVENESS && r.loop() < 0) {
      throw at(file, "a liveness trace without \"loop\" (expected the index of the state the "
          + "run returns to)");
    }
    Property property = new Property(-1, r.property(), kind, null);
    ImmutableList.Builder<TraceStep> steps = ImmutableList.builder();
    for (int i = 0; i < r.steps().size(); i++) {
      JsonTrace.Step s = r.steps().get(i);
      steps.add(new TraceStep(i == 0 ? null : transition(s), s.state()));
    }
    Counterexample cx = new Counterexample(property, steps.build(), r.loop(), d.failure(),
        d.closing() == null ? null : transition(d.closing()));
    String model = r.model() == null ? modelName(file) : r.model();
    return new CheckResult(model, d.constants() == null ? ImmutableMap.of() : d.constants(),
        r.checked() == null ? ImmutableList.of(r.property()) : r.checked(), Verdict.VIOLATED,
        statistics(d.statistics()), java.util.Optional.of(cx), null);
  }

  private static Transition transition(JsonTrace.Step s) {
    return new Transition(-1, s.process() == null ? UNNAMED : s.process(), -1,
        s.label() == null ? UNNAMED : s.label(), s.function(), position(s.source()));
  }

  /** "file:line:column", already checked to end in two numbers, or null. */
  private static Position position(String source) {
    if (source == null) return null;
    int c = source.lastIndexOf(':');
    int l = source.lastIndexOf(':', c - 1);
    return new Position(source.substring(0, l), Integer.parseInt(source.substring(l + 1, c)),
        Integer.parseInt(source.substring(c + 1)));
  }

  /** The search's figures as the file has them; zero where it has none (an ITF trace). */
  private static Statistics statistics(JsonNode n) {
    if (n == null) return new Statistics(0, 0, 0, 0, 0, 0, 0);
    return new Statistics(n.path("generated").asLong(), n.path("distinct").asLong(),
        n.path("depth").asInt(), n.path("millis").asLong(), n.path("workers").asInt(),
        n.path("bytes_per_state").asLong(), n.path("collision_probability").asDouble());
  }

  private static String modelName(Path file) {
    String name = String.valueOf(file.getFileName());
    int dot = name.indexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static TraceFileException at(Path file, String message) {
    return new TraceFileException(new Diagnostic(NOT_A_TRACE, new Position(file.toString(), 1, 1),
        message));
  }
}
