package poolcheck.trace;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import poolcheck.result.StateGraph;
import poolcheck.system.Value;

/** A whole state graph as Graphviz DOT (TLC's -dump dot) or JSON. */
public enum GraphFormat {
  DOT, JSON;

  public String render(StateGraph g) {
    return this == DOT ? dot(g) : json(g);
  }

  private static String dot(StateGraph g) {
    StringBuilder out = new StringBuilder("digraph states {\n");
    out.append("  graph [label=").append(quote(g.model() + ": " + g.states().size()
        + " states" + (g.reduced() ? " (one per symmetry orbit)" : ""))).append("];\n");
    out.append("  node [shape=box, fontname=\"Courier\", fontsize=10];\n");
    for (int i = 0; i < g.states().size(); i++) {
      StringBuilder label = new StringBuilder();
      for (Map.Entry<String, Value> e : g.states().get(i).values().entrySet()) {
        label.append(e.getKey()).append(" = ").append(e.getValue()).append('\n');
      }
      out.append("  s").append(i).append(" [label=").append(quote(label.toString()))
          .append(i < g.initial() ? ", penwidth=2" : "").append("];\n");
    }
    for (StateGraph.Edge e : g.edges()) {
      out.append("  s").append(e.from()).append(" -> s").append(e.to()).append(" [label=")
          .append(quote(e.transition().instance() + " " + e.transition().label()))
          .append("];\n");
    }
    return out.append("}\n").toString();
  }

  private static String json(StateGraph g) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("format", "poolcheck-state-graph");
    root.put("version", 1);
    root.put("model", g.model());
    root.put("reduced", g.reduced());
    root.put("initial", g.initial());
    ArrayNode states = root.putArray("states");
    for (int i = 0; i < g.states().size(); i++) {
      states.addObject().put("id", i).set("state", JsonResult.state(g.states().get(i)));
    }
    ArrayNode edges = root.putArray("edges");
    for (StateGraph.Edge e : g.edges()) {
      edges.addObject().put("from", e.from()).put("to", e.to())
          .put("process", e.transition().instance()).put("label", e.transition().label());
    }
    return IndentedJson.of(root);
  }

  /** DOT's quoted string; "\l" ends each left-aligned line of a node's label. */
  private static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\l") + '"';
  }
}
