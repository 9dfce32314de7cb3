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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poolcheck.api.ClusterCheckpoint;
import poolcheck.api.ClusterSetup;
import poolcheck.api.ModelCheck;
import poolcheck.api.ModelCheckResult;
import poolcheck.api.Verdict;

/**
 * Three worker JVMs on 127.0.0.1 (256 MB heap each) check recycle {@code PAGES=7 RING=5}, 2.8
 * million states: the counts of the single-JVM search. Then the same run, checkpointing every
 * quarter second, loses a worker to {@code kill -9} just after its first checkpoint past the
 * initial states: it ends incomplete naming the lost node, and the same command with
 * {@code --resume} on three fresh workers ends with the same counts; so does the same check
 * resumed on two workers after {@code poolcheck checkpoint rehash}, or without it, the resume
 * re-hashing by itself.
 */
@Tag("slow")
class ClusterNodeLossTest {
  private static final long DISTINCT = 2_810_682;
  private static final long GENERATED = 8_428_582;

  @TempDir
  Path dir;
  private final List<Process> workers = new ArrayList<>();

  @AfterEach
  void stopWorkers() throws InterruptedException {
    for (Process p : workers) {
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static ModelCheck recycle() {
    return ModelCheck.of(Path.of("models/bench/recycle.pool")).constant("PAGES", 7)
        .constant("RING", 5);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  /** {@code n} worker JVMs joining the coordinator that binds 127.0.0.1:port. */
  private List<Process> startWorkers(int n, int port, String name) throws IOException {
    List<Process> started = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Process p = new ProcessBuilder(System.getProperty("java.home") + File.separator + "bin"
          + File.separator + "java", "-Xmx256m", "-XX:+UseSerialGC", "-cp",
          System.getProperty("java.class.path"), "poolcheck.cli.Main", "worker", "--join",
          "127.0.0.1:" + port, "--connect-timeout", "120").redirectErrorStream(true)
          .redirectOutput(dir.resolve(name + "-" + i + ".log").toFile()).start();
      started.add(p);
      workers.add(p);
    }
    return started;
  }

  private static ClusterSetup at(int port, List<String> log) {
    return at(port, 3, log);
  }

  private static ClusterSetup at(int port, int workers, List<String> log) {
    return new ClusterSetup("127.0.0.1", port, workers, 0, 180, log::add, () -> false);
  }

  @Test
  void threeWorkerJvmsCountTwoPointEightMillionStatesAsOneJvm() throws Exception {
    ModelCheckResult one = recycle().workers(1).exhaustive();
    assertEquals(DISTINCT, one.statistics().distinct());
    assertEquals(GENERATED, one.statistics().generated());
    int port = freePort();
    startWorkers(3, port, "worker");
    List<String> log = new ArrayList<>();
    ModelCheckResult three = recycle().onCluster(at(port, log));
    assertEquals(Verdict.VERIFIED, three.verdict(), three.reason() + "\n" + log);
    assertEquals(one.statistics().distinct(), three.statistics().distinct());
    assertEquals(one.statistics().generated(), three.statistics().generated());
    assertEquals(one.statistics().depth(), three.statistics().depth());
    assertEquals(3, three.statistics().workers());
  }

  /**
   * Three workers checkpointing every quarter second, one killed with {@code kill -9} just after
   * the first manifest past level 0 appears: the run ends incomplete naming it. The level
   * checkpointed. The interval is short because with 8,192-state batches the whole search takes
   * about 2 s on an idle machine, and a 2 s interval let it end before its first checkpoint (CI,
   * 2026-12-05); once a node is dead no later level can end, so the kill always lands inside the
   * run.
   */
  private int killedAfterTheFirstCheckpoint(Path checkpoints) throws Exception {
    int port = freePort();
    List<Process> first = startWorkers(3, port, "first");
    List<String> log = new ArrayList<>();
    CompletableFuture<ModelCheckResult> run = CompletableFuture.supplyAsync(() -> recycle()
        .checkpoint(checkpoints, 0.25).onCluster(at(port, log)));
    Path manifest = checkpoints.resolve(Manifest.FILE);
    long deadline = System.currentTimeMillis() + 180_000;
    while (!pastTheInitialStates(checkpoints) && !run.isDone()
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(pastTheInitialStates(checkpoints),
        "no checkpoint past level 0 before the run ended: " + log);
    Process victim = first.get(1);
    victim.destroyForcibly(); // SIGKILL: no shutdown hook, no leaving the cluster
    assertTrue(victim.waitFor(10, TimeUnit.SECONDS));
    assertEquals(137, victim.exitValue(), "killed by signal 9");
    ModelCheckResult cut = run.get(180, TimeUnit.SECONDS);
    assertEquals(Verdict.INCOMPLETE, cut.verdict(), cut.reason());
    assertTrue(cut.reason().matches("cluster: lost node [0-2] of 3 at 127\\.0\\.0\\.1:[0-9]+ "
        + "\\(unreachable\\)( at level [0-9]+)?; the last complete checkpoint \\(level [0-9]+, "
        + "[0-9]+ states\\) is in .*"), cut.reason());
    for (Process p : first) assertTrue(p.waitFor(60, TimeUnit.SECONDS), "a survivor exits");
    String level = Files.readAllLines(manifest).get(2);
    assertTrue(level.matches("level [0-9]+"), level);
    int from = Integer.parseInt(level.substring("level ".length()));
    assertTrue(from > 0, level);
    return from;
  }

  /**
   * A checkpoint of a level after the initial states is on disk. On a loaded machine joining
   * takes longer than the interval, so the first checkpoint can be of level 0 (CI, 2026-12-07),
   * and a resume from it would show nothing that a fresh start does not.
   */
  private static boolean pastTheInitialStates(Path checkpoints) throws IOException {
    return Files.exists(checkpoints.resolve(Manifest.FILE))
        && Manifest.read(checkpoints).level() > 0;
  }

  /** Resumes {@code checkpoints} on {@code n} fresh workers: the uninterrupted run's counts. */
  private void resumesToTheSameCounts(Path checkpoints, int n, int from) throws Exception {
    resumesToTheSameCounts(checkpoints, n, from, line -> { });
  }

  private void resumesToTheSameCounts(Path checkpoints, int n, int from,
      java.util.function.Consumer<String> notices) throws Exception {
    int second = freePort();
    startWorkers(n, second, "replacement");
    List<String> again = new ArrayList<>();
    ModelCheckResult resumed = recycle().onWarning(notices).resume(checkpoints)
        .onCluster(at(second, n, again));
    assertEquals(Verdict.VERIFIED, resumed.verdict(), resumed.reason() + "\n" + again);
    assertEquals(DISTINCT, resumed.statistics().distinct());
    assertEquals(GENERATED, resumed.statistics().generated());
    assertEquals(23, resumed.statistics().depth());
    assertEquals(n, resumed.statistics().workers());
    // the resumed run starts after the checkpointed level, not from the initial states
    assertTrue(again.get(0).startsWith("level " + (from + 1) + ": "), again.toString());
  }

  @Test
  void aWorkerKilledAfterTheFirstCheckpointStopsTheRunAndTheResumeEndsWithTheSameCounts()
      throws Exception {
    Path checkpoints = dir.resolve("checkpoints");
    resumesToTheSameCounts(checkpoints, 3, killedAfterTheFirstCheckpoint(checkpoints));
  }

  @Test
  void aRunThatLostAWorkerResumesOnTwoAfterAnOfflineReHash() throws Exception {
    Path checkpoints = dir.resolve("checkpoints");
    int from = killedAfterTheFirstCheckpoint(checkpoints);
    ClusterCheckpoint.Rehashed two = ClusterCheckpoint.rehash(checkpoints, 2, null);
    assertEquals(from, two.level());
    assertEquals(3, two.fromNodes());
    assertEquals(2, two.states().size());
    resumesToTheSameCounts(checkpoints, 2, from);
  }

  @Test
  void aRunThatLostAWorkerResumesOnTwoReHashingBesideTheCheckpointByItself() throws Exception {
    Path checkpoints = dir.resolve("checkpoints");
    int from = killedAfterTheFirstCheckpoint(checkpoints);
    String manifest = Files.readString(checkpoints.resolve(Manifest.FILE));
    List<String> notices = new ArrayList<>();
    resumesToTheSameCounts(checkpoints, 2, from, notices::add);
    Path beside = dir.resolve("checkpoints.for-2-nodes");
    assertEquals(1, notices.size(), notices.toString());
    assertTrue(notices.get(0).startsWith("resume: the checkpoint in " + checkpoints + " is of 3 "
        + "nodes and this run has 2: re-hashed level " + from + " ("), notices.get(0));
    assertTrue(notices.get(0).endsWith(" into " + beside + ", which the run resumes from and "
        + "checkpoints into; " + checkpoints + " is left as it was"), notices.get(0));
    assertEquals(manifest, Files.readString(checkpoints.resolve(Manifest.FILE)),
        "the checkpoint of three nodes is left as it was");
    assertEquals(3, Manifest.read(checkpoints).nodes());
    assertEquals(2, Manifest.read(beside).nodes());
  }
}
