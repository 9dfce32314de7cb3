package poolcheck.trace;

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
  /** One recorded step: who ran which label (both null for the initial state), and the state. */
  public record Step(String process, String label, StateView state) {}

  /** A trace as recorded: the property it claims to violate and its steps. */
  /**
   * A trace as recorded. {@code checked} names the properties the search that found it checked
   * (the JSON result's "checked"), or is null when unknown: replay then checks them all.
   */
  public record Recorded(String model, String property, ImmutableList<Step> steps, int loop,
      ImmutableList<String> checked) {
    public Recorded(String model, String property, ImmutableList<Step> steps, int loop) {
      this(model, property, steps, loop, null);
    }

    public Recorded(String model, String property, ImmutableList<Step> steps) {
      this(model, property, steps, -1, null);
    }
  }

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
      throw doc.error("PC302", at, "no trace in it (expected a \"trace\" with \"steps\", "
          + "found " + TraceDocument.kind(trace.isObject() ? trace.get("steps") : trace) + ")");
    }
    ImmutableList.Builder<Step> steps = ImmutableList.builder();
    int i = 0;
    for (JsonNode step : trace.get("steps")) {
      String stepAt = at + "/steps/" + i++;
      JsonNode state = step.get("state");
      if (state == null || !state.isObject()) {
        throw doc.error("PC302", stepAt, "a step without a \"state\" object");
      }
      ImmutableMap.Builder<String, Value> values = ImmutableMap.builder();
      Iterator<Map.Entry<String, JsonNode>> fields = state.properties().iterator();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        values.put(f.getKey(), value(doc, f.getValue(), f.getKey().endsWith(".pc"),
            stepAt + "/state" + JsonLocations.step(f.getKey())));
      }
      steps.add(new Step(doc.textOrNull(step.get("process"), stepAt + "/process", "process"),
          doc.textOrNull(step.get("label"), stepAt + "/label", "label"),
          new StateView(values.buildKeepingLast())));
    }
    int loop = trace.has("loop") ? loop(doc, trace.get("loop"), at + "/loop", i) : -1;
    ImmutableList<String> checked = null;
    if (root.has("checked")) {
      if (!root.get("checked").isArray()) {
        throw doc.error("PC302", "/checked", "\"checked\" is " + TraceDocument.kind(
            root.get("checked")) + ", expected an array of property names");
      }
      ImmutableList.Builder<String> names = ImmutableList.builder();
      int k = 0;
      for (JsonNode n : root.get("checked")) {
        String name = doc.textOrNull(n, "/checked/" + k, "a checked property name");
        if (name == null) {
          throw doc.error("PC302", "/checked/" + k, "a checked property name is null");
        }
        names.add(name);
        k++;
      }
      checked = names.build();
    }
    String property = doc.textOrNull(trace.get("property"), at + "/property", "property");
    if (property == null) {
      throw doc.error("PC302", at, "no \"property\" naming the property the trace violates");
    }
    return new Recorded(doc.textOrNull(root.get("model"), "/model", "model"), property,
        steps.build(), loop, checked);
  }

  /** A lasso's loop-back state: -1 (none) or the index of one of the {@code states}. */
  static int loop(TraceDocument doc, JsonNode n, String pointer, int states)
      throws TraceFileException {
    int loop = doc.integer(n, pointer, "loop");
    if (loop < -1 || loop >= states) {
      throw doc.error("PC302", pointer, "loop " + loop + " is not a state of the trace (0 to "
          + (states - 1) + ", or -1 for none)");
    }
    return loop;
  }

  private static Value value(TraceDocument doc, JsonNode n, boolean label, String at)
      throws TraceFileException {
    if (n.isBoolean()) return new Value.Bool(n.asBoolean());
    if (n.isNumber()) return new Value.Int(doc.integer(n, at, "value"));
    if (n.isTextual()) return label ? new Value.Label(n.asText()) : new Value.Enum(n.asText());
    if (n.isArray()) {
      ImmutableList.Builder<Value> elements = ImmutableList.builder();
      int i = 0;
      for (JsonNode e : n) elements.add(value(doc, e, false, at + "/" + i++));
      return new Value.Sequence(true, elements.build());
    }
    throw doc.error("PC302", at, "a state value that is " + TraceDocument.kind(n)
        + ", expected a boolean, an integer, a name or an array");
  }
}
