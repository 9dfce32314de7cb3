package poolcheck.trace;

import static poolcheck.language.ErrorCode.NOT_A_TRACE;
import static poolcheck.language.ErrorCode.TRACE_INTEGER_OUT_OF_RANGE;
import static poolcheck.language.ErrorCode.TRACE_NOT_JSON;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import poolcheck.language.Diagnostic;
import poolcheck.language.ErrorCode;
import poolcheck.language.Position;

/**
 * A trace file being read: its text, parsed JSON, and the errors it can raise, each coded and
 * placed at the JSON value it is about. PC301: not JSON (or not readable as text); PC302: JSON
 * that is not a trace (a field missing or of the wrong type); PC303: an integer out of range.
 */
final class TraceDocument {
  /** Larger trace files are refused rather than read into memory whole. */
  static final long MAX_BYTES = 256L << 20;

  private final String file;
  private final String text;
  final JsonNode root;

  private TraceDocument(String file, String text, JsonNode root) {
    this.file = file;
    this.text = text;
    this.root = root;
  }

  static TraceDocument read(Path path) throws IOException {
    String file = path.toString();
    if (Files.isDirectory(path)) throw new IOException(file + ": is a directory, expected a trace");
    if (Files.exists(path) && !Files.isRegularFile(path)) {
      // /dev/zero or a named pipe would be read forever
      throw new IOException(file + ": not a regular file, expected a trace");
    }
    if (Files.size(path) > MAX_BYTES) {
      throw new IOException(file + ": " + Files.size(path) + " bytes, more than a trace file may "
          + "have (" + MAX_BYTES + ")");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(path)) {
      bytes = in.readNBytes((int) MAX_BYTES + 1);
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new TraceFileException(new Diagnostic(TRACE_NOT_JSON, new Position(file, 1, 1),
          "not UTF-8 text, expected a JSON trace"));
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new TraceFileException(new Diagnostic(TRACE_NOT_JSON, new Position(file,
          at == null ? 1 : Math.max(1, at.getLineNr()), at == null ? 1
              : Math.max(1, at.getColumnNr())), "not JSON: " + firstLine(e.getOriginalMessage())));
    }
    if (root == null || root.isMissingNode()) {
      throw new TraceFileException(new Diagnostic(TRACE_NOT_JSON, new Position(file, 1, 1),
          "empty, expected a JSON trace"));
    }
    return new TraceDocument(file, text, root);
  }

  /** An error about the value at {@code pointer}. */
  TraceFileException error(ErrorCode code, String pointer, String message) {
    JsonLocations.At at = JsonLocations.of(text, pointer);
    return new TraceFileException(new Diagnostic(code, new Position(file, at.line(), at.column()),
        message));
  }

  /** The value as an int, or PC302/PC303 naming what it is instead. */
  int integer(JsonNode n, String pointer, String what) throws TraceFileException {
    if (n.isIntegralNumber()) {
      if (n.canConvertToInt()) return n.intValue();
      throw error(TRACE_INTEGER_OUT_OF_RANGE, pointer, what + " " + n.asText() + " is out of range (a 32-bit "
          + "integer is expected)");
    }
    if (n.isNumber()) {
      boolean huge = !(Math.abs(n.doubleValue()) <= Integer.MAX_VALUE);
      throw error(huge ? TRACE_INTEGER_OUT_OF_RANGE : NOT_A_TRACE, pointer, what + " " + n.asText()
          + (huge ? " is out of range (a 32-bit integer is expected)" : " is not an integer"));
    }
    throw error(NOT_A_TRACE, pointer, what + " is " + kind(n) + ", expected an integer");
  }

  /** Text, or null for a missing or null field; PC302 for anything else. */
  String textOrNull(JsonNode n, String pointer, String what) throws TraceFileException {
    if (n == null || n.isNull() || n.isMissingNode()) return null;
    if (!n.isTextual()) throw error(NOT_A_TRACE, pointer, what + " is " + kind(n) + ", expected text");
    return n.asText();
  }

  static String kind(JsonNode n) {
    if (n == null || n.isMissingNode()) return "missing";
    return switch (n.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT, POJO -> "an object";
      case BOOLEAN -> "a boolean";
      case NUMBER -> "a number";
      case STRING -> "text";
      case NULL -> "null";
      default -> "of an unknown kind";
    };
  }

  private static String firstLine(String s) {
    if (s == null) return "malformed";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
