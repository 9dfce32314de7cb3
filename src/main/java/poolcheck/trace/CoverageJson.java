package poolcheck.trace;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import poolcheck.result.Coverage;

/** The {@code coverage} member of the JSON result (docs/json-schema.md). */
public final class CoverageJson {
  private CoverageJson() {}

  /** {@code complete}: the search saw every state, so its warnings stand. */
  public static void put(ObjectNode root, Coverage c, boolean complete) {
    ObjectNode o = root.putObject("coverage");
    o.put("complete", complete);
    o.put("reduced", c.reduced());
    ArrayNode steps = o.putArray("steps");
    for (Coverage.Step s : c.steps()) {
      ObjectNode n = steps.addObject();
      n.put("process", s.process());
      n.put("label", s.label());
      n.put("source", s.position().toString());
      n.put("enabled", s.enabled());
      n.put("taken", s.taken());
      if (s.atomicReason() != null) n.put("atomic", s.atomicReason());
      ArrayNode instances = n.putArray("instances");
      for (Coverage.Instance i : s.instances()) {
        ObjectNode m = instances.addObject();
        m.put("instance", i.instance());
        m.put("enabled", i.enabled());
        m.put("taken", i.taken());
      }
    }
    ArrayNode checks = o.putArray("checks");
    for (Coverage.Check k : c.checks()) {
      ObjectNode n = checks.addObject();
      n.put("kind", k.describe().split(" ")[0]);
      if (k.site().name() != null) {
        n.put("name", k.site().name());
      } else {
        n.putNull("name");
      }
      n.put("source", k.site().position().toString());
      n.put("evaluated", k.evaluated());
      n.put("held", k.held());
    }
    ArrayNode warnings = o.putArray("warnings");
    if (complete) c.warnings().forEach(w -> warnings.add(w.text()));
  }
}
