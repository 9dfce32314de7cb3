package poolcheck.trace;

import static poolcheck.language.ErrorCode.NOT_A_TRACE;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import poolcheck.system.StateView;
import poolcheck.system.Value;

/** Reads the trace of a poolcheck JSON result (or an ITF trace) back, for replay. */
public final class JsonTrace {
  /**
   * One recorded step: who ran which label (both null for the initial state), the kernel
   * function and the source position ("file:line:column") where recorded (else null), and the
   * state.
   */
  public record Step(String process, String label, String function, String source,
      StateView state) {
    public Step(String process, String label, StateView state) {
      this(process, label, null, null, state);
    }
  }

  /**
   * What only showing a trace again needs, each null where the file does not say: the kind of
   * the property, the constants, the statistics of the search that found it (a JSON result's
   * "statistics" object as it is), the failure in words, and the step that closes a lasso
   * (without a state).
   */
  public record Details(String kind, ImmutableMap<String, Integer> constants,
      JsonNode statistics, String failure, Step closing) {
    static final Details NONE = new Details(null, null, null, null, null);
  }

  /**
   * A trace as recorded. {@code checked} names the properties the search that found it checked
   * (the JSON result's "checked"), or is null when unknown: replay then checks them all.
   */
  public record Recorded(String model, String property, ImmutableList<Step> steps, int loop,
      ImmutableList<String> checked, Details details) {
    public Recorded(String model, String property, ImmutableList<Step> steps, int loop,
        ImmutableList<String> checked) {
      this(model, property, steps, loop, checked, Details.NONE);
    }

    public Recorded(String model, String property, ImmutableList<Step> steps, int loop) {
      this(model, property, steps, loop, null);
    }

    public Recorded(String model, String property, ImmutableList<Step> steps) {
      this(model, property, steps, -1, null);
    }
  }

  private static final java.util.regex.Pattern SOURCE =
      java.util.regex.Pattern.compile(".*:[0-9]{1,9}:[0-9]{1,9}");
  static final ImmutableList<String> KINDS = java.util.Arrays.stream(
      poolcheck.system.Property.Kind.values()).map(k -> k.name().toLowerCase(java.util.Locale.ROOT))
      .collect(ImmutableList.toImmutableList());

  private JsonTrace() {}

  /**
   * Reads a JSON result or trace, or an ITF trace. Anything that is not one is a
   * {@link TraceFileException} with a code and the position of the offending JSON value.
   */
  public static Recorded read(Path file) throws IOException {
    TraceDocument doc = TraceDocument.read(file);
    JsonNode root = doc.root;
    if (ItfTrace.isItf(root)) return ItfTrace.read(doc);
    boolean wrapped = root.isObject() && root.has("trace");
    JsonNode trace = wrapped ? root.get("trace") : root;
    String at = wrapped ? "/trace" : "";
    if (!trace.isObject() || !trace.has("steps") || !trace.get("steps").isArray()) {
      throw doc.error(NOT_A_TRACE, at, "no trace in it (expected a \"trace\" with \"steps\", "
          + "found " + TraceDocument.kind(trace.isObject() ? trace.get("steps") : trace) + ")");
    }
    JsonNode shapes = ValueShapes.read(doc, trace, at);
    ImmutableList.Builder<Step> steps = ImmutableList.builder();
    int i = 0;
    for (JsonNode step : trace.get("steps")) {
      String stepAt = at + "/steps/" + i++;
      JsonNode state = step.get("state");
      if (state == null || !state.isObject()) {
        throw doc.error(NOT_A_TRACE, stepAt, "a step without a \"state\" object");
      }
      ImmutableMap.Builder<String, Value> values = ImmutableMap.builder();
      Iterator<Map.Entry<String, JsonNode>> fields = state.properties().iterator();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        values.put(f.getKey(), variable(doc, shapes, at, f.getKey(), f.getValue(),
            stepAt + "/state" + JsonLocations.step(f.getKey())));
      }
      steps.add(step(doc, step, stepAt, new StateView(values.buildKeepingLast())));
    }
    int loop = trace.has("loop") ? loop(doc, trace.get("loop"), at + "/loop", i) : -1;
    ImmutableList<String> checked = null;
    if (root.has("checked")) {
      if (!root.get("checked").isArray()) {
        throw doc.error(NOT_A_TRACE, "/checked", "\"checked\" is " + TraceDocument.kind(
            root.get("checked")) + ", expected an array of property names");
      }
      ImmutableList.Builder<String> names = ImmutableList.builder();
      int k = 0;
      for (JsonNode n : root.get("checked")) {
        String name = doc.textOrNull(n, "/checked/" + k, "a checked property name");
        if (name == null) {
          throw doc.error(NOT_A_TRACE, "/checked/" + k, "a checked property name is null");
        }
        names.add(name);
        k++;
      }
      checked = names.build();
    }
    String property = doc.textOrNull(trace.get("property"), at + "/property", "property");
    if (property == null) {
      throw doc.error(NOT_A_TRACE, at, "no \"property\" naming the property the trace violates");
    }
    Details details = new Details(kind(doc, trace.get("kind"), at + "/kind"),
        constants(doc, root.get("constants"), "/constants"), statistics(doc, root),
        doc.textOrNull(trace.get("failure"), at + "/failure", "failure"),
        closing(doc, trace.get("closing"), at + "/closing"));
    return new Recorded(doc.textOrNull(root.get("model"), "/model", "model"), property,
        steps.build(), loop, checked, details);
  }

  /** A step's process, label, function and source, as the JSON result and ITF's #meta name them. */
  static Step step(TraceDocument doc, JsonNode n, String at, StateView state)
      throws TraceFileException {
    String source = doc.textOrNull(n.get("source"), at + "/source", "source");
    if (source != null && !SOURCE.matcher(source).matches()) {
      throw doc.error(NOT_A_TRACE, at + "/source", "source \"" + source + "\" is not a position "
          + "(expected file:line:column)");
    }
    return new Step(doc.textOrNull(n.get("process"), at + "/process", "process"),
        doc.textOrNull(n.get("label"), at + "/label", "label"),
        doc.textOrNull(n.get("function"), at + "/function", "function"), source, state);
  }

  /** The property kinds a trace names, as JSON writes them. */
  static String kind(TraceDocument doc, JsonNode n, String at) throws TraceFileException {
    String kind = doc.textOrNull(n, at, "kind");
    if (kind != null && !KINDS.contains(kind)) {
      throw doc.error(NOT_A_TRACE, at, "kind \"" + kind + "\" is not a kind of property (expected "
          + String.join(", ", KINDS) + ")");
    }
    return kind;
  }

  /** The step that closes a lasso, or null when none is recorded. */
  static Step closing(TraceDocument doc, JsonNode n, String at) throws TraceFileException {
    if (n == null || n.isNull()) return null;
    if (!n.isObject()) {
      throw doc.error(NOT_A_TRACE, at, "\"closing\" is " + TraceDocument.kind(n)
          + ", expected an object with the process and label of the step back");
    }
    Step s = step(doc, n, at, null);
    if (s.process() == null || s.label() == null) {
      throw doc.error(NOT_A_TRACE, at, "\"closing\" without a \"process\" and a \"label\"");
    }
    return s;
  }

  /** Constant name to value, or null when the file has none. */
  static ImmutableMap<String, Integer> constants(TraceDocument doc, JsonNode n, String at)
      throws TraceFileException {
    if (n == null || n.isNull()) return null;
    if (!n.isObject()) {
      throw doc.error(NOT_A_TRACE, at, "\"constants\" is " + TraceDocument.kind(n)
          + ", expected an object of integers");
    }
    ImmutableMap.Builder<String, Integer> out = ImmutableMap.builder();
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      out.put(e.getKey(), doc.integer(e.getValue(), at + JsonLocations.step(e.getKey()),
          "constant " + e.getKey()));
    }
    return out.buildKeepingLast();
  }

  private static JsonNode statistics(TraceDocument doc, JsonNode root) throws TraceFileException {
    JsonNode n = root.get("statistics");
    if (n == null || n.isNull()) return null;
    if (!n.isObject()) {
      throw doc.error(NOT_A_TRACE, "/statistics", "\"statistics\" is " + TraceDocument.kind(n)
          + ", expected an object");
    }
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      if (!e.getValue().isNumber()) {
        throw doc.error(NOT_A_TRACE, "/statistics" + JsonLocations.step(e.getKey()), "statistic "
            + e.getKey() + " is " + TraceDocument.kind(e.getValue()) + ", expected a number");
      }
    }
    return n;
  }

  /** A lasso's loop-back state: -1 (none) or the index of one of the {@code states}. */
  static int loop(TraceDocument doc, JsonNode n, String pointer, int states)
      throws TraceFileException {
    int loop = doc.integer(n, pointer, "loop");
    if (loop < -1 || loop >= states) {
      throw doc.error(NOT_A_TRACE, pointer, "loop " + loop + " is not a state of the trace (0 to "
          + (states - 1) + ", or -1 for none)");
    }
    return loop;
  }

  /**
   * One variable of a state: an array, fifo or lifo as its shape says; in a file written before
   * shapes were (2026-12-05), a JSON array is read as an array indexed from 0, the common case
   * (docs/json-schema.md).
   */
  private static Value variable(TraceDocument doc, JsonNode shapes, String traceAt, String name,
      JsonNode n, String at) throws TraceFileException {
    boolean label = name.endsWith(".pc");
    if (!n.isArray()) return scalar(doc, n, label, at);
    if (shapes == null) return unshaped(doc, n, at);
    JsonNode shape = shapes.get(name);
    String shapeAt = traceAt + "/shapes" + JsonLocations.step(name);
    if (shape == null) {
      throw doc.error(NOT_A_TRACE, at, "an array for " + name + ", which has no shape in \"shapes\"");
    }
    return ValueShapes.value(doc, shape, n, shapeAt, at, (e, eAt) -> scalar(doc, e, false, eAt));
  }

  private static Value unshaped(TraceDocument doc, JsonNode n, String at)
      throws TraceFileException {
    ImmutableList.Builder<Value> keys = ImmutableList.builder();
    ImmutableList.Builder<Value> values = ImmutableList.builder();
    for (int i = 0; i < n.size(); i++) {
      keys.add(new Value.Int(i));
      JsonNode e = n.get(i);
      values.add(e.isArray() ? unshaped(doc, e, at + "/" + i) : scalar(doc, e, false, at + "/" + i));
    }
    return new Value.Array(keys.build(), values.build());
  }

  private static Value scalar(TraceDocument doc, JsonNode n, boolean label, String at)
      throws TraceFileException {
    if (n.isBoolean()) return new Value.Bool(n.asBoolean());
    if (n.isNumber()) return new Value.Int(doc.integer(n, at, "value"));
    if (n.isTextual()) return label ? new Value.Label(n.asText()) : new Value.Enum(n.asText());
    throw doc.error(NOT_A_TRACE, at, "a state value that is " + TraceDocument.kind(n)
        + ", expected a boolean, an integer, a name or an array");
  }
}
