package poolcheck.trace;

import static poolcheck.language.ErrorCode.NOT_A_TRACE;
import static poolcheck.language.ErrorCode.TRACE_INTEGER_OUT_OF_RANGE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import poolcheck.system.StateView;
import poolcheck.system.Transition;
import poolcheck.system.Value;
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
    cx.steps().stream().map(TraceStep::transition).filter(t -> t != null && t.position() != null)
        .findFirst().ifPresent(t -> meta.put("source", Path.of(t.position().file()).getFileName().toString()));
    meta.put("description", "Created by poolcheck: " + ViolationText.of(cx.property()));
    meta.put("model", r.model());
    ObjectNode constants = meta.putObject("constants");
    r.constants().forEach(constants::put);
    meta.put("property", cx.property().name());
    meta.put("kind", cx.property().kind().name().toLowerCase(Locale.ROOT));
    cx.failureText().ifPresent(f -> meta.put("failure", f));
    // ITF writes fifos and lifos alike as lists: the lifos are named so they read back as such
    ArrayNode lifos = F.arrayNode();
    cx.steps().get(0).state().values().forEach((name, v) -> {
      if (hasLifo(v)) lifos.add(name);
    });
    if (!lifos.isEmpty()) meta.set("lifo", lifos);
    ArrayNode vars = root.putArray("vars");
    cx.steps().get(0).state().values().keySet().forEach(vars::add);
    ArrayNode states = root.putArray("states");
    if (cx.isLasso()) root.put("loop", cx.loop());
    if (cx.closing() != null) {
      // ITF has only the loop index; who closes the loop goes in poolcheck's own #meta.
      ObjectNode closing = meta.putObject("closing");
      putStep(closing, cx.closing());
    }
    for (int i = 0; i < cx.steps().size(); i++) {
      TraceStep step = cx.steps().get(i);
      ObjectNode s = states.addObject();
      ObjectNode sm = s.putObject("#meta");
      sm.put("index", i);
      Transition t = step.transition();
      if (t != null) putStep(sm, t);
      if (i == cx.steps().size() - 1) sm.put("violation", cx.property().name());
      for (Map.Entry<String, Value> e : step.state().values().entrySet()) {
        s.set(e.getKey(), value(e.getValue()));
      }
    }
    return root;
  }

  private static void putStep(ObjectNode meta, Transition t) {
    meta.put("process", t.instance());
    meta.put("label", t.label());
    if (t.function() != null) meta.put("function", t.function());
    if (t.position() != null) meta.put("source", t.position().toString());
  }

  private static boolean hasLifo(Value v) {
    if (v instanceof Value.Sequence s) return !s.fifo();
    return v instanceof Value.Array a && a.values().stream().anyMatch(ItfTrace::hasLifo);
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
  static JsonTrace.Recorded read(TraceDocument doc) throws TraceFileException {
    JsonNode root = doc.root;
    JsonNode meta = root.path("#meta");
    if (!root.get("states").isArray()) {
      throw doc.error(NOT_A_TRACE, "/states", "ITF \"states\" is " + TraceDocument.kind(
          root.get("states")) + ", expected an array");
    }
    if (!root.get("vars").isArray()) {
      throw doc.error(NOT_A_TRACE, "/vars", "ITF \"vars\" is " + TraceDocument.kind(
          root.get("vars")) + ", expected an array of names");
    }
    java.util.Set<String> lifos = new java.util.HashSet<>();
    int m = 0;
    for (JsonNode n : meta.path("lifo")) {
      lifos.add(doc.textOrNull(n, "/#meta/lifo/" + m++, "a lifo variable's name"));
    }
    List<String> vars = new ArrayList<>();
    int k = 0;
    for (JsonNode var : root.get("vars")) {
      String name = doc.textOrNull(var, "/vars/" + k++, "an ITF variable name");
      if (name == null) throw doc.error(NOT_A_TRACE, "/vars/" + (k - 1), "a null ITF variable name");
      vars.add(name);
    }
    ImmutableList.Builder<JsonTrace.Step> steps = ImmutableList.builder();
    int i = 0;
    for (JsonNode state : root.get("states")) {
      String at = "/states/" + i++;
      if (!state.isObject()) {
        throw doc.error(NOT_A_TRACE, at, "an ITF state that is " + TraceDocument.kind(state)
            + ", expected an object");
      }
      ImmutableMap.Builder<String, Value> values = ImmutableMap.builder();
      for (String name : vars) {
        JsonNode v = state.get(name);
        if (v == null) {
          throw doc.error(NOT_A_TRACE, at, "ITF state " + (i - 1) + " has no value for " + name);
        }
        values.put(name, parse(doc, v, name.endsWith(".pc"), lifos.contains(name),
            at + JsonLocations.step(name)));
      }
      steps.add(JsonTrace.step(doc, state.path("#meta"), at + "/#meta",
          new StateView(values.buildKeepingLast())));
    }
    String property = doc.textOrNull(meta.get("property"), "/#meta/property", "property");
    if (property == null) {
      throw doc.error(NOT_A_TRACE, "", "no \"#meta\".\"property\" naming the property the trace "
          + "violates");
    }
    JsonTrace.Details details = new JsonTrace.Details(
        JsonTrace.kind(doc, meta.get("kind"), "/#meta/kind"),
        JsonTrace.constants(doc, meta.get("constants"), "/#meta/constants"), null,
        doc.textOrNull(meta.get("failure"), "/#meta/failure", "failure"),
        JsonTrace.closing(doc, meta.get("closing"), "/#meta/closing"));
    return new JsonTrace.Recorded(doc.textOrNull(meta.get("model"), "/#meta/model", "model"),
        property, steps.build(),
        root.has("loop") ? JsonTrace.loop(doc, root.get("loop"), "/loop", i) : -1, null,
        details);
  }

  private static Value parse(TraceDocument doc, JsonNode n, boolean label, boolean lifo,
      String at) throws TraceFileException {
    if (n.isBoolean()) return new Value.Bool(n.asBoolean());
    if (n.isNumber()) return new Value.Int(doc.integer(n, at, "value"));
    if (n.isTextual()) return label ? new Value.Label(n.asText()) : new Value.Enum(n.asText());
    if (n.isArray()) return sequence(doc, n, lifo, at);
    if (n.has("#bigint")) {
      String digits = n.get("#bigint").asText();
      try {
        return new Value.Int(Integer.parseInt(digits));
      } catch (NumberFormatException e) {
        throw doc.error(digits.matches("-?[0-9]+") ? TRACE_INTEGER_OUT_OF_RANGE : NOT_A_TRACE, at + "/#bigint",
            "integer out of range: " + digits);
      }
    }
    if (n.has("#tup")) return sequence(doc, n.get("#tup"), lifo, at + "/#tup");
    if (n.has("#set")) return sequence(doc, n.get("#set"), lifo, at + "/#set");
    if (n.has("#map")) {
      ImmutableList.Builder<Value> keys = ImmutableList.builder();
      ImmutableList.Builder<Value> values = ImmutableList.builder();
      int i = 0;
      for (JsonNode pair : n.get("#map")) {
        String pairAt = at + "/#map/" + i++;
        if (!pair.isArray() || pair.size() != 2) {
          throw doc.error(NOT_A_TRACE, pairAt, "an ITF #map entry that is not a [key, value] pair");
        }
        keys.add(parse(doc, pair.get(0), false, false, pairAt + "/0"));
        values.add(parse(doc, pair.get(1), false, lifo, pairAt + "/1"));
      }
      return new Value.Array(keys.build(), values.build());
    }
    throw doc.error(NOT_A_TRACE, at, "an ITF value poolcheck has no type for: "
        + TraceDocument.kind(n));
  }

  private static Value sequence(TraceDocument doc, JsonNode n, boolean lifo, String at)
      throws TraceFileException {
    if (!n.isArray()) {
      throw doc.error(NOT_A_TRACE, at, "is " + TraceDocument.kind(n) + ", expected an array");
    }
    ImmutableList.Builder<Value> elements = ImmutableList.builder();
    int i = 0;
    for (JsonNode e : n) elements.add(parse(doc, e, false, false, at + "/" + i++));
    return new Value.Sequence(!lifo, elements.build());
  }
}
