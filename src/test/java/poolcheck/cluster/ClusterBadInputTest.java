package poolcheck.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster that cannot form or breaks ends with one clear line and a non-zero exit, never a
 * hang: each case runs the real command line in its own JVM (512 MB) with a deadline.
 */
@Tag("slow")
class ClusterBadInputTest {
  @TempDir
  Path dir;

  private record Run(int exit, String output) {}

  private Process start(String name, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(System.getProperty("java.home") + File.separator
        + "bin" + File.separator + "java", "-Xmx512m", "-XX:+UseSerialGC", "-cp",
        System.getProperty("java.class.path"), "poolcheck.cli.Main"));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve(name).toFile()).start();
  }

  private Run finish(String name, Process p, int seconds) throws Exception {
    boolean ended = p.waitFor(seconds, TimeUnit.SECONDS);
    if (!ended) p.destroyForcibly().waitFor();
    String out = Files.readString(dir.resolve(name));
    assertTrue(ended, name + " hung:\n" + out);
    return new Run(p.exitValue(), out);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  @Test
  void aWorkerThatCannotReachTheCoordinatorSaysSoAndExitsTwo() throws Exception {
    int port = freePort();
    Run r = finish("worker", start("worker", "worker", "--join", "127.0.0.1:" + port,
        "--connect-timeout", "5"), 90);
    assertEquals(2, r.exit(), r.output());
    assertTrue(r.output().contains("poolcheck: worker: cannot reach the coordinator at "
        + "127.0.0.1:" + port), r.output());
  }

  @Test
  void aCoordinatorPortInUseIsAnIncompleteRunThatSaysWhy() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Run r = finish("coordinator", start("coordinator", "check", "-q",
          "models/bench/recycle.pool", "--cluster", "127.0.0.1:" + taken.getLocalPort(),
          "--cluster-workers", "1"), 90);
      assertEquals(3, r.exit(), r.output());
      assertTrue(r.output().contains("incomplete: cluster: cannot bind 127.0.0.1:"
          + taken.getLocalPort()), r.output());
    }
  }

  @Test
  void aWorkerWhoseCoordinatorDiesSaysSoAndExitsTwo() throws Exception {
    int port = freePort();
    // the coordinator waits for a second worker that never comes; then it is killed
    Process coordinator = start("coordinator", "check", "-q", "models/bench/recycle.pool",
        "--cluster", "127.0.0.1:" + port, "--cluster-workers", "2");
    Process worker = start("worker", "worker", "--join", "127.0.0.1:" + port,
        "--connect-timeout", "60");
    // time for the worker to join (JVM and Pekko start on a loaded machine)
    Thread.sleep(15_000);
    assertTrue(worker.isAlive(), Files.readString(dir.resolve("worker")));
    coordinator.destroyForcibly().waitFor();
    Run r = finish("worker", worker, 90);
    assertEquals(2, r.exit(), r.output());
    assertTrue(r.output().contains("poolcheck: worker: lost the coordinator at 127.0.0.1:"
        + port), r.output());
  }

  @Test
  void aWorkerKilledWithSignalNineEndsTheRunAsIncompleteNamingTheNode() throws Exception {
    int port = freePort();
    Process coordinator = start("coordinator", "check", "-q", "models/bench/recycle.pool",
        "--cluster", "127.0.0.1:" + port, "--cluster-workers", "2");
    Process worker = start("worker", "worker", "--join", "127.0.0.1:" + port,
        "--connect-timeout", "60");
    Thread.sleep(15_000);
    assertTrue(worker.isAlive(), Files.readString(dir.resolve("worker")));
    worker.destroyForcibly().waitFor();
    Run r = finish("coordinator", coordinator, 90);
    assertEquals(3, r.exit(), r.output());
    assertTrue(r.output().contains("incomplete: cluster: lost node 0 of 2 at 127.0.0.1:"),
        r.output());
    assertTrue(!r.output().contains("verified"), r.output());
  }

  @Test
  void aClusterRunOfALeadsToPropertyIsRefused() throws Exception {
    Run r = finish("coordinator", start("coordinator", "check", "-q",
        "models/page_pool_v6_12.pool", "--config", "small", "--cluster-local", "1"), 90);
    assertEquals(2, r.exit(), r.output());
    assertTrue(r.output().contains("a cluster run checks safety only"), r.output());
  }
}
