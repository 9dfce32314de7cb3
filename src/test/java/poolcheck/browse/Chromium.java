package poolcheck.browse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Debian's headless Chromium driven over the DevTools protocol (JSON over a WebSocket, both
 * from the JDK): enough to load a page, run script in it and hand a file to a file input,
 * without a browser-driver dependency. Its debugging port is on 127.0.0.1, picked by Chromium.
 */
final class Chromium implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/bin/chromium");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

  private Chromium(Process process, WebSocket socket) {
    this.process = process;
    this.socket = socket;
  }

  static Chromium start(Path profile) throws Exception {
    Process p = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--remote-debugging-port=0",
        "--remote-debugging-address=127.0.0.1", "--user-data-dir=" + profile, "about:blank")
        .redirectErrorStream(true).redirectOutput(profile.resolveSibling("chromium.log").toFile())
        .start();
    Path active = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(active) || Files.readAllLines(active).isEmpty()) {
      if (System.nanoTime() > deadline || !p.isAlive()) {
        p.destroyForcibly();
        throw new AssertionError("chromium did not open its debugging port: "
            + Files.readString(profile.resolveSibling("chromium.log")));
      }
      Thread.sleep(50);
    }
    int port = Integer.parseInt(Files.readAllLines(active).get(0).strip());
    HttpClient http = HttpClient.newHttpClient();
    JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
        HttpResponse.BodyHandlers.ofString()).body());
    String ws = null;
    for (JsonNode t : targets) {
      if (t.get("type").asText().equals("page")) ws = t.get("webSocketDebuggerUrl").asText();
    }
    if (ws == null) throw new AssertionError("no page in chromium: " + targets);
    Chromium[] self = new Chromium[1];
    StringBuilder parts = new StringBuilder();
    WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(ws),
        new WebSocket.Listener() {
          @Override
          public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
            parts.append(data);
            if (last) {
              String message = parts.toString();
              parts.setLength(0);
              self[0].received(message);
            }
            w.request(1);
            return null;
          }
        }).get(30, TimeUnit.SECONDS);
    self[0] = new Chromium(p, socket);
    return self[0];
  }

  private void received(String message) {
    try {
      JsonNode m = JSON.readTree(message);
      if (m.has("id")) {
        CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
        if (f != null) f.complete(m);
      }
    } catch (Exception e) {
      pending.values().forEach(f -> f.completeExceptionally(e));
    }
  }

  /** A protocol command's result; an error reply fails the test with its message. */
  JsonNode call(String method, ObjectNode params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    ObjectNode m = JSON.createObjectNode().put("id", id).put("method", method);
    m.set("params", params == null ? JSON.createObjectNode() : params);
    socket.sendText(JSON.writeValueAsString(m), true).get(30, TimeUnit.SECONDS);
    JsonNode r = reply.get(60, TimeUnit.SECONDS);
    if (r.has("error")) throw new AssertionError(method + ": " + r.get("error"));
    return r.get("result");
  }

  static ObjectNode params() {
    return JSON.createObjectNode();
  }

  /** The value of a script expression (a promise is awaited); a thrown error fails the test. */
  JsonNode eval(String expression) throws Exception {
    JsonNode r = call("Runtime.evaluate", params().put("expression", expression)
        .put("awaitPromise", true).put("returnByValue", true));
    if (r.has("exceptionDetails")) throw new AssertionError(expression + ": "
        + r.get("exceptionDetails"));
    return r.get("result").get("value");
  }

  /** Waits (up to 30 s) until the script condition holds; whether it did. */
  boolean waitFor(String condition) throws Exception {
    return eval("new Promise(function (done) { var t0 = Date.now(); (function poll() {"
        + " var ok = false; try { ok = !!(" + condition + "); } catch (e) {}"
        + " if (ok) done(true); else if (Date.now() - t0 > 30000) done(false);"
        + " else setTimeout(poll, 25); })(); })").asBoolean();
  }

  void navigate(URI url) throws Exception {
    call("Page.navigate", params().put("url", url.toString()));
  }

  /** Gives the file input matched by {@code selector} this file, as a user choosing it. */
  void chooseFile(String selector, Path file) throws Exception {
    int root = call("DOM.getDocument", null).get("root").get("nodeId").asInt();
    int node = call("DOM.querySelector", params().put("nodeId", root).put("selector", selector))
        .get("nodeId").asInt();
    ObjectNode p = params().put("nodeId", node);
    p.putArray("files").add(file.toAbsolutePath().toString());
    call("DOM.setFileInputFiles", p);
  }

  @Override
  public void close() throws Exception {
    // The zygotes, renderers and storage service outlive the browser process for a moment and
    // write into the profile meanwhile; the profile is the test's to delete only when all are
    // gone. Taken before the browser goes, since its children are reparented then.
    List<ProcessHandle> helpers = process.descendants().toList();
    socket.abort();
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    for (ProcessHandle helper : helpers) helper.destroy();
    for (ProcessHandle helper : helpers) {
      try {
        helper.onExit().get(10, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        helper.destroyForcibly();
        helper.onExit().get(10, TimeUnit.SECONDS);
      }
    }
  }
}
