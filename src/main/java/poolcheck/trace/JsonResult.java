package poolcheck.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import poolcheck.system.StateView;
import poolcheck.system.Transition;
import poolcheck.system.Value;
import poolcheck.result.CheckResult;
import poolcheck.result.Counterexample;
import poolcheck.result.Statistics;
import poolcheck.result.TraceStep;

/** The result as JSON, schema in docs/json-schema.md (format "poolcheck-result", version 1). */
public final class JsonResult {
  public static final String FORMAT = "poolcheck-result";
  public static final int VERSION = 1;
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private JsonResult() {}

  public static String render(CheckResult r) {
    return IndentedJson.of(tree(r));
  }

  /** A result tree, extended by the caller (coverage), in the indented layout. */
  public static String render(ObjectNode tree) {
    return IndentedJson.of(tree);
  }

  public static ObjectNode tree(CheckResult r) {
    ObjectNode root = F.objectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("model", r.model());
    ObjectNode constants = root.putObject("constants");
    r.constants().forEach(constants::put);
    ArrayNode checked = root.putArray("checked");
    r.checked().forEach(checked::add);
    root.put("verdict", r.verdict().name().toLowerCase(java.util.Locale.ROOT));
    if (r.reason() != null) root.put("reason", r.reason());
    Statistics s = r.statistics();
    ObjectNode stats = root.putObject("statistics");
    stats.put("generated", s.generated());
    stats.put("distinct", s.distinct());
    stats.put("depth", s.depth());
    stats.put("millis", s.millis());
    stats.put("states_per_second", Math.round(s.statesPerSecond()));
    stats.put("workers", s.workers());
    stats.put("bytes_per_state", s.bytesPerState());
    stats.put("collision_probability", s.collisionProbability());
    r.counterexample().ifPresent(cx -> {
      root.put("property", cx.property().name());
      root.set("trace", trace(cx));
    });
    return root;
  }

  public static ObjectNode trace(Counterexample cx) {
    ObjectNode t = F.objectNode();
    t.put("property", cx.property().name());
    t.put("kind", cx.property().kind().name().toLowerCase(java.util.Locale.ROOT));
    t.put("length", cx.length());
    if (cx.isLasso()) t.put("loop", cx.loop());
    if (cx.closing() != null) t.set("closing", step(cx.closing()));
    cx.failureText().ifPresent(f -> t.put("failure", f));
    if (!cx.steps().isEmpty()) {
      ObjectNode shapes = ValueShapes.of(cx.steps().get(0).state());
      if (!shapes.isEmpty()) t.set("shapes", shapes);
    }
    ArrayNode steps = t.putArray("steps");
    for (int i = 0; i < cx.steps().size(); i++) {
      TraceStep step = cx.steps().get(i);
      ObjectNode n = steps.addObject();
      n.put("index", i);
      Transition tr = step.transition();
      if (tr == null) {
        n.putNull("process");
        n.putNull("label");
      } else {
        n.setAll(step(tr));
      }
      n.set("state", state(step.state()));
    }
    return t;
  }

  /** Who took which step, the kernel function it stands for and where it is written. */
  private static ObjectNode step(Transition tr) {
    ObjectNode n = F.objectNode();
    n.put("process", tr.instance());
    n.put("label", tr.label());
    if (tr.function() != null) {
      n.put("function", tr.function());
    } else {
      n.putNull("function");
    }
    if (tr.position() != null) n.put("source", tr.position().toString());
    return n;
  }

  public static ObjectNode state(StateView view) {
    ObjectNode o = F.objectNode();
    for (Map.Entry<String, Value> e : view.values().entrySet()) o.set(e.getKey(), value(e.getValue()));
    return o;
  }

  static JsonNode value(Value v) {
    if (v instanceof Value.Bool b) return F.booleanNode(b.value());
    if (v instanceof Value.Int i) return F.numberNode(i.value());
    if (v instanceof Value.Enum e) return F.textNode(e.name());
    if (v instanceof Value.Label l) return F.textNode(l.name());
    if (v instanceof Value.Sequence s) {
      ArrayNode a = F.arrayNode();
      s.elements().forEach(x -> a.add(value(x)));
      return a;
    }
    Value.Array arr = (Value.Array) v;
    ArrayNode a = F.arrayNode();
    arr.values().forEach(x -> a.add(value(x)));
    return a;
  }
}
