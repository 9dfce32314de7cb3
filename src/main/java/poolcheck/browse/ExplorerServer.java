package poolcheck.browse;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import poolcheck.api.StateSpace;
import poolcheck.api.StateWalk;
import poolcheck.api.TracePath;

/**
 * The state explorer's web server: the page and its JSON API on the loopback address only
 * (the JDK's own HTTP server, two threads: a walk re-executes a path per request, which a
 * person clicking never makes a load).
 */
public final class ExplorerServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService threads;

  private ExplorerServer(HttpServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
  }

  /**
   * Serves {@code walk} (opened from {@code space}, which a reload opens again) on port
   * {@code port} of 127.0.0.1 (0: a free one), with {@code trace} loaded (or null); refused
   * requests and reloads are told to {@code log}, one line each.
   */
  public static ExplorerServer start(StateSpace space, StateWalk walk, TracePath trace, int port,
      Consumer<String> log) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
        port), 16);
    ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "explorer-http");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(threads);
    server.createContext("/", new ExplorerRoutes(space, walk, trace, log,
        server.getAddress().getPort()));
    server.start();
    return new ExplorerServer(server, threads);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + port() + "/");
  }

  /** Stops serving at once: a kept-alive connection would otherwise hold the stop a second. */
  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
