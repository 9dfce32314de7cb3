package poolcheck.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import poolcheck.compile.StateView;
import poolcheck.compile.Value;

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

  public static Recorded read(Path file) throws IOException {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readString(file));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IOException(file + ": not JSON: " + e.getOriginalMessage());
    }
    if (ItfTrace.isItf(root)) return ItfTrace.read(root, file);
    JsonNode trace = root.has("trace") ? root.get("trace") : root;
    if (!trace.has("steps") || !trace.get("steps").isArray()) {
      throw new IOException(file + ": no trace in it (expected a \"trace\" with \"steps\")");
    }
    ImmutableList.Builder<Step> steps = ImmutableList.builder();
    for (JsonNode step : trace.get("steps")) {
      JsonNode state = step.get("state");
      if (state == null || !state.isObject()) {
        throw new IOException(file + ": a step without a \"state\" object");
      }
      ImmutableMap.Builder<String, Value> values = ImmutableMap.builder();
      Iterator<Map.Entry<String, JsonNode>> fields = state.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        values.put(f.getKey(), value(f.getValue(), f.getKey().endsWith(".pc")));
      }
      steps.add(new Step(text(step.get("process")), text(step.get("label")),
          new StateView(values.build())));
    }
    int loop = trace.has("loop") ? trace.get("loop").asInt() : -1;
    ImmutableList<String> checked = null;
    if (root.has("checked") && root.get("checked").isArray()) {
      ImmutableList.Builder<String> names = ImmutableList.builder();
      root.get("checked").forEach(n -> names.add(n.asText()));
      checked = names.build();
    }
    return new Recorded(text(root.get("model")), text(trace.get("property")), steps.build(),
        loop, checked);
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }

  private static Value value(JsonNode n, boolean label) {
    if (n.isBoolean()) return new Value.Bool(n.asBoolean());
    if (n.isInt()) return new Value.Int(n.asInt());
    if (n.isTextual()) return label ? new Value.Label(n.asText()) : new Value.Enum(n.asText());
    if (n.isArray()) {
      ImmutableList.Builder<Value> elements = ImmutableList.builder();
      for (JsonNode e : n) elements.add(value(e, false));
      return new Value.Sequence(true, elements.build());
    }
    throw new IllegalArgumentException("unexpected JSON value " + n);
  }
}
