package poolcheck.cli;

import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import poolcheck.api.StateSpace;
import poolcheck.api.StateWalk;
import poolcheck.api.TracePath;
import poolcheck.browse.ExplorerServer;

@Command(name = "explore", mixinStandardHelpOptions = true,
    exitCodeListHeading = "%nExit status:%n", exitCodeList = {
        "0:stopped by Ctrl-C or SIGTERM",
        "2:bad usage, a bad model (file:line:column: error PCnnn), a trace that is malformed or "
            + "no run of the model, a port that cannot be had, or an internal error",
        "3:out of memory"},
    description = "Walk a model's state space by hand in the browser: serves a page on "
        + "127.0.0.1 (and nowhere else) that shows a state, its enabled steps, the path so far "
        + "as a sequence diagram and which invariants hold, and follows a loaded trace.")
final class ExploreCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL")
  Path model;

  @Mixin
  ModelOptions modelOptions;

  @Option(names = "--trace", paramLabel = "FILE",
      description = "A JSON result or trace (check --trace-format json, proofs/*/*.json) or an "
          + "ITF trace, to follow from the start.")
  Path trace;

  @Option(names = "--port", paramLabel = "N", defaultValue = "0",
      description = "The port on 127.0.0.1 (default 0: a free one, printed).")
  int port;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65535) {
      throw new UsageException("--port " + port + " is not a port (0 to 65535; 0: a free one)");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    StateSpace space = StateSpace.of(model).config(modelOptions.config)
        .constants(modelOptions.constants);
    StateWalk walk = space.open();
    TracePath path = trace == null ? null : walk.trace(trace);
    CountDownLatch stopped = new CountDownLatch(1);
    ExplorerServer server;
    try {
      server = ExplorerServer.start(space, walk, path, port, line -> {
        synchronized (err) {
          err.println(line);
          err.flush();
        }
      });
    } catch (BindException e) {
      throw new UsageException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage()
          + " (--port 0 picks a free port)");
    }
    try (server; Interrupts signals = Interrupts.install(stopped::countDown)) {
      out.println("poolcheck explore: model " + walk.model().name()
          + (path == null ? "" : ", trace " + trace + " (" + path.property() + ", "
              + (path.states() - 1) + " steps)"));
      out.println("serving " + server.url() + " (Ctrl-C stops)");
      out.flush();
      stopped.await();
    }
    out.println("poolcheck explore: stopped");
    return ExitCode.VERIFIED;
  }
}
