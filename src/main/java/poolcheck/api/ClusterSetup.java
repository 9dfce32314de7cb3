package poolcheck.api;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Where an exhaustive search runs when it runs on a cluster (docs/cluster.md): the coordinator
 * binds {@code host:port} (port 0: any free one) and waits for {@code workers} workers;
 * {@code localWorkers} of them it starts itself as JVMs on this machine (0: all come from
 * {@code poolcheck worker --join}). {@code log} receives a line per level and the bytes sent; {@code stopRequested} is asked
 * every 100 ms while the search runs (Ctrl-C).
 */
public record ClusterSetup(String host, int port, int workers, int localWorkers,
    int joinTimeoutSeconds, Consumer<String> log, BooleanSupplier stopRequested) {
  /** {@code n} worker JVMs on this machine, over loopback. */
  public static ClusterSetup local(int n, Consumer<String> log) {
    return new ClusterSetup("127.0.0.1", 0, n, n, 120, log, () -> false);
  }

  /** The same, ending INTERRUPTED (the workers told to stop) once {@code stop} says so. */
  public ClusterSetup stopWhen(BooleanSupplier stop) {
    return new ClusterSetup(host, port, workers, localWorkers, joinTimeoutSeconds, log, stop);
  }
}
