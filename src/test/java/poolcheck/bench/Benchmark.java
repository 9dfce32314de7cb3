package poolcheck.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import poolcheck.compile.Models;
import poolcheck.compile.CompiledModel;
import poolcheck.explore.Explorer;
import poolcheck.result.CheckResult;
import poolcheck.result.Statistics;

/**
 * The end-to-end engine benchmark: explores one model configuration with 1 and then 2 workers in
 * fingerprint mode and prints distinct states per second, heap bytes per distinct state and the
 * speed-up, in one run. Not a test: run it by hand (see docs/performance.md).
 *
 * <p>Arguments: [MODEL] [NAME=VALUE ...] [--workers=1,2] [--exact] [--spill=DIR] (trace log and
 * frontier beyond 256 MB on disk) [--repeat=N] (the whole series N times, to take the best on a
 * busy machine) [--properties=A,B] (check only these, e.g. a design's holding invariants, so the
 * search covers the whole reachable space). Default: the recycle model at about 18 million states.
 */
public final class Benchmark {
  private Benchmark() {}

  public static void main(String[] args) throws Exception {
    Path model = Path.of("models/bench/recycle.pool");
    Map<String, String> constants = new LinkedHashMap<>();
    String[] workerCounts = {"1", "2"};
    boolean exact = false;
    Path spill = null;
    int repeat = 1;
    boolean defaults = true;
    java.util.Set<String> properties = null;
    for (String a : args) {
      if (a.startsWith("--workers=")) {
        workerCounts = a.substring("--workers=".length()).split(",");
      } else if (a.startsWith("--spill=")) {
        spill = Path.of(a.substring("--spill=".length()));
      } else if (a.startsWith("--repeat=")) {
        repeat = Integer.parseInt(a.substring("--repeat=".length()));
      } else if (a.startsWith("--properties=")) {
        properties = java.util.Set.of(a.substring("--properties=".length()).split(","));
      } else if (a.equals("--exact")) {
        exact = true;
      } else if (a.contains("=")) {
        constants.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        defaults = false;
      } else {
        model = Path.of(a);
      }
    }
    if (defaults && model.endsWith("recycle.pool")) {
      constants.putAll(Map.of("PAGES", "6", "RING", "4", "CPUS", "3", "ROUNDS", "4"));
    }
    CompiledModel m = Models.load(model, constants);
    System.out.printf(Locale.ROOT, "model %s %s, %d bits per state in %d word(s), %s mode%s, "
        + "%d cores, load average %.1f, max heap %,d MB%n", m.name(), m.constants(),
        m.layout().bits(), m.layout().words(), exact ? "exact" : "fingerprint",
        spill == null ? "" : ", trace log on disk", Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.getRuntime().maxMemory() >> 20);
    // The machine may be shared: CPU seconds say what the search cost when wall time cannot.
    var os = (com.sun.management.OperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean();
    double firstRate = 0;
    for (int round = 0; round < repeat; round++) {
    for (String w : workerCounts) {
      int workers = Integer.parseInt(w.strip());
      System.gc();
      long cpuBefore = os.getProcessCpuTime();
      Explorer e = new Explorer(m).deadlock(false).workers(workers).fingerprints(!exact);
      if (spill != null) e.spill(spill, 256L << 20);
      if (properties != null) e.properties(properties);
      CheckResult r = e.run();
      double cpuSeconds = (os.getProcessCpuTime() - cpuBefore) / 1e9;
      Statistics s = r.statistics();
      double rate = s.statesPerSecond();
      if (firstRate == 0) firstRate = rate;
      System.out.printf(Locale.ROOT, "workers %d: %s, %,d distinct, %,d generated, depth %d, "
          + "%.2f s wall, %.2f s CPU, %,.0f distinct states/s, %,.0f distinct states per CPU "
          + "second, %d heap bytes/state (visited set and trace log), collision probability "
          + "<= %.1e, speed-up %.2f%n", workers, r.verdict(), s.distinct(), s.generated(),
          s.depth(), s.millis() / 1000.0, cpuSeconds, rate, s.distinct() / cpuSeconds,
          s.bytesPerState(), s.collisionProbability(), rate / firstRate);
    }
    }
  }
}
