package poolcheck.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import poolcheck.explore.Concretizer;
import poolcheck.explore.TraceRebuild;
import poolcheck.explore.store.TraceLog;
import poolcheck.result.CheckResult;
import poolcheck.result.Counterexample;
import poolcheck.result.Statistics;
import poolcheck.result.Verdict;
import poolcheck.system.PropertySelection;
import poolcheck.system.TransitionSystem;

/**
 * The coordinator of a partitioned breadth-first search: starts each level on every partition,
 * waits for every partition's report, and decides between levels, as the single-machine level
 * search does (a violation ends the run once its level is complete; the shortest is reported).
 * The counterexample is rebuilt by following parent links from partition to partition, then
 * re-executing the model from an initial state by the logged ordinals, on this machine.
 */
public final class PartitionedSearch {
  private final TransitionSystem model;
  private final PropertySelection checked;
  private final Transport transport;
  private int maxDepth = Integer.MAX_VALUE;
  private long timeLimitMillis = Long.MAX_VALUE;
  /** How long a level may pass without any partition's report before the run is given up. */
  private long silenceMillis = Long.MAX_VALUE;
  private Progress progress = Progress.NONE;
  private java.util.function.BooleanSupplier stop = () -> false;
  private long[] bytesSent = new long[0];
  private long maxStates = Long.MAX_VALUE;
  private Path checkpointDir;
  private long checkpointMillis;
  private Map<String, String> identity = Map.of();
  private Path resumeDir;
  private Manifest resumed;
  /** The last level boundary every node has on disk, with its manifest written; or null. */
  private Manifest lastComplete;

  /** Figures after each level, for progress lines. */
  public interface Progress {
    Progress NONE = figures -> { };

    void level(LevelFigures figures);
  }

  public PartitionedSearch(TransitionSystem model, PropertySelection checked,
      Transport transport) {
    this.model = model;
    this.checked = checked;
    this.transport = transport;
  }

  public PartitionedSearch maxDepth(int n) {
    this.maxDepth = n;
    return this;
  }

  public PartitionedSearch timeLimitMillis(long n) {
    this.timeLimitMillis = n;
    return this;
  }

  public PartitionedSearch silenceMillis(long n) {
    this.silenceMillis = n;
    return this;
  }

  /** Asked every 100 ms: when true, the run ends INTERRUPTED mid-level. */
  public PartitionedSearch stopWhen(java.util.function.BooleanSupplier s) {
    this.stop = s;
    return this;
  }

  /** A partition's next message; null when a stop was asked for. */
  private Message next(String waitingFor) throws InterruptedException {
    return next(waitingFor, true);
  }

  /**
   * A partition's next message; null when {@code stoppable} and a stop was asked for. Loading
   * and writing checkpoints are not stoppable: they are bounded, and a stop waits for them.
   */
  private Message next(String waitingFor, boolean stoppable) throws InterruptedException {
    long deadline = silenceMillis == Long.MAX_VALUE ? Long.MAX_VALUE
        : System.currentTimeMillis() + silenceMillis;
    while (true) {
      Message m = transport.coordinatorInbox().poll(100, TimeUnit.MILLISECONDS);
      if (m != null) return m;
      if (stoppable && stop.getAsBoolean()) return null;
      if (System.currentTimeMillis() > deadline) {
        throw new Lost("no partition answered for " + silenceMillis / 1000 + " s " + waitingFor);
      }
    }
  }

  public PartitionedSearch progress(Progress p) {
    this.progress = p;
    return this;
  }

  /** Stops the run INCOMPLETE at the first level boundary with this many states or more. */
  public PartitionedSearch maxStates(long n) {
    this.maxStates = n;
    return this;
  }

  /**
   * Checkpoints into {@code dir} at a level boundary once {@code intervalMillis} have passed
   * since the last one (0: every level); {@code identity} goes into the manifest.
   */
  public PartitionedSearch checkpoint(Path dir, long intervalMillis,
      Map<String, String> identity) {
    this.checkpointDir = dir;
    this.checkpointMillis = intervalMillis;
    this.identity = identity;
    return this;
  }

  /** Continues the run whose last complete level boundary {@code manifest} (in dir) records. */
  public PartitionedSearch resume(Path dir, Manifest manifest) {
    this.resumeDir = dir;
    this.resumed = manifest;
    return this;
  }

  /** Thrown when a partition fails or falls silent: the run has no answer. */
  public static final class Lost extends RuntimeException {
    public Lost(String why) {
      super(why);
    }
  }

  /** Thrown when a node cannot load its part of the checkpoint being resumed. */
  public static final class ResumeRefused extends RuntimeException {
    public ResumeRefused(String why) {
      super(why);
    }
  }

  public CheckResult run() throws InterruptedException {
    long start = System.currentTimeMillis();
    int parts = transport.partitions();
    long distinct = 0;
    long generated = 0;
    Message.Found found = null;
    String reason = null;
    Verdict verdict = Verdict.VERIFIED;
    int level = -1;
    int depth = 0;
    bytesSent = new long[parts];
    long run = new java.util.Random().nextLong();
    lastComplete = null;
    if (resumed != null) {
      restore(parts);
      run = resumed.run();
      level = resumed.level();
      distinct = resumed.distinct();
      generated = resumed.generated();
      start -= resumed.millis();
      lastComplete = resumed;
    }
    long lastCheckpoint = System.currentTimeMillis();
    long[] frontiers = resumed == null ? new long[parts] : resumed.frontier().clone();
    long[] entries = resumed == null ? new long[parts] : resumed.entries().clone();
    while (true) {
      if (level >= 0) {
        if (checkpointDir != null && (lastComplete == null || lastComplete.level() != level)
            && System.currentTimeMillis() - lastCheckpoint >= checkpointMillis) {
          save(new Manifest(run, level, distinct, generated, System.currentTimeMillis() - start,
              entries.clone(), frontiers.clone(), identity));
          lastCheckpoint = System.currentTimeMillis();
        }
        String limit = level >= maxDepth ? "depth limit " + maxDepth + " reached"
            : distinct >= maxStates ? "state limit " + maxStates + " reached"
            : System.currentTimeMillis() - start > timeLimitMillis
                ? "time limit " + timeLimitMillis / 1000 + " s reached" : null;
        if (limit != null) {
          verdict = Verdict.INCOMPLETE;
          reason = limit;
          depth = level;
          break;
        }
      }
      for (int p = 0; p < parts; p++) transport.toPartition(p, new Message.Expand(level));
      long[] added = new long[parts];
      long[] generatedBy = new long[parts];
      long[] busy = new long[parts];
      long frontier = 0;
      for (int got = 0; got < parts; got++) {
        Message m = next("at level " + Math.max(0, level));
        if (m == null) break;
        if (m instanceof Message.Failed f) throw new Lost(f.why() + " at level "
            + Math.max(0, level) + checkpointHint());
        if (!(m instanceof Message.LevelReport r) || r.level() != level) {
          throw new IllegalStateException("the coordinator got " + m + " at level " + level);
        }
        added[r.from()] = r.added();
        generatedBy[r.from()] = r.generated();
        busy[r.from()] = r.busyNanos();
        frontiers[r.from()] = r.frontier();
        entries[r.from()] += r.added();
        bytesSent[r.from()] = r.bytesSent();
        distinct += r.added();
        generated += r.generated();
        frontier += r.frontier();
        Message.Found f = r.found();
        if (f != null && (found == null || f.length() < found.length())) found = f;
      }
      if (stop.getAsBoolean()) {
        // the level is cut: its counts are partial, and no verdict comes from it
        verdict = Verdict.INTERRUPTED;
        reason = "interrupted";
        depth = Math.max(0, level);
        found = null;
        break;
      }
      progress.level(new LevelFigures(level + 1, distinct, generated, frontier, added,
          generatedBy, busy, System.currentTimeMillis() - start));
      if (found != null) {
        verdict = Verdict.VIOLATED;
        depth = found.length();
        break;
      }
      if (frontier == 0) {
        depth = Math.max(0, level);
        break;
      }
      level++;
    }
    Message.Found f = found;
    Optional<Counterexample> trace = Optional.empty();
    if (f != null) trace = Optional.of(counterexample(f));
    if (model.reducesSymmetry()) {
      trace = trace.map(cx -> Concretizer.concretize(model, cx, checked));
    }
    trace = trace.map(cx -> cx.explainedBy(model, checked));
    Statistics stats = new Statistics(generated, distinct, depth,
        System.currentTimeMillis() - start, parts, 0);
    return new CheckResult(model.name(), model.constants(), checked.names(), verdict, stats,
        trace, reason);
  }

  /** Every node loads its file of the resumed level; their counts must be the manifest's. */
  private void restore(int parts) throws InterruptedException {
    for (int p = 0; p < parts; p++) {
      transport.toPartition(p, new Message.Restore(resumed.level(), resumed.run(),
          resumeDir.toString(), resumed.entries()));
    }
    for (int got = 0; got < parts; got++) {
      Message m = next("while loading the checkpoint", false);
      // from -1: the transport lost a node, which is no fault of the checkpoint
      if (m instanceof Message.Failed f && f.from() < 0) throw new Lost(f.why());
      if (m instanceof Message.Failed f) throw new ResumeRefused(f.why());
      if (!(m instanceof Message.Saved s) || s.level() != resumed.level()
          || s.entries() != resumed.entries()[s.from()]
          || s.frontier() != resumed.frontier()[s.from()]) {
        throw new ResumeRefused("node " + (m instanceof Message.Saved s ? s.from() : "?")
            + " loaded other counts than the manifest's: " + m);
      }
    }
  }

  /**
   * Every node writes its file of this boundary; once all have, the manifest names it. A node
   * that cannot write ends the run, the last complete checkpoint kept.
   */
  private void save(Manifest m) throws InterruptedException {
    int parts = transport.partitions();
    for (int p = 0; p < parts; p++) {
      transport.toPartition(p, new Message.Save(m.level(), m.run(), checkpointDir.toString()));
    }
    for (int got = 0; got < parts; got++) {
      Message r = next("while checkpointing level " + m.level(), false);
      if (r instanceof Message.Failed f) throw new Lost(f.why() + checkpointHint());
      if (!(r instanceof Message.Saved s) || s.level() != m.level()
          || s.entries() != m.entries()[s.from()] || s.frontier() != m.frontier()[s.from()]) {
        throw new IllegalStateException("the coordinator got " + r + " checkpointing " + m);
      }
    }
    try {
      m.write(checkpointDir);
    } catch (java.io.IOException e) {
      throw new Lost("cannot write the checkpoint manifest to " + checkpointDir + ": "
          + e.getMessage() + checkpointHint());
    }
    lastComplete = m;
  }

  /** Where the run can be resumed from, for the message of a run that stopped. */
  private String checkpointHint() {
    if (lastComplete == null) {
      return checkpointDir == null ? "" : "; no level was checkpointed yet";
    }
    Path dir = checkpointDir != null ? checkpointDir : resumeDir;
    return "; the last complete checkpoint (level " + lastComplete.level() + ", "
        + lastComplete.distinct() + " states) is in " + dir;
  }

  /** The last level boundary every node checkpointed in the last run, or null. */
  public Manifest lastCheckpoint() {
    return lastComplete;
  }

  /** Bytes the partitions sent each other (batches, credits, markers) in the last run. */
  public long bytesSent() {
    long n = 0;
    for (long b : bytesSent) n += b;
    return n;
  }

  /** Asks the owner of global state {@code id} for its trace entry. */
  private long entry(long id) throws InterruptedException {
    int parts = transport.partitions();
    transport.toPartition(Ownership.partitionOf(id, parts), new Message.Lookup(id));
    Message m = transport.coordinatorInbox().poll(silenceMillis == Long.MAX_VALUE
        ? Long.MAX_VALUE : silenceMillis, TimeUnit.MILLISECONDS);
    if (m == null) throw new Lost("no answer for the trace of state " + id);
    if (m instanceof Message.Failed failed) throw new Lost(failed.why());
    if (!(m instanceof Message.Entry e) || e.id() != id) {
      throw new IllegalStateException("the coordinator got " + m + " for a trace entry");
    }
    return e.entry();
  }

  private Counterexample counterexample(Message.Found f) throws InterruptedException {
    List<Integer> ordinals = new ArrayList<>();
    for (long id = f.anchor(); id >= 0; ) {
      long e = entry(id);
      ordinals.add((int) (e & ((1 << TraceLog.ORDINAL_BITS) - 1)));
      id = (e >>> TraceLog.ORDINAL_BITS) - 1;
    }
    return TraceRebuild.fromOrdinals(model, checked, ordinals, f.property(), f.transition(),
        f.at());
  }
}
