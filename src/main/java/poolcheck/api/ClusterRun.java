package poolcheck.api;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import poolcheck.cluster.Manifest;
import poolcheck.cluster.Message;
import poolcheck.cluster.PartitionedSearch;
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
      CheckOptions options, ClusterSetup setup, java.util.function.Consumer<String> notices) {
    if (source.file() == null) {
      throw new InvalidOptionException("cluster", n -> "a cluster run ships the model's files: "
          + "give it a model file, not text");
    }
    refuse(options.spillDir() != null, "spillDir", "spilling the frontier");
    refuse(options.allViolations(), "allViolations", "all violations");
    refuse(options.fewestSwitches(), "fewestSwitches", "fewest switches");
    refuse(options.store() == StoreMode.EXACT, "store", "exact states");
    Prepared prepared = prepare(source, selection, options);
    ModelSource.Loaded loaded = prepared.loaded();
    CompiledModel model = prepared.model();
    var checked = prepared.checked();
    CoordinatorNode.Shipment shipment = new CoordinatorNode.Shipment(
        loaded.parsed().texts(), loaded.parsed().source(), source.config(), source.constants(),
        checked.names(), selection.deadlock(), options.symmetry(), source.digest());
    Map<String, String> identity = prepared.identity();
    ClusterCheckpoint.Resumable from = options.resume() == null ? null
        : resumable(options.resume(), identity, setup.workers(), options.checkpoint(), notices);
    Manifest resumed = from == null ? null : from.manifest();
    Path checkpoints = from != null ? from.checkpoints() : options.checkpoint();
    UnaryOperator<PartitionedSearch> limits = search -> {
      if (options.maxDepth() != null) search.maxDepth(options.maxDepth());
      if (options.maxStates() != null) search.maxStates(options.maxStates());
      if (options.timeLimitSeconds() != null) {
        search.timeLimitMillis(options.timeLimitSeconds() * 1000);
      }
      if (checkpoints != null) {
        search.checkpoint(checkpoints.toAbsolutePath(),
            Math.round(options.checkpointIntervalSeconds() * 1000), identity);
      }
      if (from != null) search.resume(from.dir().toAbsolutePath(), resumed);
      return search;
    };
    List<Process> started = new ArrayList<>();
    long start = System.currentTimeMillis();
    try {
      CheckResult r = CoordinatorNode.run(model, checked, shipment, setup.host(), setup.port(),
          setup.workers(), Duration.ofSeconds(setup.joinTimeoutSeconds()),
          port -> started.addAll(startLocal(setup.localWorkers(), setup.host(), port)),
          setup.log(), setup.stopRequested(), limits);
      return ModelCheckResult.of(r, null, r.verdict() == Verdict.VIOLATED ? List.of(r)
          : List.of());
    } catch (PartitionedSearch.ResumeRefused f) {
      throw new UncheckedIOException(f.getMessage(), new IOException(f.getMessage()));
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

  /** The model loaded, what is checked in it, and what identifies a checkpoint of the run. */
  private record Prepared(ModelSource.Loaded loaded, CompiledModel model,
      poolcheck.system.PropertySelection checked, Map<String, String> identity) {}

  private static Prepared prepare(ModelSource source, PropertySelection selection,
      CheckOptions options) {
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
    return new Prepared(loaded, model, checked, identity(model, checked.names(), source,
        options, selection.deadlock()));
  }

  /** What a checkpoint of this cluster run records to be resumed (tests write manifests). */
  static Map<String, String> identity(ModelSource source, PropertySelection selection,
      CheckOptions options) {
    return prepare(source, selection, options).identity();
  }

  /**
   * What a cluster checkpoint must match to be resumed: the poolcheck that wrote it, and
   * everything that shapes the state space or what is checked in it. Limits may change.
   */
  private static Map<String, String> identity(CompiledModel model, List<String> checked,
      ModelSource source, CheckOptions options, boolean deadlock) {
    Map<String, String> id = new LinkedHashMap<>();
    id.put("poolcheck", Message.VERSION);
    id.put("model", model.name());
    id.put("model text", source.digest());
    id.put("configuration", source.config() == null ? "(none)" : source.config());
    id.put("constants", model.constants().toString());
    id.put("properties checked", String.join(",", checked));
    id.put("deadlock", deadlock ? "checked" : "not checked");
    id.put("symmetry reduction", options.symmetry() ? "on" : "off");
    id.put("state layout", model.layout().words() + " words, " + model.layout().bits()
        + " bits");
    return id;
  }

  private static ClusterCheckpoint.Resumable resumable(Path dir, Map<String, String> identity,
      int workers, Path checkpoint, java.util.function.Consumer<String> notices) {
    try {
      return ClusterCheckpoint.forResume(dir, identity, workers, checkpoint, notices);
    } catch (java.nio.file.NoSuchFileException e) {
      String m = e.getFile() + ": cannot resume: " + (e.getReason() == null
          ? "no such file" : e.getReason());
      throw new UncheckedIOException(m, new IOException(m, e));
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
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
