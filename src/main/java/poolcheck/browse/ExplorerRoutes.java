package poolcheck.browse;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import poolcheck.api.InvalidInputException;
import poolcheck.api.NoSuchStateException;
import poolcheck.api.StateSpace;
import poolcheck.api.StateWalk;
import poolcheck.api.TracePath;

/**
 * The explorer's requests. {@code GET /} the page; {@code GET /api/model} the model, its
 * lifelines, invariants, initial states and the trace loaded at start; {@code GET
 * /api/state?path=0.3.1} one state ({@code &checked=a,b}: checking only those properties, as
 * the search of a loaded trace did); {@code POST /api/trace?name=F} a trace file's text, answered
 * with its path; {@code POST /api/reload} the model read again. Every refusal is a JSON
 * {@code {"error": ...}} with its status, and a line in the log; nothing else is kept between
 * requests but the model and the trace given at start.
 */
final class ExplorerRoutes implements HttpHandler {
  private final StateSpace space;
  private final AtomicReference<StateWalk> walk;
  private final TracePath trace;
  private final Consumer<String> log;
  private final int port;

  ExplorerRoutes(StateSpace space, StateWalk walk, TracePath trace, Consumer<String> log,
      int port) {
    this.space = space;
    this.walk = new AtomicReference<>(walk);
    this.trace = trace;
    this.log = log;
    this.port = port;
  }

  @Override
  public void handle(HttpExchange x) throws IOException {
    String request = x.getRequestMethod() + " " + x.getRequestURI();
    try (x) {
      try {
        route(x);
      } catch (Refusal r) {
        log.accept("explore: " + ChoicePath.printable(request) + ": " + r.status + " "
            + r.getMessage());
        Exchanges.error(x, r.status, r.getMessage());
      } catch (RuntimeException | StackOverflowError e) {
        String message = "internal error: " + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst()
                .orElse(""));
        log.accept("explore: " + ChoicePath.printable(request) + ": 500 " + message);
        Exchanges.error(x, 500, message);
      }
    }
  }

  private void route(HttpExchange x) throws IOException, Refusal {
    checkHost(x);
    String path = x.getRequestURI().getPath();
    String method = x.getRequestMethod();
    switch (path) {
      case "/", "/index.html" -> {
        allow(method, "GET");
        Exchanges.send(x, 200, "text/html; charset=utf-8", ExplorerPage.html());
      }
      case "/api/model" -> {
        allow(method, "GET");
        Exchanges.json(x, 200, model(walk.get()));
      }
      case "/api/state" -> {
        allow(method, "GET");
        Map<String, String> query = Exchanges.query(x);
        List<Integer> choices = ChoicePath.parse(query.get("path"));
        StateWalk w = walk.get();
        if (query.containsKey("checked")) {
          String names = query.get("checked");
          if (!names.matches("([A-Za-z_][A-Za-z0-9_]*(,[A-Za-z_][A-Za-z0-9_]*)*)?")) {
            throw Refusal.badRequest("checked='" + ChoicePath.printable(names) + "' is not a "
                + "list of property names joined by commas");
          }
          try {
            w = w.checking(names.isEmpty() ? List.of() : List.of(names.split(",")));
          } catch (InvalidInputException e) {
            throw Refusal.badRequest(e.getMessage());
          }
        }
        try {
          Exchanges.json(x, 200, w.state(choices));
        } catch (NoSuchStateException e) {
          throw Refusal.notFound(e.getMessage());
        }
      }
      case "/api/trace" -> {
        if (method.equals("GET")) {
          if (trace == null) throw Refusal.notFound("no trace was given at start (--trace FILE)");
          Exchanges.json(x, 200, trace);
          return;
        }
        allow(method, "POST");
        String name = Exchanges.query(x).getOrDefault("name", "trace.json");
        String text = Exchanges.body(x);
        try {
          TracePath loaded = walk.get().trace(name, text);
          log.accept("explore: loaded trace " + loaded.file() + ": " + loaded.property() + ", "
              + (loaded.states() - 1) + " steps");
          Exchanges.json(x, 200, loaded);
        } catch (InvalidInputException e) {
          throw Refusal.badRequest(e.getMessage());
        } catch (UncheckedIOException e) {
          throw Refusal.badRequest(e.getMessage());
        }
      }
      case "/api/reload" -> {
        allow(method, "POST");
        try {
          StateWalk fresh = space.open();
          walk.set(fresh);
          log.accept("explore: reloaded model " + fresh.model().name());
          Exchanges.json(x, 200, model(fresh));
        } catch (InvalidInputException e) {
          throw new Refusal(422, "the model fails to load; still exploring the one loaded "
              + "before:\n" + e.getMessage());
        } catch (UncheckedIOException e) {
          throw new Refusal(422, "the model cannot be read (" + e.getMessage()
              + "); still exploring the one loaded before");
        }
      }
      default -> throw Refusal.notFound("nothing at " + ChoicePath.printable(path)
          + " (the page is at /, the API under /api/model, /api/state, /api/trace, "
          + "/api/reload)");
    }
  }

  private static Map<String, Object> model(StateWalk w) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", w.model().name());
    m.put("configuration", w.configuration());
    m.put("constants", w.model().constants());
    m.put("instances", w.instances());
    m.put("invariants", w.invariants());
    m.put("initialStates", w.initialStates());
    return m;
  }

  private static void allow(String method, String allowed) throws Refusal {
    if (!method.equals(allowed)) {
      throw new Refusal(405, method + " is not served here, only " + allowed);
    }
  }

  /**
   * A page on another site could make the browser send requests to this port under a name of
   * its own that resolves to 127.0.0.1 (DNS rebinding); such a request names that host.
   */
  private void checkHost(HttpExchange x) throws Refusal {
    String host = x.getRequestHeaders().getFirst("Host");
    if (host == null || !(host.equals("127.0.0.1:" + port) || host.equals("localhost:" + port))) {
      throw new Refusal(403, "requests must be addressed to 127.0.0.1:" + port + ", not "
          + (host == null ? "no host" : ChoicePath.printable(host)));
    }
  }
}
