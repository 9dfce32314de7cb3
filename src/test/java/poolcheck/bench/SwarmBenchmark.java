package poolcheck.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Models;
import poolcheck.explore.Explorer;
import poolcheck.explore.SearchOptions;
import poolcheck.explore.store.FingerprintSet;
import poolcheck.explore.swarm.ExactFingerprints;
import poolcheck.explore.swarm.Swarm;
import poolcheck.explore.swarm.SwarmOptions;
import poolcheck.explore.swarm.SwarmResult;
import poolcheck.proofs.Prover;
import poolcheck.result.CheckResult;

/**
 * What fraction of the exact state space a swarm covers (docs/swarm.md): for every shipped
 * design ({@code models/page_pool_*.pool}) at each of its configurations, the exact search's
 * count (one worker, full states, only the runtime checks, no deadlock check: nothing stops
 * it), then swarms of 1, 2, 4 and 8 searches at each bit array size, every state any search
 * stores collected exactly (a witness) and checked to be in the exact state space. Prints one
 * markdown row per design, configuration and array size: the mean share one search covers, the
 * union's share of the exact count for 2, 4 and 8 searches, the sketch's estimate of the
 * 8-search union against the exact one, the wall time of the four swarms.
 *
 * <p>Not a test: {@code scripts/bench SwarmBenchmark [SEED] [NAME_FILTER]} (default seed 1;
 * the filter, a substring of the model's file name, picks designs).
 */
public final class SwarmBenchmark {
  private SwarmBenchmark() {}

  private static final long[] ARRAY_BYTES = {4 << 10, 64 << 10, 1 << 20};
  private static final int[] SEARCHES = {1, 2, 4, 8};

  public static void main(String[] args) throws Exception {
    long seed = args.length > 0 ? Long.parseLong(args[0]) : 1;
    String filter = args.length > 1 ? args[1] : "";
    int workers = Math.min(2, Runtime.getRuntime().availableProcessors());
    System.out.printf(Locale.ROOT, "seed %d, %d workers, %d hash functions, depth bound %,d, "
        + "load %.2f%n%n", seed, workers, 3, SwarmOptions.DEFAULT_DEPTH, load());
    System.out.println("| design | config | exact states | array per search | one search "
        + "| union of 2 | union of 4 | union of 8 | estimate of 8 / exact union | wall s |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|");
    for (Path model : designs(filter)) {
      for (String config : Prover.configurations(model)) {
        CompiledModel m = Models.load(model, config.equals("default") ? null : config,
            Map.of());
        CheckResult exact = new Explorer(m).properties(Set.of()).deadlock(false).run();
        long count = exact.statistics().distinct();
        FingerprintSet all = ExactFingerprints.of(m);
        if (all.size() != count) throw new IllegalStateException("exact counts disagree");
        for (long bytes : ARRAY_BYTES) {
          row(m, model, config, count, all, bytes, seed, workers);
        }
      }
    }
    System.out.printf(Locale.ROOT, "%nload at the end %.2f%n", load());
  }

  private static void row(CompiledModel m, Path model, String config, long count,
      FingerprintSet all, long bytes, long seed, int workers) {
    StringBuilder cells = new StringBuilder();
    double wall = 0;
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
      wall += (System.nanoTime() - start) / 1e9;
      if (!outside.isEmpty()) {
        throw new IllegalStateException("states outside the exact state space: "
            + outside.size());
      }
      if (!r.finished()) throw new IllegalStateException("a search did not finish: " + r);
      if (n == 1) {
        double mean = r.searches().stream().mapToLong(SwarmResult.Search::stored).average()
            .orElse(0) / count;
        cells.append(String.format(Locale.ROOT, "%.1f %% | ", 100 * mean));
      } else {
        cells.append(String.format(Locale.ROOT, "%.1f %% | ", 100.0 * union.size() / count));
      }
      if (n == SEARCHES[SEARCHES.length - 1]) {
        cells.append(String.format(Locale.ROOT, "%+.1f %% | ",
            100.0 * (r.unionEstimate() - union.size()) / union.size()));
      }
    }
    System.out.printf(Locale.ROOT, "| %s | %s | %,d | %s | %s%.1f |%n",
        model.getFileName().toString().replace(".pool", ""), config, count,
        bytes >= 1 << 20 ? (bytes >> 20) + "M" : (bytes >> 10) + "K", cells, wall);
  }

  private static List<Path> designs(String filter) throws IOException {
    try (Stream<Path> files = Files.list(Path.of("models"))) {
      return files.filter(p -> p.getFileName().toString().startsWith("page_pool_")
          && p.getFileName().toString().endsWith(".pool")
          && p.getFileName().toString().contains(filter)).sorted().toList();
    }
  }

  private static double load() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        .getSystemLoadAverage();
  }
}
