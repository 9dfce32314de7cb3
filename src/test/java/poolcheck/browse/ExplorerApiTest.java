package poolcheck.browse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poolcheck.api.StateSpace;

/** The explorer's JSON API through a real HTTP client on 127.0.0.1. */
class ExplorerApiTest {
  private static final Path LOST = Path.of("src/test/resources/examples/lost_update.pool");
  private static final Path V6_12 = Path.of("models/page_pool_v6_12.pool");
  private static final Path CX = Path.of("proofs/page_pool_v6_12/small.no_dma_after_detach.json");

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());
  private ExplorerServer server;

  @TempDir
  Path dir;

  @AfterEach
  void stop() {
    if (server != null) server.close();
  }

  private void serve(StateSpace space) throws IOException {
    server = ExplorerServer.start(space, space.open(), null, 0, log::add);
  }

  private record Reply(int status, JsonNode body) {}

  private Reply get(String path) throws Exception {
    return send(HttpRequest.newBuilder(server.url().resolve(path)).GET().build());
  }

  private Reply post(String path, String body) throws Exception {
    return send(HttpRequest.newBuilder(server.url().resolve(path))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  private Reply send(HttpRequest request) throws Exception {
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
        r.headers().toString());
    return new Reply(r.statusCode(), new ObjectMapper().readTree(r.body()));
  }

  private static List<String> texts(JsonNode array, String field) {
    return StreamSupport.stream(array.spliterator(), false).map(n -> n.get(field).asText())
        .toList();
  }

  private static List<String> names(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  private static List<String> changed(JsonNode state) {
    return StreamSupport.stream(state.get("variables").spliterator(), false)
        .filter(v -> v.get("changed").asBoolean()).map(v -> v.get("name").asText() + " "
            + v.get("before").asText() + " -> " + v.get("value").asText()).toList();
  }

  @Test
  void servesOnlyOnTheLoopbackAddress() throws Exception {
    serve(StateSpace.of(LOST));
    assertEquals("127.0.0.1", server.url().getHost());
    assertTrue(server.port() > 0);
    HttpResponse<String> page = http.send(HttpRequest.newBuilder(server.url()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("<script>") && !page.body().contains("src=\"http"),
        "one self-contained page");
  }

  @Test
  void theModelNamesItsLifelinesInvariantsAndInitialStates() throws Exception {
    serve(StateSpace.of(LOST).constant("CPUS", "2"));
    JsonNode m = get("/api/model").body();
    assertEquals("lost_update", m.get("name").asText());
    assertEquals(2, m.get("constants").get("CPUS").asInt());
    assertEquals(List.of("cpu[0]", "cpu[1]"), names(m.get("instances")));
    assertEquals(List.of("counter_bounded", "no_lost_update"), names(m.get("invariants")));
    assertEquals(1, m.get("initialStates").size());
  }

  @Test
  void theInitialStateOffersEachCpuItsLoad() throws Exception {
    serve(StateSpace.of(LOST));
    Reply r = get("/api/state?path=0");
    assertEquals(200, r.status());
    assertEquals(List.of("cpu[0]", "cpu[1]"), texts(r.body().get("choices"), "instance"));
    assertEquals(List.of("load", "load"), texts(r.body().get("choices"), "label"));
    assertEquals(List.of("atomic_read", "atomic_read"), texts(r.body().get("choices"),
        "function"));
    assertEquals(List.of(), changed(r.body()));
    assertEquals(List.of("counter", "cpu[0].pc", "cpu[0].tmp", "cpu[1].pc", "cpu[1].tmp"),
        texts(r.body().get("variables"), "name"));
    assertEquals("src/test/resources/examples/lost_update.pool:12:3",
        r.body().get("choices").get(0).get("position").asText());
  }

  @Test
  void aStepShowsWhatItChangedWithTheValueBefore() throws Exception {
    serve(StateSpace.of(LOST));
    JsonNode s = get("/api/state?path=0.0.0").body();
    assertEquals(List.of("counter 0 -> 1", "cpu[0].pc store -> done"), changed(s));
    assertEquals(List.of("load", "store"), texts(s.get("taken"), "label").subList(1, 3));
    assertEquals(List.of("cpu[1]"), texts(s.get("choices"), "instance"));
  }

  @Test
  void theLostUpdateEndsTheRunWithOneInvariantBroken() throws Exception {
    serve(StateSpace.of(LOST));
    // load, load, store, store: both CPUs read 0, so the counter ends at 1
    JsonNode s = get("/api/state?path=0.0.1.0.0").body();
    assertEquals(List.of("cpu[1].pc store -> done"), changed(s));
    assertEquals(0, s.get("choices").size());
    assertTrue(s.get("terminal").asBoolean());
    assertFalse(s.get("deadlock").asBoolean());
    assertTrue(s.get("violation").isNull());
    JsonNode inv = s.get("invariants");
    assertEquals(List.of("counter_bounded", "no_lost_update"), texts(inv, "name"));
    assertEquals(List.of(true, false), StreamSupport.stream(inv.spliterator(), false)
        .map(i -> i.get("holds").asBoolean()).toList());
    assertTrue(inv.get(0).get("failure").isNull());
    assertFalse(inv.get(1).get("failure").asText().isEmpty());
  }

  @Test
  void aPathToNoStateIs404SayingWhatTheStateOffersAndIsLogged() throws Exception {
    serve(StateSpace.of(LOST));
    Reply past = get("/api/state?path=0.5");
    assertEquals(404, past.status());
    assertEquals("no state at 0.5: the state at 0 has 2 choices (0 to 1)",
        past.body().get("error").asText());
    assertEquals("no state at 1: the model has 1 initial state (0 to 0)",
        get("/api/state?path=1").body().get("error").asText());
    assertEquals("no state at 0.0.1.0.0.0: the state at 0.0.1.0.0 has 0 choices",
        get("/api/state?path=0.0.1.0.0.0").body().get("error").asText());
    Reply bogus = get("/api/state?path=zero.1");
    assertEquals(404, bogus.status());
    assertEquals("no state at 'zero.1': a path is choice numbers joined by dots, such as 0.3.1",
        bogus.body().get("error").asText());
    assertEquals(404, get("/api/state").status());
    assertEquals(404, get("/api/nothing").status());
    assertEquals(405, post("/api/state?path=0", "").status());
    assertEquals(List.of(
        "explore: GET /api/state?path=0.5: 404 no state at 0.5: the state at 0 has 2 choices "
            + "(0 to 1)"), log.subList(0, 1));
    assertEquals(7, log.size(), log.toString());
  }

  @Test
  void aStepPastAViolationIsNoState() throws Exception {
    serve(StateSpace.of(V6_12).config("small"));
    List<Integer> path = pathOf(post("/api/trace?name=cx.json", Files.readString(CX)).body());
    String full = String.join(".", path.stream().map(String::valueOf).toList());
    Reply r = get("/api/state?path=" + full + ".0");
    assertEquals(404, r.status());
    assertEquals("no state at " + full + ".0: at " + full
        + " no_dma_after_detach breaks, and no step leads on", r.body().get("error").asText());
  }

  private static List<Integer> pathOf(JsonNode trace) {
    return StreamSupport.stream(trace.get("path").spliterator(), false).map(JsonNode::asInt)
        .toList();
  }

  @Test
  void theV612CounterexampleIsAPathEndingWhereTheAssertionFails() throws Exception {
    serve(StateSpace.of(V6_12).config("small"));
    Reply t = post("/api/trace?name=small.no_dma_after_detach.json", Files.readString(CX));
    assertEquals(200, t.status(), t.body().toString());
    assertEquals("no_dma_after_detach", t.body().get("property").asText());
    assertEquals("assertion", t.body().get("kind").asText());
    assertEquals("small.no_dma_after_detach.json", t.body().get("file").asText());
    List<Integer> path = pathOf(t.body());
    assertEquals(15, path.size(), "the initial state and 14 steps");
    JsonNode end = get("/api/state?path=" + String.join(".", path.stream()
        .map(String::valueOf).toList())).body();
    assertEquals("no_dma_after_detach", end.get("violation").asText());
    JsonNode last = end.get("taken").get(14);
    assertEquals("stack[0] unmap __page_pool_release_page_dma", last.get("instance").asText()
        + " " + last.get("label").asText() + " " + last.get("function").asText());
    assertEquals("no_dma_after_detach", last.get("violates").asText());
    assertEquals(0, end.get("choices").size());
    // the step before: the failing unmap is one of the choices, marked as breaking it
    JsonNode before = get("/api/state?path=" + String.join(".", path.subList(0, 14).stream()
        .map(String::valueOf).toList())).body();
    assertEquals("no_dma_after_detach", before.get("choices").get(path.get(14))
        .get("violates").asText());
    assertTrue(log.contains("explore: loaded trace small.no_dma_after_detach.json: "
        + "no_dma_after_detach, 14 steps"), log.toString());
  }

  @Test
  void aMalformedTraceIs400WithItsPositionInTheFile() throws Exception {
    serve(StateSpace.of(V6_12).config("small"));
    Reply r = post("/api/trace?name=broken.json", "{\"trace\": {\"steps\": [");
    assertEquals(400, r.status());
    String error = r.body().get("error").asText();
    assertTrue(error.startsWith("broken.json:1:22: error PC301: not JSON"), error);
    Reply noTrace = post("/api/trace?name=empty.json", "{\"model\": \"x\"}");
    assertEquals(400, noTrace.status());
    assertTrue(noTrace.body().get("error").asText().startsWith("empty.json:1:1: error PC302: "),
        noTrace.body().toString());
    assertEquals(2, log.stream().filter(l -> l.contains(": 400 ")).count(), log.toString());
  }

  @Test
  void aTraceOfOtherConstantsIsRefusedNamingThem() throws Exception {
    serve(StateSpace.of(V6_12).config("small"));
    Reply r = post("/api/trace?name=large.json",
        Files.readString(Path.of("proofs/page_pool_v6_12/large.no_dma_after_detach.json")));
    assertEquals(400, r.status());
    String error = r.body().get("error").asText();
    assertTrue(error.startsWith("large.json: not a run of model page_pool_v6_12: state 0 "), error);
    assertTrue(error.contains("it was recorded with NEED_SYNC=1 (here 0), PAGES=3 (here 2), "
        + "CONSUMERS=2 (here 1)"), error);
  }

  @Test
  void aModelThatNoLongerLoadsOnReloadIs422AndTheOldOneStays() throws Exception {
    Path model = dir.resolve("lost.pool");
    Files.copy(LOST, model);
    serve(StateSpace.of(model));
    Files.writeString(model, "model lost_update;\nvar counter : 0 .. 2 = ;\n");
    Reply r = post("/api/reload", "");
    assertEquals(422, r.status());
    String error = r.body().get("error").asText();
    assertTrue(error.contains(model + ":2:"), error);
    assertTrue(error.contains("error PC"), error);
    assertEquals(200, get("/api/state?path=0.0").status(), "the model loaded before stays");
    Files.copy(LOST, model, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertEquals(200, post("/api/reload", "").status());
    assertTrue(log.contains("explore: reloaded model lost_update"), log.toString());
  }

  @Test
  void aRequestNamingAnotherHostIsRefused() throws Exception {
    serve(StateSpace.of(LOST));
    // java.net.http will not set Host, so the request is written by hand
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      OutputStream out = s.getOutputStream();
      out.write(("GET /api/model HTTP/1.1\r\nHost: rebound.example:" + server.port()
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      String reply = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(reply.startsWith("HTTP/1.1 403"), reply);
      assertTrue(reply.contains("requests must be addressed to 127.0.0.1:" + server.port()),
          reply);
    }
  }

  @Test
  void theTraceGivenAtStartIsServed() throws Exception {
    StateSpace space = StateSpace.of(V6_12).config("small");
    var walk = space.open();
    server = ExplorerServer.start(space, walk, walk.trace(CX), 0, log::add);
    JsonNode t = get("/api/trace").body();
    assertEquals(CX.toString(), t.get("file").asText());
    assertEquals(15, t.get("path").size());
    assertEquals(URI.create("http://127.0.0.1:" + server.port() + "/"), server.url());
  }

  /**
   * The lasso of pool_eventually_freed was found by a search that checked only it (and the
   * runtime errors); its step 17 breaks alloc_cache_exclusive, which that search did not check.
   */
  @Test
  void aTraceIsWalkedCheckingWhatItsSearchChecked() throws Exception {
    serve(StateSpace.of(Path.of("models/page_pool_queue_restart.pool")).config("small"));
    Reply t = post("/api/trace?name=lasso.json", Files.readString(
        Path.of("proofs/page_pool_queue_restart/small.pool_eventually_freed.json")));
    assertEquals(200, t.status(), t.body().toString());
    List<String> checked = texts(t.body().get("checked"));
    assertTrue(checked.contains("pool_eventually_freed"), checked.toString());
    assertFalse(checked.contains("alloc_cache_exclusive"), checked.toString());
    List<Integer> path = pathOf(t.body());
    assertTrue(path.size() > 19, "the whole lasso: " + path);
    String query = "&checked=" + String.join(",", checked);
    String past = String.join(".", path.subList(0, 18).stream().map(String::valueOf).toList());
    JsonNode s = get("/api/state?path=" + past + query).body();
    JsonNode scrub = s.get("taken").get(17);
    assertEquals("unbind scrub", scrub.get("instance").asText() + " "
        + scrub.get("label").asText());
    assertTrue(scrub.get("violates").isNull(), scrub.toString());
    assertTrue(s.get("violation").isNull(), s.toString());
    assertEquals(1, s.get("choices").size(), "the walk goes on");
    // the same path checking every property ends where step 17 breaks the assertion
    JsonNode all = get("/api/state?path=" + past).body();
    assertEquals("alloc_cache_exclusive", all.get("violation").asText());
    assertEquals(0, all.get("choices").size());
    String end = String.join(".", path.stream().map(String::valueOf).toList());
    assertEquals(200, get("/api/state?path=" + end + query).status());
  }

  @Test
  void aSelectionOfUnknownOrMalformedNamesIs400() throws Exception {
    serve(StateSpace.of(LOST));
    Reply unknown = get("/api/state?path=0&checked=no_lost_update,nothing_here");
    assertEquals(400, unknown.status());
    assertEquals("model lost_update has no property nothing_here; it has deadlock, counter_bounded, "
        + "no_lost_update", unknown.body().get("error").asText());
    Reply bad = get("/api/state?path=0&checked=a%0Ab");
    assertEquals(400, bad.status());
    assertEquals("checked='a?b' is not a list of property names joined by commas",
        bad.body().get("error").asText());
    assertEquals(200, get("/api/state?path=0&checked=").status(), "the runtime errors only");
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}
