package poolcheck.api;

import java.time.Duration;
import poolcheck.cluster.pekko.WorkerNode;

/** {@code poolcheck worker --join HOST:PORT}: one partition of a coordinator's cluster run. */
public final class ClusterWorker {
  private ClusterWorker() {}

  /** Runs until the coordinator ends the run: null then, else why this worker stopped. */
  public static String join(String host, int port, int connectTimeoutSeconds) {
    return WorkerNode.run(host, port, Duration.ofSeconds(connectTimeoutSeconds));
  }
}
