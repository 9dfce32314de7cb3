package poolcheck.explore;

import com.google.common.collect.ImmutableList;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import poolcheck.compile.CompiledModel;
import poolcheck.system.Counts;
import poolcheck.system.Site;
import poolcheck.compile.Frame;
import poolcheck.system.Property;
import poolcheck.system.StateLayout;
import poolcheck.system.SuccessorSink;
import poolcheck.result.CheckResult;
import poolcheck.result.Counterexample;
import poolcheck.result.Coverage;
import poolcheck.result.Statistics;
import poolcheck.result.TraceStep;
import poolcheck.result.Verdict;

/**
 * Breadth-first exhaustive search: the violation reported has the shortest trace there is.
 * Configure with the setters, then {@link #run()}.
 *
 * <p>Two engines: with one worker in exact mode (the defaults) a sequential search whose store of
 * full states doubles as its queue, the reference; otherwise a {@link LevelSearch} with any number
 * of workers over fingerprints or full states. Both store the same states.
 */
public final class Explorer {
  private final CompiledModel model;
  private final boolean[] checked;
  private long maxStates = Long.MAX_VALUE;
  private int maxDepth = Integer.MAX_VALUE;
  private long timeLimitMillis = Long.MAX_VALUE;
  private final AtomicBoolean stop = new AtomicBoolean();
  private Progress progress = Progress.NONE;
  private long progressMillis = 1000;
  private int workers = 1;
  private boolean fingerprints;
  private Path spillDir;
  private long frontierMemory = Long.MAX_VALUE;
  private Path checkpointDir;
  private long checkpointMillis = Long.MAX_VALUE;
  private boolean resume;
  private String modelDigest;
  private Disk disk = Disk.REAL;
  /** How far the sequential search got, kept outside it for the out-of-memory message. */
  private long reachedStates;
  private long reachedGenerated;
  private int reachedDepth;
  private long startMillis;
  /** Coverage counts of the last run, all workers merged. */
  private Counts counts;

  /** Receives figures while the search runs. */
  public interface Progress {
    Progress NONE = (distinct, generated, frontier, depth, millis) -> { };

    void report(long distinct, long generated, long frontier, int depth, long millis);

    /** While a checkpoint loads: {@code done} of {@code total} bytes of one of its sections. */
    default void loading(String section, long done, long total, long millis) {}
  }

  public Explorer(CompiledModel model) {
    this.model = model;
    this.checked = model.allChecked();
  }

  /** Checks only the named properties (runtime errors are always checked). */
  public Explorer properties(Set<String> names) {
    for (Property p : model.properties()) {
      checked[p.id()] = p.kind() == Property.Kind.RUNTIME || names.contains(p.name());
    }
    return this;
  }

  public Explorer deadlock(boolean check) {
    model.property("deadlock").ifPresent(p -> checked[p.id()] = check);
    return this;
  }

  public Explorer maxStates(long n) {
    this.maxStates = n;
    return this;
  }

  public Explorer maxDepth(int n) {
    this.maxDepth = n;
    return this;
  }

  public Explorer timeLimitMillis(long n) {
    this.timeLimitMillis = n;
    return this;
  }

  public Explorer progress(Progress p) {
    this.progress = p;
    return this;
  }

  /** How often progress is reported, in milliseconds. */
  public Explorer progressInterval(long millis) {
    this.progressMillis = millis;
    return this;
  }

  /** Threads expanding states; 1 by default. */
  public Explorer workers(int n) {
    if (n < 1) throw new IllegalArgumentException("workers must be at least 1, not " + n);
    this.workers = n;
    return this;
  }

  /**
   * Remembers 64-bit fingerprints instead of full states: far less memory, with a small reported
   * chance that a collision hid a state. Off (exact) by default.
   */
  public Explorer fingerprints(boolean on) {
    this.fingerprints = on;
    return this;
  }

  /** Writes frontier blocks beyond {@code memoryBytes} of heap to files in {@code dir}. */
  public Explorer spill(Path dir, long memoryBytes) {
    this.spillDir = dir;
    this.frontierMemory = memoryBytes;
    return this;
  }

  /**
   * Writes a checkpoint to {@code dir} at the first level boundary after each interval
   * (fingerprint mode only). An unreadable or foreign checkpoint makes {@link #run()} throw an
   * UncheckedIOException whose cause says why.
   */
  public Explorer checkpoint(Path dir, long intervalMillis) {
    this.checkpointDir = dir;
    this.checkpointMillis = intervalMillis;
    return this;
  }

  /**
   * The digest of the model's text (every file it reads), recorded in checkpoints so that a
   * checkpoint of an edited model is refused; without it checkpoints say "not recorded".
   */
  public Explorer modelDigest(String digest) {
    this.modelDigest = digest;
    return this;
  }

  /** Where spill, trace-log and checkpoint files are opened: a test's full disk. */
  Explorer disk(Disk d) {
    this.disk = d;
    return this;
  }

  /** Continues the run whose checkpoint is in {@code dir} instead of starting afresh. */
  public Explorer resume(Path dir) {
    this.resume = true;
    if (checkpointDir == null) this.checkpointDir = dir;
    return this;
  }

  /** Asks a running search to stop at the next state; it returns an INTERRUPTED result. */
  public void stop() {
    stop.set(true);
  }

  public ImmutableList<String> checkedNames() {
    ImmutableList.Builder<String> out = ImmutableList.builder();
    for (Property p : model.properties()) {
      if (checked[p.id()]) out.add(p.name());
    }
    return out.build();
  }

  /** What a violation is made of until the trace is rebuilt. */
  private record Found(int property, int parent, int transition, int[] state, int length) {}

  public CheckResult run() {
    return afterSafety(safety());
  }

  /**
   * Under symmetry reduction the trace is made of canonical states: turn it into a run of the
   * model. Liveness needs the whole graph, so it runs only once every safety check passed.
   */
  private CheckResult afterSafety(CheckResult r) {
    Optional<Counterexample> trace = r.counterexample();
    if (model.reducesSymmetry()) {
      trace = trace.map(cx -> Concretizer.concretize(model, cx, checked));
    }
    trace = trace.map(cx -> cx.explainedBy(model, checked));
    Verdict verdict = r.verdict();
    String reason = r.reason();
    if (verdict == Verdict.VERIFIED && checksLiveness()) {
      long began = System.currentTimeMillis() - r.statistics().millis();
      LivenessChecker liveness = new LivenessChecker(model, checked).stopWhen(() -> stop.get()
          || System.currentTimeMillis() - began > timeLimitMillis);
      try {
        trace = liveness.check(checked);
        if (trace.isPresent()) verdict = Verdict.VIOLATED;
        if (counts != null) counts.addSites(liveness.counts(), Site.Kind.LEADS_TO, model.sites());
      } catch (LivenessChecker.Stopped e) {
        // the safety figures stand; only the liveness verdict is missing
        verdict = stop.get() ? Verdict.INTERRUPTED : Verdict.INCOMPLETE;
        reason = stop.get() ? "interrupted during the liveness check"
            : "time limit " + timeLimitMillis / 1000 + " s reached during the liveness check";
      }
    }
    return new CheckResult(r.model(), r.constants(), r.checked(), verdict, r.statistics(), trace,
        reason);
  }

  private CheckResult safety() {
    if ((checkpointDir != null || resume) && !fingerprints) {
      throw new IllegalStateException("checkpoints need fingerprint mode");
    }
    if (workers > 1 || fingerprints || spillDir != null) {
      LevelSearch.Settings settings = new LevelSearch.Settings(workers, !fingerprints, maxStates,
          maxDepth, timeLimitMillis, progress, progressMillis, spillDir, frontierMemory,
          checkpointDir, checkpointMillis, resume, modelDigest, disk);
      LevelSearch search = new LevelSearch(model, checked, settings, stop);
      CheckResult r = search.run(checkedNames());
      counts = search.counts();
      return r;
    }
    try {
      return sequential();
    } catch (OutOfMemoryError e) {
      return new CheckResult(model.name(), model.constants(), checkedNames(), Verdict.INCOMPLETE,
          new Statistics(reachedGenerated, reachedStates, reachedDepth,
              System.currentTimeMillis() - startMillis, 1, 0), Optional.empty(),
          String.format(java.util.Locale.ROOT, "out of memory after about %,d distinct states "
              + "at depth %d in exact mode; more heap (-Xmx, e.g. POOLCHECK_JAVA_OPTS=-Xmx8g), "
              + "fingerprint mode (without --exact) or smaller constants would help", reachedStates,
              reachedDepth));
    }
  }

  private CheckResult sequential() {
    long start = System.currentTimeMillis();
    startMillis = start;
    StateLayout layout = model.layout();
    StateStore store = new StateStore(layout.words());
    Frame frame = model.newFrame(checked);
    long[] packed = new long[layout.words()];
    int deadlock = model.property("deadlock").orElseThrow().id();

    final class Sink implements SuccessorSink {
      int parent = -1;
      int depth;
      int emitted;
      long generated;
      Found found;

      @Override
      public void successor(int[] next, int transition) {
        emitted++;
        // one state may have a great many successors: a stop or time limit ends it midway
        if ((++generated & 0xFFF) == 0 && (stop.get()
            || System.currentTimeMillis() - start > timeLimitMillis)) {
          throw LevelSearch.Abandoned.INSTANCE;
        }
        layout.pack(next, packed, 0);
        int index = store.add(packed, parent, transition);
        if (index >= 0) {
          int bad = model.violatedInvariant(next, frame);
          if (bad >= 0) offer(new Found(bad, index, -2, null, parent < 0 ? 0 : depth + 1));
        }
      }

      @Override
      public void violation(int property, int[] at, int transition) {
        emitted++;
        offer(new Found(property, parent, transition, at, parent < 0 ? 0 : depth + 1));
      }

      /** The first of the shortest, in breadth-first order. */
      void offer(Found f) {
        if (found == null || f.length() < found.length()) found = f;
      }
    }

    Sink sink = new Sink();
    model.initialStates(frame, sink);
    int head = 0;
    // an initial state that violates a property: nothing is expanded, as in LevelSearch
    int levelEnd = sink.found != null ? 0 : store.size();
    int depth = 0;
    String reason = null;
    Verdict verdict = Verdict.VERIFIED;
    int[] current = new int[layout.slots()];
    long lastReport = start;
    // A violation ends the search once its level is expanded, as in LevelSearch, so that the
    // statistics reported with it are those of whole levels whatever the engine or flags.
    while (sink.found == null || head < levelEnd) {
      if (head == store.size()) break;
      if (head == levelEnd) {
        depth++;
        levelEnd = store.size();
      }
      if (depth >= maxDepth) {
        verdict = Verdict.INCOMPLETE;
        reason = "depth limit " + maxDepth + " reached";
        break;
      }
      if (stop.get()) {
        verdict = Verdict.INTERRUPTED;
        reason = "interrupted";
        break;
      }
      if (store.size() >= maxStates) {
        verdict = Verdict.INCOMPLETE;
        reason = "state limit " + maxStates + " reached";
        break;
      }
      if ((head & 0xFFF) == 0) {
        reachedStates = store.size();
        reachedGenerated = sink.generated;
        reachedDepth = depth;
        long now = System.currentTimeMillis();
        if (now - start > timeLimitMillis) {
          verdict = Verdict.INCOMPLETE;
          reason = "time limit " + timeLimitMillis / 1000 + " s reached";
          break;
        }
        if (now - lastReport >= progressMillis) {
          progress.report(store.size(), sink.generated, store.size() - head, depth, now - start);
          lastReport = now;
        }
      }
      store.copyOut(head, packed);
      layout.unpack(packed, 0, current);
      sink.parent = head;
      sink.depth = depth;
      sink.emitted = 0;
      try {
        model.successors(current, frame, sink);
      } catch (LevelSearch.Abandoned a) {
        verdict = stop.get() ? Verdict.INTERRUPTED : Verdict.INCOMPLETE;
        reason = stop.get() ? "interrupted" : "time limit " + timeLimitMillis / 1000
            + " s reached";
        break;
      }
      if (sink.emitted == 0 && checked[deadlock] && !model.isFinal(current, frame)) {
        sink.offer(new Found(deadlock, head, -2, null, depth));
      }
      head++;
    }
    if (sink.found != null) {
      verdict = Verdict.VIOLATED;
      reason = null;
    }
    if (verdict == Verdict.VERIFIED && store.size() > 0) {
      // depth is the level of the last state stored, which may lie beyond the level expanded.
      depth = depthOf(store, store.size() - 1);
    } else if (sink.found != null) {
      depth = sink.found.length();
    }
    counts = frame.counts().copy();
    long millis = System.currentTimeMillis() - start;
    Statistics stats = new Statistics(sink.generated, store.size(), depth, millis, 1,
        store.bytesPerState());
    Optional<Counterexample> trace = Optional.ofNullable(sink.found)
        .map(f -> counterexample(store, f));
    return new CheckResult(model.name(), model.constants(), checkedNames(), verdict, stats,
        trace, reason);
  }

  /**
   * What the last {@link #run()} exercised; complete only when it verified (a search stopped
   * early has not seen every state). Null before a run or after one that ran out of memory.
   */
  public Coverage coverage() {
    if (counts == null) return null;
    int deadlock = model.property("deadlock").orElseThrow().id();
    return Coverage.of(model, counts, java.util.Set.copyOf(checkedNames()), checked[deadlock]);
  }

  private boolean checksLiveness() {
    for (int k = 0; k < model.livenessCount(); k++) {
      if (checked[model.livenessProperty(k).id()]) return true;
    }
    return false;
  }

  private static int depthOf(StateStore store, int index) {
    int d = 0;
    for (int i = index; store.parent(i) >= 0; i = store.parent(i)) d++;
    return d;
  }

  private Counterexample counterexample(StateStore store, Found f) {
    List<TraceStep> steps = new ArrayList<>();
    long[] packed = new long[model.layout().words()];
    if (f.state() != null) {
      steps.add(new TraceStep(f.transition() < 0 ? null : model.transitions().get(f.transition()),
          model.view(f.state())));
    }
    for (int i = f.parent(); i >= 0; i = store.parent(i)) {
      store.copyOut(i, packed);
      int t = store.transition(i);
      steps.add(new TraceStep(t < 0 ? null : model.transitions().get(t),
          model.view(model.layout().unpack(packed))));
    }
    return new Counterexample(model.properties().get(f.property()),
        ImmutableList.copyOf(steps).reverse());
  }
}
