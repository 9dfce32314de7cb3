package poolcheck.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Models;
import poolcheck.explore.Explorer;
import poolcheck.explore.SearchOptions;
import poolcheck.explore.store.FingerprintSet;
import poolcheck.explore.swarm.ExactFingerprints;
import poolcheck.explore.swarm.Swarm;
import poolcheck.explore.swarm.SwarmOptions;
import poolcheck.explore.swarm.SwarmResult;
import poolcheck.result.CheckResult;

/**
 * What fraction of the exact state space a swarm covers (docs/swarm.md): for each design
 * configuration, the exact search's count (one worker, full states, only the runtime checks,
 * no deadlock check: nothing stops it), then swarms of 1, 2, 4 and 8 searches at each bit array
 * size, every state any search stores collected exactly (a witness) and checked to be in the
 * exact state space. Prints a markdown table: the union's share of the exact count, the
 * sketch's estimate of the union, the mean share one search covers, the wall time.
 * Not a test: {@code scripts/bench SwarmBenchmark [SEED]} (default seed 1).
 */
public final class SwarmBenchmark {
  private SwarmBenchmark() {}

  private record Design(String model, String config) {}

  private static final List<Design> DESIGNS = List.of(
      new Design("models/page_pool_dma_tracking.pool", "small"),
      new Design("models/page_pool_skip_sync.pool", "small"),
      new Design("models/page_pool_xdp_bulk.pool", "small"),
      new Design("models/page_pool_queue_restart.pool", "large"));
  private static final long[] ARRAY_BYTES = {4 << 10, 64 << 10};
  private static final int[] SEARCHES = {1, 2, 4, 8};

  public static void main(String[] args) throws Exception {
    long seed = args.length > 0 ? Long.parseLong(args[0]) : 1;
    int workers = Math.min(2, Runtime.getRuntime().availableProcessors());
    System.out.printf(Locale.ROOT, "seed %d, %d workers, %d hash functions, depth bound %,d, "
        + "load %.2f%n%n", seed, workers, 3, SwarmOptions.DEFAULT_DEPTH,
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()
            .getSystemLoadAverage());
    System.out.println("| design | config | exact states | array per search | N | union "
        + "| union / exact | estimate | one search / exact (mean) | wall s |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|");
    for (Design d : DESIGNS) {
      CompiledModel m = Models.load(Path.of(d.model()), d.config(), Map.of());
      CheckResult exact = new Explorer(m).properties(Set.of()).deadlock(false).run();
      long count = exact.statistics().distinct();
      FingerprintSet all = ExactFingerprints.of(m);
      if (all.size() != count) throw new IllegalStateException("exact counts disagree");
      for (long bytes : ARRAY_BYTES) {
        for (int n : SEARCHES) {
          SearchOptions s = SearchOptions.defaults().withWorkers(workers)
              .withProperties(Set.of()).withDeadlock(false)
              .withBitstate(new SearchOptions.Bitstate(bytes * 8, 3, 0));
          FingerprintSet union = new FingerprintSet();
          List<Long> outside = new ArrayList<>();
          long start = System.nanoTime();
          SwarmResult r = new Swarm(m, new SwarmOptions(n, seed, s)).witness(fp -> {
            synchronized (union) {
              if (!all.contains(fp)) outside.add(fp);
              union.add(fp);
            }
          }).run();
          double wall = (System.nanoTime() - start) / 1e9;
          if (!outside.isEmpty()) throw new IllegalStateException("states outside the exact "
              + "state space: " + outside.size());
          if (!r.finished()) throw new IllegalStateException("a search did not finish: " + r);
          double mean = r.searches().stream().mapToLong(SwarmResult.Search::stored).average()
              .orElse(0) / count;
          System.out.printf(Locale.ROOT, "| %s | %s | %,d | %s | %d | %,d | %.1f %% | %,.0f "
              + "| %.1f %% | %.1f |%n", Path.of(d.model()).getFileName().toString()
              .replace(".pool", ""), d.config(), count, bytes >= 1 << 20 ? (bytes >> 20) + "M"
              : (bytes >> 10) + "K", n, union.size(), 100.0 * union.size() / count,
              r.unionEstimate(), 100 * mean, wall);
        }
      }
    }
  }
}
