package poolcheck.explore.swarm;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import poolcheck.explore.BitstateCoverage;
import poolcheck.explore.Concretizer;
import poolcheck.explore.InvalidSearchOption;
import poolcheck.explore.TraceRebuild;
import poolcheck.explore.store.BitstateSet;
import poolcheck.result.CheckResult;
import poolcheck.result.Counterexample;
import poolcheck.result.Statistics;
import poolcheck.result.Verdict;
import poolcheck.system.Property;
import poolcheck.system.PropertySelection;
import poolcheck.system.TransitionSystem;

/**
 * Holzmann's swarm verification: {@link SwarmOptions#searches()} independent
 * {@link RandomDepthFirst} searches, each with its own bit array (its own hash seed) and its own
 * random step order, on a pool of {@link SwarmOptions#threads()} threads, searches started in
 * index order. The first violation stops them all; among the violations found by then, the one
 * with the shortest trace is reported (ties: the lowest index). With one thread the searches
 * run one after another, so the whole swarm is the same on every run of the same seed.
 *
 * <p>A swarm proves nothing: without a violation the result is INCOMPLETE with the reason
 * {@link #FINISHED} and an estimate of how many distinct states the searches covered between
 * them ({@link DistinctSketch}).
 */
public final class Swarm {
  /** The reason of a swarm whose every search ran to its end without a violation. */
  public static final String FINISHED = "swarm finished";

  private final TransitionSystem given;
  private final SwarmOptions options;
  private final AtomicBoolean stop = new AtomicBoolean();
  private Progress progress = Progress.NONE;
  private LongConsumer witness;

  /** Receives the swarm's figures while it runs, from the thread that called {@link #run()}. */
  public interface Progress {
    Progress NONE = (finished, running, stored, generated, millis) -> { };

    void report(int finished, int running, long stored, long generated, long millis);
  }

  public Swarm(TransitionSystem system, SwarmOptions options) {
    this.given = system;
    this.options = options;
  }

  public Swarm progress(Progress p) {
    this.progress = p;
    return this;
  }

  /**
   * Tells {@code w} every state any search stores (from the search threads at once, so {@code
   * w} must be thread-safe): for cross-checks of the union against an exact search.
   */
  public Swarm witness(LongConsumer w) {
    this.witness = w;
    return this;
  }

  /** Asks the searches to stop; run() returns an INTERRUPTED result with what they found. */
  public void stop() {
    stop.set(true);
  }

  /** What the searches check: the options' selection over the system's properties. */
  public PropertySelection selection() {
    return PropertySelection.of(given, options.search().properties(),
        options.search().deadlock());
  }

  public SwarmResult run() {
    TransitionSystem system = options.search().symmetry() ? given : given.withSymmetry(false);
    PropertySelection checked = selection();
    List<String> liveness = system.properties().stream()
        .filter(p -> p.kind() == Property.Kind.LIVENESS && checked.checks(p.id()))
        .map(Property::name).toList();
    if (!liveness.isEmpty()) {
      throw new InvalidSearchOption("swarm", n -> n.apply("swarm") + " checks safety only: "
          + "liveness needs every state (" + String.join(", ", liveness) + ")");
    }
    long start = System.currentTimeMillis();
    long limit = options.search().timeLimitMillis();
    long deadline = limit == Long.MAX_VALUE ? Long.MAX_VALUE : start + limit;
    AtomicBoolean halt = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
      Thread t = new Thread(r, "poolcheck-swarm");
      t.setDaemon(true);
      return t;
    });
    List<Future<?>> tasks = new ArrayList<>();
    // A search's figures, violation and sketch are kept once it ends; its bit array and stack
    // are dropped, so a swarm of many searches holds only the running ones' arrays.
    RandomDepthFirst[] running = new RandomDepthFirst[options.searches()];
    SwarmResult.Search[] ended = new SwarmResult.Search[options.searches()];
    RandomDepthFirst.Found[] found = new RandomDepthFirst.Found[options.searches()];
    DistinctSketch union = new DistinctSketch();
    for (int i = 0; i < running.length; i++) {
      int index = i;
      tasks.add(pool.submit(() -> {
        if (halt.get()) return;
        var b = options.search().bitstate();
        long seed = options.seedOf(index);
        RandomDepthFirst s = new RandomDepthFirst(system, checked,
            new BitstateSet(b.bits(), b.hashFunctions(), seed), seed, options.depthBound(), halt,
            deadline, witness);
        running[index] = s;
        s.run();
        found[index] = s.found;
        synchronized (union) {
          union.merge(s.sketch());
        }
        ended[index] = new SwarmResult.Search(index, seed, s.stored, s.generated, s.deepest,
            s.truncated, s.finished, BitstateCoverage.of(s.bits()));
        running[index] = null;
        // the first violation stops the others: no need to look further
        if (s.found != null) halt.set(true);
      }));
    }
    pool.shutdown();
    String why = null;
    try {
      long poll = Math.max(1, Math.min(50, options.search().progressMillis()));
      long lastReport = start;
      while (!pool.awaitTermination(poll, TimeUnit.MILLISECONDS)) {
        long now = System.currentTimeMillis();
        if (why == null && stop.get()) why = "interrupted";
        if (why == null && now > deadline) why = "time limit " + limit / 1000 + " s reached";
        if (why != null) halt.set(true);
        if (now - lastReport >= options.search().progressMillis()) {
          report(running, ended, now - start);
          lastReport = now;
        }
      }
      for (Future<?> f : tasks) f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      halt.set(true);
      why = "interrupted";
      pool.shutdownNow();
    } catch (java.util.concurrent.ExecutionException e) {
      // the searches still running watch this flag, not interrupts
      halt.set(true);
      pool.shutdownNow();
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error r) throw r;
      throw new IllegalStateException(e.getCause());
    }
    if (why == null && stop.get()) why = "interrupted";
    // the searches watch the deadline too, and may all have stopped at it before this did
    if (why == null && System.currentTimeMillis() > deadline) {
      why = "time limit " + limit / 1000 + " s reached";
    }
    return result(system, checked, ended, found, union, why, System.currentTimeMillis() - start);
  }

  private void report(RandomDepthFirst[] running, SwarmResult.Search[] ended, long millis) {
    int finished = 0;
    int busy = 0;
    long stored = 0;
    long generated = 0;
    for (int i = 0; i < running.length; i++) {
      SwarmResult.Search e = ended[i];
      RandomDepthFirst s = running[i];
      if (e != null) {
        finished++;
        stored += e.stored();
        generated += e.generated();
      } else if (s != null) {
        busy++;
        stored += s.stored;
        generated += s.generated;
      }
    }
    progress.report(finished, busy, stored, generated, millis);
  }

  private SwarmResult result(TransitionSystem system, PropertySelection checked,
      SwarmResult.Search[] ended, RandomDepthFirst.Found[] found, DistinctSketch union,
      String why, long millis) {
    ImmutableList.Builder<SwarmResult.Search> figures = ImmutableList.builder();
    long generated = 0;
    int deepest = 0;
    int foundBy = -1;
    Counterexample trace = null;
    for (int i = 0; i < ended.length; i++) {
      SwarmResult.Search s = ended[i];
      if (s == null) continue;
      generated += s.generated();
      deepest = Math.max(deepest, s.deepest());
      figures.add(s);
      if (found[i] != null) {
        Counterexample cx = counterexample(system, checked, found[i]);
        if (trace == null || cx.length() < trace.length()) {
          trace = cx;
          foundBy = i;
        }
      }
    }
    double estimate = union.estimate();
    Verdict verdict = trace != null ? Verdict.VIOLATED
        : "interrupted".equals(why) ? Verdict.INTERRUPTED : Verdict.INCOMPLETE;
    String reason = trace != null ? null : why != null ? why : FINISHED;
    Statistics stats = new Statistics(generated, Math.round(estimate),
        trace != null ? trace.length() : deepest, millis, options.threads(), 0);
    CheckResult r = new CheckResult(system.name(), system.constants(), checked.names(), verdict,
        stats, Optional.ofNullable(trace), reason);
    return new SwarmResult(r, options, figures.build(), estimate, foundBy);
  }

  /** The trace down the search's stack, as a run of the model (not of its symmetry orbits). */
  private static Counterexample counterexample(TransitionSystem system,
      PropertySelection checked, RandomDepthFirst.Found f) {
    List<Integer> lastFirst = new ArrayList<>(f.ordinalsFromRoot());
    java.util.Collections.reverse(lastFirst);
    Counterexample cx = TraceRebuild.fromOrdinals(system, checked, lastFirst, f.property(),
        f.transition(), f.at());
    if (system.reducesSymmetry()) cx = Concretizer.concretize(system, cx, checked);
    return cx.explainedBy(system, checked);
  }
}
