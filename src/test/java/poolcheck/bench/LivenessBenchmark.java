package poolcheck.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Models;
import poolcheck.explore.Explorer;
import poolcheck.explore.SearchOptions;
import poolcheck.explore.liveness.LivenessChecker;
import poolcheck.explore.store.Disk;
import poolcheck.result.CheckResult;
import poolcheck.result.Counterexample;
import poolcheck.system.Property;
import poolcheck.system.PropertySelection;
import poolcheck.system.TransitionSystem;

/**
 * What the liveness check of a configuration costs next to its safety check, in one run: the
 * safety search over the whole reachable space (no property stops it: the graph the liveness
 * check walks), one worker, fingerprints as `poolcheck check` stores them, then the liveness
 * check of every leads-to property over that space, as the prover runs it. For each: wall and
 * CPU time and the peak heap in use (every heap pool's peak since a GC before the phase); then
 * the ratios liveness / safety. Not a test: run it by hand (docs/performance.md).
 *
 * <p>Arguments: [MODEL NAME=VALUE ... [--]]... ; each model path starts a configuration. Default:
 * the v6.12 model at PAGES=4 CONSUMERS=3 and the DMA-tracking one at PAGES=3 CONSUMERS=2.
 * {@code --only=liveness} or {@code --only=safety} runs one side (for a profiler);
 * {@code --no-symmetry} checks both on the unreduced graph; {@code --workers=N} (default 1)
 * runs the safety search with N workers and builds the liveness graph with N threads;
 * {@code --spill-dir=DIR} runs both as {@code check --spill-dir DIR --frontier-memory 0} does,
 * each at its leanest: the safety search's trace log and whole frontier, the liveness graph's
 * edges and whole queue of states to expand in files there.
 */
public final class LivenessBenchmark {
  private LivenessBenchmark() {}

  private record Config(Path model, Map<String, String> constants) {}

  private record Cost(double wall, double cpu, long peakBytes) {}

  public static void main(String[] args) throws Exception {
    List<Config> configs = new ArrayList<>();
    String only = "";
    boolean symmetry = true;
    int workers = 1;
    Path spill = null;
    for (String a : args) {
      if (a.startsWith("--spill-dir=")) {
        spill = Path.of(a.substring("--spill-dir=".length()));
      } else if (a.startsWith("--workers=")) {
        workers = Integer.parseInt(a.substring("--workers=".length()));
      } else if (a.equals("--no-symmetry")) {
        symmetry = false;
      } else if (a.startsWith("--only=")) {
        only = a.substring("--only=".length());
      } else if (a.contains("=")) {
        configs.get(configs.size() - 1).constants()
            .put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
      } else {
        configs.add(new Config(Path.of(a), new LinkedHashMap<>()));
      }
    }
    if (configs.isEmpty()) {
      configs.add(new Config(Path.of("models/page_pool_v6_12.pool"),
          new LinkedHashMap<>(Map.of("PAGES", "4", "CONSUMERS", "3"))));
      configs.add(new Config(Path.of("models/page_pool_dma_tracking.pool"),
          new LinkedHashMap<>(Map.of("PAGES", "3", "CONSUMERS", "2"))));
    }
    System.out.printf(Locale.ROOT, "%d cores, load average %.2f, max heap %,d MB%n",
        Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.getRuntime().maxMemory() >> 20);
    for (Config c : configs) run(c, only, symmetry, workers, spill);
  }

  private static void run(Config c, String only, boolean symmetry, int workers, Path spill)
      throws Exception {
    CompiledModel loaded = Models.load(c.model(), c.constants());
    TransitionSystem m = symmetry ? loaded : loaded.withSymmetry(false);
    System.out.printf(Locale.ROOT, "%s %s%s, %d worker(s)%s%n", loaded.name(), c.constants(),
        symmetry ? "" : ", no symmetry reduction", workers,
        spill == null ? "" : ", spilling to " + spill);
    SearchOptions options = spill == null ? SearchOptions.defaults()
        : SearchOptions.defaults().withSpill(spill, 0);
    Cost safety = null;
    if (!only.equals("liveness")) {
      CheckResult[] r = new CheckResult[1];
      safety = measure(() -> r[0] = new Explorer(m, options)
          .properties(Set.of()).deadlock(false).workers(workers).run());
      System.out.printf(Locale.ROOT, "  safety:   %s, %,d distinct, %,d generated, %s%n",
          r[0].verdict(), r[0].statistics().distinct(), r[0].statistics().generated(),
          shown(safety));
    }
    if (only.equals("safety")) return;
    List<String> names = m.properties().stream()
        .filter(p -> p.kind() == Property.Kind.LIVENESS).map(Property::name).toList();
    PropertySelection live = PropertySelection.of(m, names, false);
    Counterexample[][] lassos = new Counterexample[1][];
    LivenessChecker[] checker = new LivenessChecker[1];
    Cost liveness = measure(() -> {
      // when each phase (the graph, then each property) was first reported, 0.2 s apart at most
      String[] last = {""};
      checker[0] = new LivenessChecker(m, live).threads(workers);
      if (spill != null) checker[0].spill(spill, 0, Disk.REAL);
      checker[0].progress(
          (phase, done, total, millis) -> {
            if (!phase.equals(last[0])) {
              System.out.printf(Locale.ROOT, "    %.1f s: %s%n", millis / 1e3, phase);
              last[0] = phase;
            }
          }, 200, System.currentTimeMillis());
      lassos[0] = checker[0].checkEach(live);
    });
    StringBuilder verdicts = new StringBuilder();
    for (String name : names) {
      Property p = m.properties().stream().filter(q -> q.name().equals(name)).findFirst()
          .orElseThrow();
      Counterexample cx = lassos[0][p.id()];
      verdicts.append(' ').append(name).append(cx == null ? " holds;"
          : " violated (lasso " + cx.length() + ", loop at " + cx.loop() + ");");
    }
    System.out.printf(Locale.ROOT, "  liveness: %,d distinct, %s%n   %s%n", checker[0].distinct(),
        shown(liveness), verdicts.toString().strip());
    if (safety != null) {
      System.out.printf(Locale.ROOT, "  liveness / safety: %.2fx wall, %.2fx CPU, %.2fx peak heap%n",
          liveness.wall() / safety.wall(), liveness.cpu() / safety.cpu(),
          (double) liveness.peakBytes() / safety.peakBytes());
    }
  }

  private static String shown(Cost c) {
    return String.format(Locale.ROOT, "%.2f s wall, %.2f s CPU, peak heap %,d MB", c.wall(),
        c.cpu(), c.peakBytes() >> 20);
  }

  /** Wall and CPU time of the phase, and the most heap in use during it. */
  private static Cost measure(Runnable phase) {
    var os = (com.sun.management.OperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean();
    System.gc();
    long base = heapInUse();
    List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    pools.forEach(MemoryPoolMXBean::resetPeakUsage);
    long cpu = os.getProcessCpuTime();
    long wall = System.nanoTime();
    phase.run();
    double wallSeconds = (System.nanoTime() - wall) / 1e9;
    double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
    long peak = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    return new Cost(wallSeconds, cpuSeconds, Math.max(0, peak - base));
  }

  private static long heapInUse() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getUsage().getUsed()).sum();
  }
}
