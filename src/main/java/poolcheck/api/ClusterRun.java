package poolcheck.api;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import poolcheck.cluster.pekko.CoordinatorNode;
import poolcheck.compile.CompiledModel;
import poolcheck.explore.Explorer;
import poolcheck.result.CheckResult;
import poolcheck.result.Statistics;
import poolcheck.result.Verdict;

/** A check on a Pekko cluster: the options it cannot honour refused, workers started, run. */
final class ClusterRun {
  private ClusterRun() {}

  static ModelCheckResult run(ModelSource source, PropertySelection selection,
      CheckOptions options, ClusterSetup setup) {
    if (source.file() == null) {
      throw new InvalidOptionException("cluster", n -> "a cluster run ships the model's files: "
          + "give it a model file, not text");
    }
    refuse(options.checkpoint() != null || options.resume() != null, "checkpoint",
        "checkpoints and resume");
    refuse(options.spillDir() != null, "spillDir", "spilling the frontier");
    refuse(options.allViolations(), "allViolations", "all violations");
    refuse(options.fewestSwitches(), "fewestSwitches", "fewest switches");
    refuse(options.maxStates() != null, "maxStates", "a state limit");
    refuse(options.store() == StoreMode.EXACT, "store", "exact states");
    refuse(options.maxDepth() != null, "maxDepth", "a depth limit");
    refuse(options.timeLimitSeconds() != null, "timeLimitSeconds", "a time limit");
    ModelSource.Loaded loaded = source.load();
    CompiledModel model = loaded.compiled().withSymmetry(options.symmetry());
    Explorer e = new Explorer(model);
    var names = selection.resolve(model);
    if (names != null) e.properties(names);
    if (!selection.deadlock()) e.deadlock(false);
    var checked = e.selection();
    if (checked.checksLiveness()) {
      throw new InvalidOptionException("cluster", n -> "a cluster run checks safety only; "
          + "leads-to properties are checked on one machine: select safety properties with "
          + n.apply("properties") + " or run without the cluster");
    }
    CoordinatorNode.Shipment shipment = new CoordinatorNode.Shipment(
        loaded.parsed().texts(), loaded.parsed().source(), source.config(), source.constants(),
        checked.names(), selection.deadlock(), options.symmetry(), source.digest());
    List<Process> started = new ArrayList<>();
    long start = System.currentTimeMillis();
    try {
      CheckResult r = CoordinatorNode.run(model, checked, shipment, setup.host(), setup.port(),
          setup.workers(), Duration.ofSeconds(setup.joinTimeoutSeconds()),
          port -> started.addAll(startLocal(setup.localWorkers(), setup.host(), port)),
          setup.log(), setup.stopRequested());
      return ModelCheckResult.of(r, null, r.verdict() == Verdict.VIOLATED ? List.of(r)
          : List.of());
    } catch (CoordinatorNode.ClusterFailure f) {
      // nothing is verified from a state space that was not wholly explored
      CheckResult r = new CheckResult(model.name(), model.constants(), checked.names(),
          Verdict.INCOMPLETE, new Statistics(0, 0, 0, System.currentTimeMillis() - start,
              setup.workers(), 0), Optional.empty(), "cluster: " + f.getMessage());
      return ModelCheckResult.of(r, null, List.of());
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      CheckResult r = new CheckResult(model.name(), model.constants(), checked.names(),
          Verdict.INTERRUPTED, new Statistics(0, 0, 0, System.currentTimeMillis() - start,
              setup.workers(), 0), Optional.empty(), "interrupted");
      return ModelCheckResult.of(r, null, List.of());
    } finally {
      for (Process p : started) {
        try {
          if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) p.destroyForcibly();
        } catch (InterruptedException ie) {
          p.destroyForcibly();
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  private static void refuse(boolean set, String option, String what) {
    if (set) {
      throw new InvalidOptionException(option, n -> "a cluster run does not do " + what
          + " yet: drop " + n.apply(option) + " or the cluster");
    }
  }

  /** Worker JVMs on this machine, this class path, 512 MB heap each unless told otherwise. */
  private static List<Process> startLocal(int n, String host, int port) {
    List<Process> ps = new ArrayList<>();
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator
        + "java";
    String heap = System.getProperty("poolcheck.worker.heap", "512m");
    for (int i = 0; i < n; i++) {
      try {
        ps.add(new ProcessBuilder(java, "-Xmx" + heap, "-XX:+UseSerialGC", "-cp",
            System.getProperty("java.class.path"), "poolcheck.cli.Main", "worker", "--join",
            host + ":" + port).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
      } catch (IOException e) {
        ps.forEach(Process::destroyForcibly);
        throw new UncheckedIOException("cannot start a worker JVM: " + e.getMessage(), e);
      }
    }
    return ps;
  }
}
