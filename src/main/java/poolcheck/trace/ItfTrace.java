package poolcheck.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import poolcheck.compile.StateView;
import poolcheck.compile.Transition;
import poolcheck.compile.Value;
import poolcheck.result.CheckResult;
import poolcheck.result.Counterexample;
import poolcheck.result.TraceStep;

/**
 * The Informal Trace Format of Apalache and Quint (ADR-015), so that a trace opens in their
 * tooling. Variables keep poolcheck's names ({@code cpu[0].pc}); integers are written as
 * {@code {"#bigint": "5"}}, containers as lists (head or bottom first), arrays as
 * {@code {"#map": [[index, value], ...]}}. Who ran which step goes in each state's {@code #meta},
 * the model, constants and property in the trace's. A liveness lasso has {@code loop}: the index
 * of the state the last state returns to.
 */
public final class ItfTrace {
  public static final String FORMAT_DESCRIPTION =
      "https://apalache-mc.org/docs/adr/015adr-trace.html";
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private ItfTrace() {}

  public static String render(CheckResult r) {
    return IndentedJson.of(tree(r));
  }

  public static ObjectNode tree(CheckResult r) {
    Counterexample cx = r.counterexample().orElseThrow();
    ObjectNode root = F.objectNode();
    ObjectNode meta = root.putObject("#meta");
    meta.put("format", "ITF");
    meta.put("format-description", FORMAT_DESCRIPTION);
    cx.steps().stream().map(TraceStep::transition).filter(t -> t != null).findFirst()
        .ifPresent(t -> meta.put("source", Path.of(t.position().file()).getFileName().toString()));
    meta.put("description", "Created by poolcheck: " + ViolationText.of(cx.property()));
    meta.put("model", r.model());
    ObjectNode constants = meta.putObject("constants");
    r.constants().forEach(constants::put);
    meta.put("property", cx.property().name());
    meta.put("kind", cx.property().kind().name().toLowerCase(Locale.ROOT));
    ArrayNode vars = root.putArray("vars");
    cx.steps().get(0).state().values().keySet().forEach(vars::add);
    ArrayNode states = root.putArray("states");
    if (cx.isLasso()) root.put("loop", cx.loop());
    for (int i = 0; i < cx.steps().size(); i++) {
      TraceStep step = cx.steps().get(i);
      ObjectNode s = states.addObject();
      ObjectNode sm = s.putObject("#meta");
      sm.put("index", i);
      Transition t = step.transition();
      if (t != null) {
        sm.put("process", t.instance());
        sm.put("label", t.label());
        if (t.function() != null) sm.put("function", t.function());
      }
      if (i == cx.steps().size() - 1) sm.put("violation", cx.property().name());
      for (Map.Entry<String, Value> e : step.state().values().entrySet()) {
        s.set(e.getKey(), value(e.getValue()));
      }
    }
    return root;
  }

  static JsonNode value(Value v) {
    if (v instanceof Value.Bool b) return F.booleanNode(b.value());
    if (v instanceof Value.Int i) return F.objectNode().put("#bigint", Integer.toString(i.value()));
    if (v instanceof Value.Enum e) return F.textNode(e.name());
    if (v instanceof Value.Label l) return F.textNode(l.name());
    if (v instanceof Value.Sequence s) {
      ArrayNode a = F.arrayNode();
      s.elements().forEach(x -> a.add(value(x)));
      return a;
    }
    Value.Array arr = (Value.Array) v;
    ObjectNode map = F.objectNode();
    ArrayNode pairs = map.putArray("#map");
    for (int i = 0; i < arr.values().size(); i++) {
      pairs.addArray().add(value(arr.keys().get(i))).add(value(arr.values().get(i)));
    }
    return map;
  }

  /** Whether a parsed JSON document looks like ITF rather than poolcheck's own JSON. */
  static boolean isItf(JsonNode root) {
    return root.isObject() && root.has("states") && root.has("vars");
  }

  /**
   * Reads an ITF trace back for replay. States without a {@code process} in their
   * {@code #meta} (traces from other tools) are replayed by trying every step.
   */
  static JsonTrace.Recorded read(JsonNode root, Path file) throws IOException {
    JsonNode meta = root.path("#meta");
    ImmutableList.Builder<JsonTrace.Step> steps = ImmutableList.builder();
    for (JsonNode state : root.get("states")) {
      if (!state.isObject()) throw new IOException(file + ": an ITF state that is not an object");
      ImmutableMap.Builder<String, Value> values = ImmutableMap.builder();
      for (JsonNode var : root.get("vars")) {
        String name = var.asText();
        JsonNode v = state.get(name);
        if (v == null) {
          throw new IOException(file + ": ITF state " + state.path("#meta").path("index")
              .asText("?") + " has no value for " + name);
        }
        values.put(name, parse(v, name.endsWith(".pc"), file));
      }
      JsonNode sm = state.path("#meta");
      steps.add(new JsonTrace.Step(text(sm.get("process")), text(sm.get("label")),
          new StateView(values.buildKeepingLast())));
    }
    return new JsonTrace.Recorded(text(meta.get("model")), text(meta.get("property")),
        steps.build(), root.has("loop") ? root.get("loop").asInt() : -1);
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }

  private static Value parse(JsonNode n, boolean label, Path file) throws IOException {
    if (n.isBoolean()) return new Value.Bool(n.asBoolean());
    if (n.isIntegralNumber()) return new Value.Int(n.asInt());
    if (n.isTextual()) return label ? new Value.Label(n.asText()) : new Value.Enum(n.asText());
    if (n.isArray()) return sequence(n, file);
    if (n.has("#bigint")) {
      try {
        return new Value.Int(Integer.parseInt(n.get("#bigint").asText()));
      } catch (NumberFormatException e) {
        throw new IOException(file + ": integer out of range: " + n.get("#bigint").asText());
      }
    }
    if (n.has("#tup")) return sequence(n.get("#tup"), file);
    if (n.has("#set")) return sequence(n.get("#set"), file);
    if (n.has("#map")) {
      ImmutableList.Builder<Value> keys = ImmutableList.builder();
      ImmutableList.Builder<Value> values = ImmutableList.builder();
      for (JsonNode pair : n.get("#map")) {
        if (!pair.isArray() || pair.size() != 2) {
          throw new IOException(file + ": an ITF #map entry that is not a [key, value] pair");
        }
        keys.add(parse(pair.get(0), false, file));
        values.add(parse(pair.get(1), false, file));
      }
      return new Value.Array(keys.build(), values.build());
    }
    throw new IOException(file + ": an ITF value poolcheck has no type for: " + n);
  }

  private static Value sequence(JsonNode n, Path file) throws IOException {
    ImmutableList.Builder<Value> elements = ImmutableList.builder();
    for (JsonNode e : n) elements.add(parse(e, false, file));
    return new Value.Sequence(true, elements.build());
  }
}
