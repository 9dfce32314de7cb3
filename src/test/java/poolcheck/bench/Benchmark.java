package poolcheck.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import poolcheck.api.Models;
import poolcheck.compile.CompiledModel;
import poolcheck.explore.Explorer;
import poolcheck.result.CheckResult;
import poolcheck.result.Statistics;

/**
 * The end-to-end engine benchmark: explores one model configuration with 1 and then 2 workers in
 * fingerprint mode and prints distinct states per second, heap bytes per distinct state and the
 * speed-up, in one run. Not a test: run it by hand (see docs/performance.md).
 *
 * <p>Arguments: [MODEL] [NAME=VALUE ...] [--workers=1,2] [--exact]. Default: the recycle model
 * at about 18 million states.
 */
public final class Benchmark {
  private Benchmark() {}

  public static void main(String[] args) throws Exception {
    Path model = Path.of("models/bench/recycle.pool");
    Map<String, String> constants = new LinkedHashMap<>();
    String[] workerCounts = {"1", "2"};
    boolean exact = false;
    boolean defaults = true;
    for (String a : args) {
      if (a.startsWith("--workers=")) {
        workerCounts = a.substring("--workers=".length()).split(",");
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
    System.out.printf(Locale.ROOT, "model %s %s, %d bits per state in %d word(s), %s mode, "
        + "%d cores, max heap %,d MB%n", m.name(), m.constants(), m.layout().bits(),
        m.layout().words(), exact ? "exact" : "fingerprint",
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    double firstRate = 0;
    for (String w : workerCounts) {
      int workers = Integer.parseInt(w.strip());
      System.gc();
      HeapWatch watch = new HeapWatch();
      CheckResult r = new Explorer(m).deadlock(false).workers(workers).fingerprints(!exact)
          .progressInterval(250).progress((d, g, f, depth, ms) -> watch.sample()).run();
      watch.sample();
      Statistics s = r.statistics();
      double rate = s.statesPerSecond();
      if (firstRate == 0) firstRate = rate;
      System.out.printf(Locale.ROOT, "workers %d: %s, %,d distinct, %,d generated, depth %d, "
          + "%.2f s, %,.0f distinct states/s, %,.0f generated/s, %d bytes/state in the visited "
          + "set and trace log, %.1f bytes/state of live heap after GC (peak), collision "
          + "probability <= %.1e, speed-up %.2f%n", workers, r.verdict(), s.distinct(),
          s.generated(), s.depth(), s.millis() / 1000.0, rate, s.generated() * 1000.0
          / Math.max(1, s.millis()), s.bytesPerState(), (double) watch.peak / s.distinct(),
          s.collisionProbability(), rate / firstRate);
    }
  }

  /** The largest heap still in use right after a collection: what the search really holds. */
  private static final class HeapWatch {
    long peak;

    void sample() {
      long live = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() != MemoryType.HEAP) continue;
        MemoryUsage after = pool.getCollectionUsage();
        if (after != null) live += after.getUsed();
      }
      peak = Math.max(peak, live);
    }
  }
}
