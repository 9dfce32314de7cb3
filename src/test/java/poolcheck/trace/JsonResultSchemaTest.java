package poolcheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import poolcheck.compile.Models;
import poolcheck.explore.Explorer;
import poolcheck.result.CheckResult;

/**
 * docs/json-schema.md is the contract for the JSON result: its tables list every field, in
 * order, with a type and when it is present. This test reads those tables and holds real results
 * of every verdict to them, so neither the writer nor the page can drift alone.
 */
class JsonResultSchemaTest {
  private static final Path SCHEMA = Path.of("docs/json-schema.md");
  private static final Pattern ROW =
      Pattern.compile("\\| `([a-z_]+)` \\| ([^|]+) \\| ([^|]+) \\|.*");

  /** One documented field: its name, type text and when it is present. */
  record Field(String name, String type, String present) {}

  private static final String MODEL = """
      model schema_demo;
      const N = 2;
      var x : 0 .. 3 = 0;
      process p {
        a @inc_x: { x = x + 1; }
        b: { x = x + 1; }
      }
      invariant below_two: x < N;
      """;

  static List<Field> section(String heading) throws IOException {
    List<Field> fields = new ArrayList<>();
    boolean inside = false;
    for (String line : Files.readAllLines(SCHEMA)) {
      if (line.startsWith("## ")) inside = line.equals("## " + heading);
      Matcher m = ROW.matcher(line);
      if (inside && m.matches()) {
        fields.add(new Field(m.group(1), m.group(2).trim(), m.group(3).trim()));
      }
    }
    assertFalse(fields.isEmpty(), "no table under '## " + heading + "' in " + SCHEMA);
    return fields;
  }

  private static List<String> names(List<Field> fields, List<String> present) {
    return fields.stream().filter(f -> present.contains(f.present())).map(Field::name).toList();
  }

  private static List<String> keys(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static JsonNode json(CheckResult r) throws IOException {
    return new ObjectMapper().readTree(JsonResult.render(r));
  }

  /** Each field's JSON type as documented ("string", "integer", "number", "object", "array ..."). */
  private static void assertTypes(List<Field> fields, JsonNode node) {
    for (Field f : fields) {
      JsonNode v = node.get(f.name());
      if (v == null) continue;
      String what = f.name() + " = " + v;
      if (v.isNull()) {
        assertTrue(f.type().endsWith("or null"), what);
      } else if (f.type().startsWith("string")) {
        assertTrue(v.isTextual(), what);
      } else if (f.type().startsWith("integer")) {
        assertTrue(v.isIntegralNumber(), what);
      } else if (f.type().startsWith("number")) {
        assertTrue(v.isNumber(), what);
      } else if (f.type().startsWith("object")) {
        assertTrue(v.isObject(), what);
      } else if (f.type().startsWith("array")) {
        assertTrue(v.isArray(), what);
      } else if (f.type().startsWith("boolean")) {
        assertTrue(v.isBoolean(), what);
      } else {
        throw new AssertionError("undocumented type " + f.type() + " of " + f.name());
      }
    }
  }

  @Test
  void verifiedResultHasExactlyTheAlwaysPresentFields() throws Exception {
    JsonNode root = json(new Explorer(Models.fromText("demo.pool",
        MODEL.replace("x < N", "x <= N"))).run());
    List<Field> top = section("Top level");
    assertEquals(names(top, List.of("always")), keys(root));
    assertTypes(top, root);
    assertEquals(names(section("statistics"), List.of("always")), keys(root.get("statistics")));
    assertTypes(section("statistics"), root.get("statistics"));
    assertEquals("verified", root.get("verdict").asText());
  }

  @Test
  void violatedResultAddsPropertyAndTrace() throws Exception {
    JsonNode root = json(new Explorer(Models.fromText("demo.pool", MODEL)).run());
    List<Field> top = section("Top level");
    assertEquals(names(top, List.of("always", "violated")), keys(root));
    assertTypes(top, root);
    JsonNode trace = root.get("trace");
    // the demo breaks an invariant, whose failure is always known
    assertEquals(names(section("trace"), List.of("always", "when known")), keys(trace));
    assertTypes(section("trace"), trace);
    List<Field> step = section("trace step");
    JsonNode steps = trace.get("steps");
    assertEquals(trace.get("length").asInt() + 1, steps.size());
    assertEquals(names(step, List.of("always")), keys(steps.get(0)));
    for (int i = 1; i < steps.size(); i++) {
      assertEquals(names(step, List.of("always", "after a step")), keys(steps.get(i)));
      assertTypes(step, steps.get(i));
    }
    assertEquals("inc_x", steps.get(1).get("function").asText());
    assertTrue(steps.get(2).get("function").isNull());
    assertEquals("below_two", root.get("property").asText());
    assertEquals("invariant", trace.get("kind").asText());
  }

  @Test
  void incompleteAndInterruptedResultsAddTheReason() throws Exception {
    List<String> expected = names(section("Top level"), List.of("always", "incomplete"));
    JsonNode incomplete = json(new Explorer(Models.fromText("demo.pool", MODEL)).maxStates(1)
        .run());
    assertEquals("incomplete", incomplete.get("verdict").asText());
    assertEquals(expected, keys(incomplete));
    Explorer stopped = new Explorer(Models.fromText("demo.pool", MODEL));
    stopped.stop();
    JsonNode interrupted = json(stopped.run());
    assertEquals("interrupted", interrupted.get("verdict").asText());
    assertEquals(expected, keys(interrupted));
  }

  @Test
  void coverageFromTheCommandLineHasExactlyTheDocumentedFields() throws Exception {
    Explorer explorer = new Explorer(Models.fromText("demo.pool",
        MODEL.replace("x < N", "x <= N => x >= 0")));
    CheckResult r = explorer.run();
    com.fasterxml.jackson.databind.node.ObjectNode tree = JsonResult.tree(r);
    poolcheck.trace.CoverageJson.put(tree, explorer.coverage(), true);
    JsonNode root = new ObjectMapper().readTree(JsonResult.render(tree));
    List<Field> top = section("Top level");
    assertEquals(names(top, List.of("always", "from the command line")), keys(root));
    JsonNode c = root.get("coverage");
    assertEquals(names(section("coverage"), List.of("always")), keys(c));
    assertTypes(section("coverage"), c);
    JsonNode step = c.get("steps").get(0);
    assertEquals(names(section("coverage step"), List.of("always")), keys(step));
    assertTypes(section("coverage step"), step);
    JsonNode instance = step.get("instances").get(0);
    assertEquals(names(section("coverage instance"), List.of("always")), keys(instance));
    assertTypes(section("coverage instance"), instance);
    assertEquals(2, c.get("checks").size(), "the invariant and its implication");
    for (JsonNode check : c.get("checks")) {
      assertEquals(names(section("coverage check"), List.of("always")), keys(check));
      assertTypes(section("coverage check"), check);
    }
    assertEquals("p", step.get("process").asText());
    assertEquals(1, step.get("taken").asLong());
  }
}
