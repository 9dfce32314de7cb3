package poolcheck.browse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading a request and writing a reply: JSON out, a query and a bounded body in. */
final class Exchanges {
  /** A trace file bigger than this is refused at upload (traces are kilobytes). */
  static final int MAX_BODY = 32 << 20;

  private static final ObjectMapper JSON = new ObjectMapper()
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private Exchanges() {}

  static void json(HttpExchange x, int status, Object body) throws IOException {
    send(x, status, "application/json; charset=utf-8", JSON.writeValueAsBytes(body));
  }

  static void error(HttpExchange x, int status, String message) throws IOException {
    json(x, status, Map.of("error", message, "status", status));
  }

  static void send(HttpExchange x, int status, String type, byte[] body) throws IOException {
    x.getResponseHeaders().set("Content-Type", type);
    x.getResponseHeaders().set("Cache-Control", "no-store");
    x.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(body);
    }
  }

  /** The query's parameters, decoded; the last of a repeated name wins. */
  static Map<String, String> query(HttpExchange x) {
    Map<String, String> out = new LinkedHashMap<>();
    String q = x.getRequestURI().getRawQuery();
    if (q == null) return out;
    for (String pair : q.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        out.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        out.put(name, value);
      }
    }
    return out;
  }

  static String body(HttpExchange x) throws IOException, Refusal {
    try (InputStream in = x.getRequestBody()) {
      byte[] bytes = in.readNBytes(MAX_BODY + 1);
      if (bytes.length > MAX_BODY) {
        throw new Refusal(413, "more than " + (MAX_BODY >> 20) + " MB: not a trace file");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }
}
