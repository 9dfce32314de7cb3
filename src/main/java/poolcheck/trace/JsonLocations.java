package poolcheck.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Where a value of a JSON document is, by its JSON pointer. Jackson's trees carry no positions,
 * so a document already known to be well-formed is scanned again, only when an error is to be
 * reported.
 */
final class JsonLocations {
  /** A 1-based line and column. */
  record At(int line, int column) {}

  private JsonLocations() {}

  /** The position of the value at {@code pointer} ("" the root), or 1:1 when not found. */
  static At of(String text, String pointer) {
    try (JsonParser p = new JsonFactory().createParser(text)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.FIELD_NAME || t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          continue;
        }
        JsonStreamContext here = t.isStructStart() ? p.getParsingContext().getParent()
            : p.getParsingContext();
        if (here != null && here.pathAsPointer().toString().equals(pointer)) {
          JsonLocation at = p.currentTokenLocation();
          return new At(Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
        }
      }
    } catch (IOException e) {
      // only called on text that parsed before
    }
    return new At(1, 1);
  }

  /** {@code name} escaped as one JSON pointer step. */
  static String step(String name) {
    return "/" + name.replace("~", "~0").replace("/", "~1");
  }
}
