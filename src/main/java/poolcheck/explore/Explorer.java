package poolcheck.explore;

import com.google.common.collect.ImmutableList;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import poolcheck.explore.liveness.LivenessChecker;
import poolcheck.explore.store.Disk;
import poolcheck.result.CheckResult;
import poolcheck.result.Counterexample;
import poolcheck.result.Coverage;
import poolcheck.result.Statistics;
import poolcheck.result.Verdict;
import poolcheck.system.Counts;
import poolcheck.system.PropertySelection;
import poolcheck.system.Site;
import poolcheck.system.TransitionSystem;

/**
 * Breadth-first exhaustive search: the violation reported has the shortest trace there is.
 * Give it {@link SearchOptions} (or adjust them with the setters), then {@link #run()}.
 *
 * <p>One engine: the {@link LevelSearch}, with any number of workers over fingerprints or full
 * states. Under symmetry reduction its trace is turned into a run of the model; once every
 * safety property holds, the liveness properties are checked on the whole graph.
 */
public final class Explorer {
  private final TransitionSystem given;
  private SearchOptions options;
  private final AtomicBoolean stop = new AtomicBoolean();
  private Progress progress = Progress.NONE;
  private Disk disk = Disk.REAL;
  /** Coverage counts of the last run, all workers merged. */
  private Counts counts;
  /** The bit array's figures after a bitstate run, else null. */
  private BitstateCoverage bitstate;
  /** Lifts of liveness lassos that failed their check in the last run (LivenessChecker). */
  private List<String> liftFailures = List.of();

  /** The reason of a bitstate search that ran to its end and found no violation. */
  public static final String NO_VIOLATION_IN_BITSTATE = "bitstate search finished";

  /** The bit array's figures after a bitstate run; null otherwise. */
  public BitstateCoverage bitstate() {
    return bitstate;
  }

  /**
   * Each liveness violation of the last run whose lasso, found on the symmetry quotient, failed
   * its check on the model, so that the unreduced graph decided it: the verdict stands, but the
   * user should hear of it ({@link poolcheck.explore.liveness.LivenessChecker#liftFailures}).
   */
  public List<String> liftFailures() {
    return liftFailures;
  }

  /** Receives figures while the search runs. */
  public interface Progress {
    Progress NONE = (distinct, generated, frontier, depth, millis) -> { };

    void report(long distinct, long generated, long frontier, int depth, long millis);

    /** While a checkpoint loads: {@code done} of {@code total} bytes of one of its sections. */
    default void loading(String section, long done, long total, long millis) {}

    /**
     * While the liveness properties are checked, after the safety search: {@code phase} and
     * its figures as {@link poolcheck.explore.liveness.LivenessChecker.Progress} gives them.
     */
    default void liveness(String phase, long done, long total, long millis) {}
  }

  /** A search with {@code options}. */
  public Explorer(TransitionSystem system, SearchOptions options) {
    this.given = system;
    this.options = options;
  }

  /** A search with {@link SearchOptions#reproducible()}: one worker, exact, the same trace. */
  public Explorer(TransitionSystem system) {
    this(system, SearchOptions.reproducible());
  }

  public SearchOptions options() {
    return options;
  }

  /** Checks only the named properties (runtime errors are always checked). */
  public Explorer properties(Set<String> names) {
    options = options.withProperties(names);
    return this;
  }

  public Explorer deadlock(boolean check) {
    options = options.withDeadlock(check);
    return this;
  }

  public Explorer maxStates(long n) {
    options = options.withMaxStates(n);
    return this;
  }

  public Explorer maxDepth(int n) {
    options = options.withMaxDepth(n);
    return this;
  }

  public Explorer timeLimitMillis(long n) {
    options = options.withTimeLimitMillis(n);
    return this;
  }

  public Explorer progress(Progress p) {
    this.progress = p;
    return this;
  }

  /** How often progress is reported, in milliseconds. */
  public Explorer progressInterval(long millis) {
    options = options.withProgressMillis(millis);
    return this;
  }

  /** Threads expanding states. */
  public Explorer workers(int n) {
    options = options.withWorkers(n);
    return this;
  }

  /**
   * Remembers 64-bit fingerprints instead of full states: far less memory, with a small reported
   * chance that a collision hid a state.
   */
  public Explorer fingerprints(boolean on) {
    options = options.withStore(on ? SearchOptions.Store.FINGERPRINTS : SearchOptions.Store.EXACT);
    return this;
  }

  /** Writes frontier blocks beyond {@code memoryBytes} of heap to files in {@code dir}. */
  public Explorer spill(Path dir, long memoryBytes) {
    options = options.withSpill(dir, memoryBytes);
    return this;
  }

  /**
   * Writes a checkpoint to {@code dir} at the first level boundary after each interval
   * (fingerprint mode only). An unreadable or foreign checkpoint makes {@link #run()} throw an
   * UncheckedIOException whose cause says why.
   */
  public Explorer checkpoint(Path dir, long intervalMillis) {
    options = options.withCheckpoint(dir, intervalMillis);
    return this;
  }

  /**
   * The digest of the model's text (every file it reads), recorded in checkpoints so that a
   * checkpoint of an edited model is refused; without it checkpoints say "not recorded".
   */
  public Explorer modelDigest(String digest) {
    options = options.withModelDigest(digest);
    return this;
  }

  /** Where spill, trace-log and checkpoint files are opened: a test's full disk. */
  Explorer disk(Disk d) {
    this.disk = d;
    return this;
  }

  /** Continues the run whose checkpoint is in {@code dir} instead of starting afresh. */
  public Explorer resume(Path dir) {
    options = options.withResume(dir);
    return this;
  }

  /** Asks a running search to stop at the next state; it returns an INTERRUPTED result. */
  public void stop() {
    stop.set(true);
  }

  /** The system searched: the one given, with symmetry reduction off if the options say so. */
  private TransitionSystem system() {
    return options.symmetry() ? given : given.withSymmetry(false);
  }

  /** What the search checks: the options' selection over the system's properties. */
  public PropertySelection selection() {
    return PropertySelection.of(given, options.properties(), options.deadlock());
  }

  public ImmutableList<String> checkedNames() {
    return selection().names();
  }

  public CheckResult run() {
    liftFailures = List.of();
    TransitionSystem system = system();
    PropertySelection checked = selection();
    if (options.store() == SearchOptions.Store.BITSTATE && checked.checksLiveness()) {
      throw new InvalidSearchOption("bitstate", n -> n.apply("bitstate")
          + " checks safety only: liveness needs every state (" + String.join(", ",
              system.properties().stream().filter(p -> p.kind() == poolcheck.system.Property
                  .Kind.LIVENESS && checked.checks(p.id())).map(p -> p.name()).toList())
          + ")");
    }
    LevelSearch search = new LevelSearch(system, checked, options, progress, disk, stop);
    CheckResult r = search.run();
    counts = search.counts();
    bitstate = search.bitstate();
    if (bitstate != null && r.verdict() == Verdict.VERIFIED) {
      // A bit array may have skipped states: no violation found is not a proof.
      r = new CheckResult(r.model(), r.constants(), r.checked(), Verdict.INCOMPLETE,
          r.statistics(), r.counterexample(), NO_VIOLATION_IN_BITSTATE);
    }
    return afterSafety(system, checked, r);
  }

  /**
   * Under symmetry reduction the trace is made of canonical states: turn it into a run of the
   * model. Liveness needs the whole graph, so it runs only once every safety check passed.
   */
  private CheckResult afterSafety(TransitionSystem system, PropertySelection checked,
      CheckResult r) {
    Optional<Counterexample> trace = r.counterexample();
    if (system.reducesSymmetry()) {
      trace = trace.map(cx -> Concretizer.concretize(system, cx, checked));
    }
    trace = trace.map(cx -> cx.explainedBy(system, checked));
    Verdict verdict = r.verdict();
    String reason = r.reason();
    Statistics statistics = r.statistics();
    long timeLimitMillis = options.timeLimitMillis();
    if (verdict == Verdict.VERIFIED && checked.checksLiveness()) {
      long began = System.currentTimeMillis() - r.statistics().millis();
      LivenessChecker liveness = new LivenessChecker(system, checked)
          .exact(options.store() == SearchOptions.Store.EXACT).threads(options.workers())
          .spill(options.spillDir(), options.frontierMemory(), disk)
          .stopWhen(() -> stop.get()
          || System.currentTimeMillis() - began > timeLimitMillis)
          .progress(progress::liveness, options.progressMillis(), began);
      try {
        trace = liveness.check(checked);
        liftFailures = liveness.liftFailures();
        if (trace.isPresent()) verdict = Verdict.VIOLATED;
        if (counts != null) counts.addSites(liveness.counts(), Site.Kind.LEADS_TO, system.sites());
        statistics = withLivenessCollisions(statistics, liveness.collisionProbability());
      } catch (LivenessChecker.Stopped e) {
        // the safety figures stand; only the liveness verdict is missing
        verdict = stop.get() ? Verdict.INTERRUPTED : Verdict.INCOMPLETE;
        reason = stop.get() ? "interrupted during the liveness check"
            : "time limit " + timeLimitMillis / 1000 + " s reached during the liveness check";
      } catch (LivenessChecker.TooLarge e) {
        liveness = null;
        verdict = Verdict.INCOMPLETE;
        reason = String.format(java.util.Locale.ROOT, "%s: the safety properties hold over all "
            + "%,d states, the liveness properties are not decided", e.getMessage(),
            r.statistics().distinct());
      } catch (java.io.UncheckedIOException e) {
        // a full disk under --spill-dir, as the safety search reports one
        liveness = null;
        verdict = Verdict.INCOMPLETE;
        reason = String.format(java.util.Locale.ROOT, "%s: %s; the safety properties hold over "
            + "all %,d states, the liveness properties are not decided", e.getMessage(),
            e.getCause().getMessage(), r.statistics().distinct());
      } catch (OutOfMemoryError e) {
        // The graph the checker built is garbage once it unwinds, so the safety verdict, which
        // took the whole search, is still worth reporting: say what was shown and what was not.
        liveness = null;
        verdict = Verdict.INCOMPLETE;
        reason = String.format(java.util.Locale.ROOT, "out of memory during the liveness check "
            + "(heap %,d MB): the safety properties hold over all %,d states, the liveness "
            + "properties are not decided; liveness keeps %s: more heap (-Xmx, e.g. "
            + "POOLCHECK_JAVA_OPTS=%s)%s or smaller constants would help",
            Runtime.getRuntime().maxMemory() >> 20, r.statistics().distinct(),
            options.spillDir() == null ? "every state and edge in memory"
                : "every state in memory and the edges in --spill-dir",
            LevelSearch.moreHeap(),
            options.spillDir() == null ? ", --spill-dir for the graph's edges" : "");
      }
    }
    return new CheckResult(r.model(), r.constants(), r.checked(), verdict, statistics, trace,
        reason);
  }

  /**
   * The safety search's figures with the chance of a fingerprint collision in the liveness graph
   * added (a union bound: either search may have taken one state for another).
   */
  static Statistics withLivenessCollisions(Statistics s, double liveness) {
    if (liveness == 0) return s;
    return new Statistics(s.generated(), s.distinct(), s.depth(), s.millis(), s.workers(),
        s.bytesPerState(), Math.min(1, s.collisionProbability() + liveness));
  }

  /**
   * What the last {@link #run()} exercised; complete only when it verified (a search stopped
   * early has not seen every state). Null before a run or after one that ran out of memory.
   */
  public Coverage coverage() {
    if (counts == null) return null;
    PropertySelection checked = selection();
    return Coverage.of(given, counts, Set.copyOf(checked.names()), checked.checksDeadlock());
  }
}
