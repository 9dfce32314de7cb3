package poolcheck.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import poolcheck.compile.Models;
import poolcheck.compile.CompiledModel;
import poolcheck.explore.Explorer;
import poolcheck.result.CheckResult;

/**
 * What resuming costs: the whole run uninterrupted (T), the run up to depth d (T_d), a checkpoint
 * at depth d, loading it alone, and the resumed run to the end (R). The target is R within 1.2x
 * of T - T_d, the time the uninterrupted run spent after depth d. Not a test: run it by hand
 * (see docs/performance.md).
 *
 * <p>Arguments: [MODEL] [NAME=VALUE ...] [--depth=D] (default: two thirds of the full depth)
 * [--workers=N] (default 2). Default: the recycle model at about 7.6 million states.
 */
public final class ResumeBenchmark {
  private ResumeBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path model = Path.of("models/bench/recycle.pool");
    Map<String, String> constants = new LinkedHashMap<>();
    int depth = -1;
    int workers = 2;
    for (String a : args) {
      if (a.startsWith("--depth=")) {
        depth = Integer.parseInt(a.substring("--depth=".length()));
      } else if (a.startsWith("--workers=")) {
        workers = Integer.parseInt(a.substring("--workers=".length()));
      } else if (a.contains("=")) {
        constants.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
      } else {
        model = Path.of(a);
      }
    }
    if (constants.isEmpty() && model.endsWith("recycle.pool")) {
      constants.putAll(Map.of("PAGES", "6", "RING", "4", "CPUS", "3"));
    }
    CompiledModel m = Models.load(model, constants);
    String digest = poolcheck.language.ModelLoader.load(model).textDigest();
    Path dir = Files.createTempDirectory("poolcheck-resume-bench");
    int w = workers;
    java.util.function.Supplier<Explorer> explorer = () -> new Explorer(m).fingerprints(true)
        .workers(w).modelDigest(digest);

    long t0 = System.nanoTime();
    CheckResult full = explorer.get().run();
    double whole = (System.nanoTime() - t0) / 1e9;
    if (depth < 0) depth = full.statistics().depth() * 2 / 3;

    t0 = System.nanoTime();
    CheckResult upTo = explorer.get().maxDepth(depth).run();
    double toDepth = (System.nanoTime() - t0) / 1e9;

    explorer.get().maxDepth(depth).checkpoint(dir, 0).run();
    long bytes = Files.size(dir.resolve("checkpoint.bin"));

    t0 = System.nanoTime();
    explorer.get().maxDepth(depth).resume(dir).run();
    double load = (System.nanoTime() - t0) / 1e9;

    t0 = System.nanoTime();
    CheckResult resumed = explorer.get().resume(dir).run();
    double rest = (System.nanoTime() - t0) / 1e9;

    double remaining = whole - toDepth;
    System.out.printf(Locale.ROOT, "model %s %s, %d workers: %,d distinct, depth %d%n"
        + "uninterrupted %.2f s; to depth %d (%,d distinct) %.2f s, so %.2f s after it%n"
        + "checkpoint at depth %d: %,d bytes; loading it alone %.2f s%n"
        + "resumed to the end %.2f s (%,d distinct, %,d generated: %s): %.2fx the remaining "
        + "time%n", m.name(), m.constants(), workers, full.statistics().distinct(),
        full.statistics().depth(), whole, depth, upTo.statistics().distinct(), toDepth,
        remaining, depth, bytes, load, rest, resumed.statistics().distinct(),
        resumed.statistics().generated(),
        resumed.statistics().distinct() == full.statistics().distinct()
            && resumed.statistics().generated() == full.statistics().generated()
            ? "same counts" : "COUNTS DIFFER", rest / remaining);
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) Files.delete(f);
    }
    Files.delete(dir);
  }
}
