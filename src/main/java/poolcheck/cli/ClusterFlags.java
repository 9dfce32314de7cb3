package poolcheck.cli;

import java.util.function.Consumer;
import poolcheck.api.ClusterSetup;

/** --cluster HOST:PORT, --cluster-workers N and --cluster-local N to a cluster setup. */
final class ClusterFlags {
  private ClusterFlags() {}

  static ClusterSetup setup(String cluster, Integer workers, Integer local,
      Consumer<String> log) {
    if (cluster != null && local != null) {
      throw new UsageException("--cluster and --cluster-local exclude each other");
    }
    if (local != null) {
      if (local < 1 || local > 64) throw new UsageException("--cluster-local: 1 to 64 workers");
      return ClusterSetup.local(local, log);
    }
    int n = workers == null ? 2 : workers;
    if (n < 1 || n > 1024) throw new UsageException("--cluster-workers: 1 to 1024 workers");
    String[] hp = hostPort("--cluster", cluster);
    return new ClusterSetup(hp[0], Integer.parseInt(hp[1]), n, 0, 600, log, () -> false);
  }

  static String[] hostPort(String flag, String s) {
    int colon = s.lastIndexOf(':');
    if (colon <= 0) throw new UsageException(flag + ": HOST:PORT expected, not '" + s + "'");
    String port = s.substring(colon + 1);
    if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65535) {
      throw new UsageException(flag + ": a port from 0 to 65535 expected, not '" + port + "'");
    }
    return new String[] {s.substring(0, colon), port};
  }
}
