package poolcheck.trace;

import static poolcheck.language.ErrorCode.NOT_A_TRACE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import java.util.Map;
import poolcheck.system.StateView;
import poolcheck.system.Value;

/**
 * The trace's {@code "shapes"}: what each JSON array in a state stands for. A state writes an
 * array, a fifo and a lifo alike as a JSON array in order, which is what scripts want; without
 * the shapes a trace read back could not tell them apart, nor give an array its indices (an
 * enum's names, a range that starts above 0), and {@code show} printed every array as a fifo.
 * A shape is {@code "fifo"}, {@code "lifo"}, or {@code {"keys": [...]}} for an array, with
 * {@code "element"} the shape of each row of a two-dimensional one.
 */
final class ValueShapes {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private ValueShapes() {}

  /** The shape of every variable of {@code state} that is not a scalar, by name. */
  static ObjectNode of(StateView state) {
    ObjectNode shapes = F.objectNode();
    for (Map.Entry<String, Value> e : state.values().entrySet()) {
      JsonNode shape = shape(e.getValue());
      if (shape != null) shapes.set(e.getKey(), shape);
    }
    return shapes;
  }

  private static JsonNode shape(Value v) {
    if (v instanceof Value.Sequence s) return F.textNode(s.fifo() ? "fifo" : "lifo");
    if (!(v instanceof Value.Array a)) return null;
    ObjectNode shape = F.objectNode();
    ArrayNode keys = shape.putArray("keys");
    a.keys().forEach(k -> keys.add(JsonResult.value(k)));
    // every row of a two-dimensional array has the first row's shape
    JsonNode element = a.values().isEmpty() ? null : shape(a.values().get(0));
    if (element != null) shape.set("element", element);
    return shape;
  }

  /** The shapes of a trace read back, checked: null when the file has none. */
  static JsonNode read(TraceDocument doc, JsonNode trace, String at) throws TraceFileException {
    JsonNode shapes = trace.get("shapes");
    if (shapes == null) return null;
    if (!shapes.isObject()) {
      throw doc.error(NOT_A_TRACE, at + "/shapes", "\"shapes\" is " + TraceDocument.kind(shapes)
          + ", expected an object of shapes by variable name");
    }
    return shapes;
  }

  /**
   * A JSON array of a state read as the variable its shape says; {@code element} reads one
   * element (a scalar, or a row by its own shape).
   */
  static Value value(TraceDocument doc, JsonNode shape, JsonNode n, String shapeAt, String at,
      ElementReader element) throws TraceFileException {
    if (!n.isArray()) {
      throw doc.error(NOT_A_TRACE, at, "a value that is " + TraceDocument.kind(n) + " where its "
          + "shape (" + shapeAt + ") says an array");
    }
    if (shape.isTextual() && (shape.asText().equals("fifo") || shape.asText().equals("lifo"))) {
      ImmutableList.Builder<Value> elements = ImmutableList.builder();
      for (int i = 0; i < n.size(); i++) {
        elements.add(element.read(n.get(i), at + "/" + i));
      }
      return new Value.Sequence(shape.asText().equals("fifo"), elements.build());
    }
    JsonNode keys = shape.isObject() ? shape.get("keys") : null;
    if (keys == null || !keys.isArray()) {
      throw doc.error(NOT_A_TRACE, shapeAt, "a shape that is " + TraceDocument.kind(shape)
          + ", expected \"fifo\", \"lifo\" or an object with \"keys\"");
    }
    if (keys.size() != n.size()) {
      throw doc.error(NOT_A_TRACE, at, "an array of " + n.size() + " values where its shape ("
          + shapeAt + ") has " + keys.size() + " keys");
    }
    ImmutableList.Builder<Value> keyValues = ImmutableList.builder();
    ImmutableList.Builder<Value> values = ImmutableList.builder();
    JsonNode rows = shape.get("element");
    for (int i = 0; i < n.size(); i++) {
      JsonNode k = keys.get(i);
      if (k.isNumber()) {
        keyValues.add(new Value.Int(doc.integer(k, shapeAt + "/keys/" + i, "key")));
      } else if (k.isTextual()) {
        keyValues.add(new Value.Enum(k.asText()));
      } else {
        throw doc.error(NOT_A_TRACE, shapeAt + "/keys/" + i, "a key that is "
            + TraceDocument.kind(k) + ", expected an integer or a name");
      }
      values.add(rows == null ? element.read(n.get(i), at + "/" + i)
          : value(doc, rows, n.get(i), shapeAt + "/element", at + "/" + i, element));
    }
    return new Value.Array(keyValues.build(), values.build());
  }

  /** Reads one scalar element. */
  interface ElementReader {
    Value read(JsonNode n, String at) throws TraceFileException;
  }
}
