package poolcheck.explore;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import poolcheck.explore.store.BitstateSet;
import poolcheck.explore.store.Checkpoint;
import poolcheck.explore.store.Disk;
import poolcheck.explore.store.Fingerprint;
import poolcheck.explore.store.Frontier;
import poolcheck.explore.store.TraceLog;
import poolcheck.explore.store.VisitedSet;
import poolcheck.result.CheckResult;
import poolcheck.result.Counterexample;
import poolcheck.result.Statistics;
import poolcheck.result.Verdict;
import poolcheck.system.Counts;
import poolcheck.system.PropertySelection;
import poolcheck.system.StateLayout;
import poolcheck.system.Stepper;
import poolcheck.system.SuccessorSink;
import poolcheck.system.TransitionSystem;

/**
 * Level-synchronous parallel breadth-first search: N workers expand the blocks of level d and
 * write level d+1; nobody starts level d+1 before level d is done. So the set of states stored
 * is the same as with one worker, and the shortest violation of level d is found before any of
 * level d+1, which keeps counterexamples shortest. States are remembered as fingerprints (or in
 * full, in exact mode) and traces are rebuilt from the {@link TraceLog}.
 */
final class LevelSearch {
  /** States a block holds: large enough to amortise claiming, small enough to balance work. */
  private static final int BLOCK_STATES = 1024;

  private final TransitionSystem model;
  private final StateLayout layout;
  private final PropertySelection checked;
  private final int deadlock;
  private final SearchOptions settings;
  private final Explorer.Progress progress;
  private final Disk disk;
  private final AtomicBoolean stop;
  private final VisitedSet visited;
  /** The bit array under a bitstate search, else null. */
  private final BitstateSet bits;
  private final TraceLog log;
  /** Hands out state numbers in runs of {@link #ID_RUN}, so workers rarely touch it. */
  private final AtomicLong ids = new AtomicLong();
  private static final int ID_RUN = TraceLog.RUN;
  private final int stride;
  /** Set by anyone who wants the current level to end early: violation, limit, stop. */
  private volatile boolean cut;
  /** Counts carried over from a resumed checkpoint. */
  private long distinctBase;
  private long generatedBase;
  private final Worker[] workers;
  /** By transition: the slots its step may write, or null (any); read by every worker. */
  private final int[][] written;
  /**
   * Heap held back for the report: an out-of-memory stops the search with the heap full of the
   * visited set, and the result, its rendering and the classes that print it still need to
   * allocate. Dropped the moment any thread sees the error, so the report does not fail in turn.
   */
  private volatile byte[] reserve;
  /** With {@link EachProperty}: what each property's own search would meet; else null. */
  private final Tally tally;

  /** A violation found, anchored at a state number (for an assertion: the parent's). */
  private record Found(int property, long anchor, int transition, int[] at, int length) {}

  LevelSearch(TransitionSystem model, PropertySelection checked, SearchOptions settings,
      Explorer.Progress progress, Disk disk, AtomicBoolean stop) {
    this(model, checked, settings, progress, disk, stop, null);
  }

  LevelSearch(TransitionSystem model, PropertySelection checked, SearchOptions settings,
      Explorer.Progress progress, Disk disk, AtomicBoolean stop, Tally tally) {
    this.tally = tally;
    this.model = model;
    this.layout = model.layout();
    this.checked = checked;
    this.deadlock = model.property("deadlock").orElseThrow().id();
    this.settings = settings;
    this.progress = progress;
    this.disk = disk;
    this.stop = stop;
    SearchOptions.Bitstate b = settings.bitstate();
    this.bits = b == null ? null : new BitstateSet(b.bits(), b.hashFunctions(), b.seed());
    // A one-word state's fingerprint is a bijection of it (see Fingerprint), so the fingerprint
    // tables hold one-word states exactly: --exact takes them, with 8 to 21 bytes a state and no
    // lock, instead of the striped table of whole states (ExactStateSet, 11 to 21 bytes a word)
    this.visited = exact() && layout.words() > 1 ? VisitedSet.exact(layout.words())
        : bits != null ? VisitedSet.bitstate(bits)
        // the trace log on disk says heap is what is short: the compact table, at more CPU
        : settings.spillDir() != null ? VisitedSet.compactFingerprints()
        : VisitedSet.fingerprints();
    this.stride = layout.words() + 1;
    this.log = settings.spillDir() == null ? TraceLog.inMemory()
        : TraceLog.onDisk(settings.spillDir(), disk);
    this.workers = new Worker[settings.workers()];
    this.written = new int[model.transitions().size()][];
    for (int t = 0; t < written.length; t++) written[t] = model.writtenSlots(t);
    this.reserve = new byte[reserveBytes(Runtime.getRuntime().maxMemory())];
  }

  /** A sixteenth of the heap, at least 1 MiB and at most 16 MiB. */
  static int reserveBytes(long maxHeap) {
    return (int) Math.max(1L << 20, Math.min(16L << 20, maxHeap / 16));
  }

  private void releaseReserve() {
    reserve = null;
  }

  private boolean exact() {
    return settings.store() == SearchOptions.Store.EXACT;
  }

  private Frontier newFrontier() {
    return new Frontier(stride, settings.spillDir(), settings.frontierMemory(), disk);
  }

  /**
   * What a checkpoint must match to be resumed: everything that shapes the state space or what
   * is checked in it. Limits (states, depth, time) and workers are not in it: they may change.
   */
  private Map<String, String> identity(ImmutableList<String> checkedNames) {
    Map<String, String> id = new LinkedHashMap<>();
    id.put("model", model.name());
    id.put("model text", settings.modelDigest() == null ? "not recorded"
        : settings.modelDigest());
    id.put("configuration", String.valueOf(model.configuration()));
    id.put("constants", model.constants().toString());
    id.put("properties checked", String.join(",", checkedNames));
    id.put("symmetry reduction", model.reducesSymmetry() ? "on" : "off");
    id.put("visited set", exact() ? "exact states" : "64-bit fingerprints");
    id.put("state layout", layout.words() + " words, " + layout.bits() + " bits");
    return id;
  }

  CheckResult run() {
    ImmutableList<String> checkedNames = checked.names();
    long start = System.currentTimeMillis();
    for (int i = 0; i < workers.length; i++) workers[i] = new Worker();
    Frontier current = newFrontier();
    Map<String, String> identity = identity(checkedNames);
    Found found = null;
    int depth = 0;
    if (settings.resume() != null) {
      Checkpoint.Header h;
      try {
        h = Checkpoint.read(settings.resume(), identity, visited.fingerprintSet(), log,
            current, BLOCK_STATES, loadWatch(start), disk);
      } catch (InterruptedIOException e) {
        current.close();
        log.close();
        boolean timeUp = e.getMessage().startsWith("time");
        return new CheckResult(model.name(), model.constants(), checkedNames,
            timeUp ? Verdict.INCOMPLETE : Verdict.INTERRUPTED,
            new Statistics(0, 0, 0, System.currentTimeMillis() - start, workers.length, 0),
            Optional.empty(), e.getMessage());
      } catch (IOException e) {
        current.close();
        log.close();
        throw new UncheckedIOException(e.getMessage(), e);
      }
      ids.set(h.ids());
      distinctBase = h.distinct();
      generatedBase = h.generated();
      depth = h.depth();
      start -= h.millis();
    } else {
      Worker first = workers[0];
      first.begin(current, 0);
      visited.enter();
      try {
        if (first.probe != null) first.probe.before();
        first.stepper.initialStates(first);
        if (first.probe != null) first.probe.initialised();
      } finally {
        visited.leave();
      }
      try {
        first.flush();
      } catch (UncheckedIOException e) {
        current.close();
        log.close();
        return new CheckResult(model.name(), model.constants(), checkedNames,
            Verdict.INCOMPLETE, new Statistics(first.generated, first.added, 0,
                System.currentTimeMillis() - start, workers.length, 0), Optional.empty(),
            e.getMessage() + ": " + e.getCause().getMessage());
      }
      found = first.found;
      if (tally != null) tally.levelDone(distinct(), generated(workers));
    }
    long lastCheckpoint = System.currentTimeMillis();
    Verdict verdict = Verdict.VERIFIED;
    String reason = null;
    ExecutorService pool = Executors.newFixedThreadPool(workers.length, r -> {
      Thread t = new Thread(r, "poolcheck-worker");
      t.setDaemon(true);
      return t;
    });
    lastReport = start;
    try {
      while (found == null && current.states() > 0) {
        if (settings.checkpointDir() != null
            && System.currentTimeMillis() - lastCheckpoint >= settings.checkpointMillis()) {
          String failed = checkpoint(identity, depth, current, start);
          if (failed != null) {
            verdict = Verdict.INCOMPLETE;
            reason = failed;
            break;
          }
          lastCheckpoint = System.currentTimeMillis();
        }
        if (depth >= settings.maxDepth()) {
          verdict = Verdict.INCOMPLETE;
          reason = "depth limit " + settings.maxDepth() + " reached";
          break;
        }
        Frontier next = newFrontier();
        LevelEnd end = expandLevel(pool, current, next, depth, start);
        if (end.outOfMemory()) {
          current.close();
          next.close();
          return outOfMemory(checkedNames, workers, depth, start);
        }
        String why = end.why();
        String failedWrite = end.failedWrite();
        found = end.found();
        // a level cut short (a limit, a stop, a failure) decides nothing
        if (tally != null && !cut && failedWrite == null) {
          tally.levelDone(distinct(), generated(workers));
        }
        current.close();
        current = next;
        if (failedWrite != null) {
          verdict = Verdict.INCOMPLETE;
          reason = failedWrite;
          found = null;
          break;
        }
        if (found != null) break;
        if (why == null && stop.get()) why = "interrupted";
        if (why == null && distinct() >= settings.maxStates()) {
          why = "state limit " + settings.maxStates() + " reached";
        }
        if (why != null) {
          verdict = why.equals("interrupted") ? Verdict.INTERRUPTED : Verdict.INCOMPLETE;
          reason = why;
          break;
        }
        depth++;
        cut = false;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      verdict = Verdict.INTERRUPTED;
      reason = "interrupted";
    } catch (OutOfMemoryError e) {
      releaseReserve();
      current.close();
      return outOfMemory(checkedNames, workers, depth, start);
    } finally {
      pool.shutdownNow();
      current.close();
    }
    if (found != null) {
      verdict = Verdict.VIOLATED;
      depth = found.length();
    } else if (verdict == Verdict.VERIFIED) {
      depth = Math.max(0, depth - 1);
    }
    long distinct = distinct();
    Statistics stats = new Statistics(generated(workers), distinct, depth,
        System.currentTimeMillis() - start, workers.length, bytesPerState(distinct),
        exact() || bits != null ? 0
            : Fingerprint.collisionProbability(distinct, layout.words()));
    Found f = found;
    Optional<Counterexample> trace;
    try (TraceLog closing = log) {
      for (Worker w : workers) w.writeRun();
      trace = Optional.ofNullable(f).map(this::counterexample);
      if (tally != null) tally.rebuild(log);
    } catch (UncheckedIOException e) {
      // the trace log on a full disk: the figures still stand, the trace is lost
      return new CheckResult(model.name(), model.constants(), checkedNames, Verdict.INCOMPLETE,
          stats, Optional.empty(), e.getMessage() + ": " + e.getCause().getMessage());
    }
    return new CheckResult(model.name(), model.constants(), checkedNames, verdict, stats, trace,
        reason);
  }

  /**
   * How one level ended: {@code why} it was cut (a stop or the time limit; null if not), a
   * worker out of memory, a write that failed (a full disk), the shortest violation found.
   */
  private record LevelEnd(String why, boolean outOfMemory, String failedWrite, Found found) {}

  /** When the last progress line was reported. */
  private long lastReport;

  /**
   * Expands level {@code depth} from {@code current} into {@code next} with every worker, while
   * this thread watches the stop flag and the clock and reports progress. The rest of the control
   * loop (limits between levels, checkpoints, the verdict) is {@link #run()}'s; a search over a
   * partitioned visited set (a cluster) would replace this step, not the loop.
   */
  private LevelEnd expandLevel(ExecutorService pool, Frontier current, Frontier next, int depth,
      long start) throws InterruptedException {
    AtomicInteger cursor = new AtomicInteger();
    for (Worker w : workers) w.begin(next, depth);
    String why = null;
    if (current.blockCount() == 0
        || (current.blockCount() == 1 && current.count(0) <= Worker.BATCH)) {
      // One batch is one worker's anyway: expanded here, without handing it to a pool thread
      // and waiting on a latch, which cost 25-40 us a level (a long cycle of one state a level
      // ran at 25,000 states/s). The level is complete whatever the clock says after it: a
      // time limit reached ends the search there, as a stop does, without cutting the level.
      expandGuarded(workers[0], current, cursor);
      why = look(why, current, next, depth, start);
    } else {
      CountDownLatch done = new CountDownLatch(workers.length);
      for (Worker w : workers) {
        Frontier level = current;
        pool.execute(() -> {
          try {
            expandGuarded(w, level, cursor);
          } finally {
            done.countDown();
          }
        });
      }
      // At most 50 ms between looks at the stop flag and the clock; sooner when progress is
      // wanted more often, so a short level still reports.
      long poll = Math.max(1, Math.min(50, settings.progressMillis()));
      while (!done.await(poll, TimeUnit.MILLISECONDS)) {
        why = look(why, current, next, depth, start);
        if (why != null) cut = true;
      }
    }
    String failedWrite = null;
    Found found = null;
    for (Worker w : workers) {
      if (w.failure instanceof OutOfMemoryError) return new LevelEnd(why, true, null, null);
      if (w.failure instanceof UncheckedIOException e) {
        // a full disk under --spill-dir: say so with the figures so far, exit 3
        failedWrite = e.getMessage() + ": " + e.getCause().getMessage();
        continue;
      }
      if (w.failure instanceof RuntimeException e) throw e;
      if (w.failure instanceof Error e) throw e;
      if (w.failure != null) throw new IllegalStateException(w.failure);
      if (w.found != null && (found == null || w.found.length() < found.length())) {
        found = w.found;
      }
    }
    return new LevelEnd(why, false, failedWrite, found);
  }

  /** Runs {@code w} over the level; what it throws is its failure, and cuts the level. */
  private void expandGuarded(Worker w, Frontier level, AtomicInteger cursor) {
    try {
      w.expand(level, cursor);
    } catch (Throwable t) {
      if (t instanceof OutOfMemoryError) releaseReserve();
      w.failure = t;
      cut = true;
    }
  }

  /**
   * Looks at the stop flag and the clock while a level is expanded, or after one expanded on
   * this thread: why the search should stop, if it should; reports progress when it is due.
   */
  private String look(String why, Frontier current, Frontier next, int depth, long start) {
    long now = System.currentTimeMillis();
    if (why == null && stop.get()) why = "interrupted";
    if (why == null && now - start > settings.timeLimitMillis()) {
      why = "time limit " + settings.timeLimitMillis() / 1000 + " s reached";
    }
    if (now - lastReport >= settings.progressMillis()) {
      report(workers, current, next, depth, now - start);
      lastReport = now;
    }
    return why;
  }

  private CheckResult outOfMemory(ImmutableList<String> checkedNames, Worker[] workers,
      int depth, long start) {
    releaseReserve();
    log.close();
    long distinct = distinct();
    String reason = String.format(java.util.Locale.ROOT, "out of memory after %,d distinct "
        + "states at depth %d; more heap (-Xmx, e.g. POOLCHECK_JAVA_OPTS=%s), fingerprint "
        + "mode (the default, not --exact), --spill-dir for the frontier or smaller constants "
        + "would help", distinct, depth, moreHeap());
    Statistics stats = new Statistics(generated(workers), distinct, depth,
        System.currentTimeMillis() - start, workers.length, 0, 0);
    return new CheckResult(model.name(), model.constants(), checkedNames, Verdict.INCOMPLETE,
        stats, Optional.empty(), reason);
  }

  /**
   * The -Xmx to suggest after running out of memory: twice the heap this run had (a fixed figure
   * would advise 8 GB to a run that already had 9).
   */
  static String moreHeap() {
    long mb = Runtime.getRuntime().maxMemory() >> 20;
    return "-Xmx" + Math.max(2, (2 * mb + 1023) / 1024) + "g";
  }

  /** Writes a checkpoint; on failure (a full disk) says why, the last complete one kept. */
  private String checkpoint(Map<String, String> identity, int depth, Frontier next,
      long start) {
    for (Worker w : workers) w.writeRun();
    long distinct = distinct();
    Checkpoint.Header h = new Checkpoint.Header(identity, depth, ids.get(), distinct,
        generated(workers), System.currentTimeMillis() - start, distinct, next.states());
    try {
      Checkpoint.write(settings.checkpointDir(), h, visited.fingerprintSet(), log, next,
          disk);
      return null;
    } catch (IOException | UncheckedIOException e) {
      String why = e instanceof UncheckedIOException u ? u.getCause().getMessage()
          : e.getMessage();
      return "cannot write the checkpoint to " + settings.checkpointDir() + ": " + why
          + (java.nio.file.Files.exists(settings.checkpointDir().resolve(Checkpoint.FILE))
              ? "; the last complete checkpoint is kept" : "");
    }
  }

  /** Reports the load of a checkpoint and stops it on a signal or at the time limit. */
  private Checkpoint.Watch loadWatch(long start) {
    return new Checkpoint.Watch() {
      private long last = start;

      @Override
      public void loaded(String section, long done, long total) throws InterruptedIOException {
        long now = System.currentTimeMillis();
        if (stop.get()) throw new InterruptedIOException("interrupted while loading the "
            + "checkpoint");
        if (now - start > settings.timeLimitMillis()) {
          throw new InterruptedIOException("time limit " + settings.timeLimitMillis() / 1000
              + " s reached while loading the checkpoint");
        }
        if (now - last >= settings.progressMillis()) {
          progress.loading(section, done, total, now - start);
          last = now;
        }
      }
    };
  }

  /** Exact once the workers have stopped; a close estimate while they run. */
  private long distinct() {
    long n = distinctBase;
    for (Worker w : workers) n += w.added;
    return n;
  }

  private long bytesPerState(long distinct) {
    return distinct == 0 ? 0 : (visited.heapBytes() + log.heapBytes()) / distinct;
  }

  private long generated(Worker[] workers) {
    long g = generatedBase;
    for (Worker w : workers) g += w.generated;
    return g;
  }

  private void report(Worker[] workers, Frontier current, Frontier next, int depth, long millis) {
    long expanded = 0;
    for (Worker w : workers) expanded += w.expanded;
    progress.report(distinct(), generated(workers),
        Math.max(0, current.states() - expanded) + next.states(), depth, millis);
  }

  /** One thread's scratch space and the sink its expansions emit into. */
  private final class Worker implements SuccessorSink {
    final Stepper stepper = model.stepper(checked);
    final long[] packed = new long[layout.words()];
    final int[] state = new int[layout.slots()];
    final boolean checkDeadlock = checked.checks(deadlock);
    final Tally.Probe probe = tally == null ? null : tally.probe();
    /** Whether to count states after every expansion: only under a state limit. */
    final boolean limited = settings.maxStates() != Long.MAX_VALUE;
    // Plain fields: other threads read them only for progress lines, where a stale value is fine.
    long generated;
    long expanded;
    long added;
    long nextId;
    long idEnd;
    /** This worker's {@link #added} at which it next asks the visited set for room. */
    long lookAgainAt;
    final long[] run = new long[ID_RUN];
    Frontier out;
    long[] block;
    int blockCount;
    long parent;
    int ordinal;
    int emitted;
    int depth;
    Found found;
    Throwable failure;
    /**
     * Successors emitted but not yet looked up: see {@link #drain()}. They are looked up between
     * expansions once there are {@link #BATCH}; {@code successor} looks them up itself only when
     * one state's successors fill the rest. Were that its usual path, the JIT would inline the
     * lookup into every step of the generated class that emits a successor: C2 took 2 to 3 times
     * as long, a second and a half of CPU on a 5-second run (docs/performance.md).
     */
    static final int PENDING = 128;
    static final int BATCH = 64;
    int pending;
    final long[] pendingPacked = new long[PENDING * layout.words()];
    final long[] pendingFp = new long[PENDING];
    /** A stored successor unpacked, for its invariants: the step's array was lent, not kept. */
    final int[] fresh = new int[layout.slots()];
    final int[] pendingOrdinal = new int[PENDING];
    final long[] pendingParent = new long[PENDING];
    /** What the batched table reads summed to: kept so that the JIT cannot drop them. */
    long touchSink;
    /** Where the state being expanded is packed (its number at parentBase - 1); null for init. */
    long[] parentData;
    int parentBase;

    void begin(Frontier out, int depth) {
      this.out = out;
      this.depth = depth;
      this.parent = -1;
      this.ordinal = 0;
      this.expanded = 0;
      this.found = null;
      this.failure = null;
      this.parentData = null;
    }

    void expand(Frontier level, AtomicInteger cursor) {
      visited.enter();
      try {
        int blocks = level.blockCount();
        for (int b; !cut && (b = cursor.getAndIncrement()) < blocks; ) {
          int n = level.count(b);
          long[] data = level.take(b);
          for (int k = 0; k < n && !cut; k++) {
            int base = k * stride;
            parent = data[base];
            parentData = data;
            parentBase = base + 1;
            layout.unpack(data, base + 1, state);
            ordinal = 0;
            emitted = 0;
            if (probe != null) probe.before();
            try {
              stepper.successors(state, this);
              // The successors of several states are looked up together (see drain); the
              // each-property probe and a state limit count them per state.
              if (pending >= BATCH || probe != null || limited) drain();
            } catch (Abandoned a) {
              drain();
              break;
            }
            if (emitted == 0 && checkDeadlock && !stepper.isFinal(state)) {
              offer(new Found(deadlock, parent, -2, null, depth));
            }
            if (probe != null) probe.expanded(state, parent, depth, emitted == 0);
            expanded++;
            // between expansions, as a limit of states must be: passed by one state's
            // successors at most (with several workers, by one state's each)
            if (limited && distinct() >= settings.maxStates()) cut = true;
            if (added >= lookAgainAt) makeRoom();
          }
          if (distinct() >= settings.maxStates()) cut = true;
        }
        drain();
      } finally {
        visited.leave();
      }
      flush();
    }

    /**
     * Grows the visited set if it is past its fill, and decides when to look again: after this
     * worker has added its share of half the room left, so that all workers together stay inside
     * the room (each may pass its share by one state's successors, which the table's free part
     * absorbs). Reading the set's size after every state, as before, made two workers read each
     * other's counter cells (written on every insertion) once per state: a cache miss each.
     */
    private void makeRoom() {
      long room = visited.room();
      if (room < 0) {
        drain();
        visited.leave();
        try {
          visited.grow();
        } finally {
          visited.enter();
        }
        room = visited.room();
      }
      lookAgainAt = added + Math.max(0, room) / (2L * workers.length);
    }

    /**
     * Keeps the shortest. The level is still finished, as the sequential engine finishes it, so
     * that the statistics at a violation are those of the whole level whatever the engine.
     */
    private void offer(Found f) {
      if (found == null || f.length() < found.length()) found = f;
    }

    /** Each successor is packed at once: the steps may lend the same arrays again. */
    @Override
    public boolean keepsSuccessors() {
      return false;
    }

    @Override
    public void successor(int[] next, int transition) {
      int mine = ordinal++;
      emitted++;
      // one state may have a great many successors: a stop or time limit ends it midway
      if ((++generated & 0xFFF) == 0 && cut) throw Abandoned.INSTANCE;
      int words = packed.length;
      int at = pending * words;
      int[] writes = transition >= 0 ? written[transition] : null;
      if (parentData == null) {
        layout.pack(next, pendingPacked, at);
      } else if (!layout.packWrites(next, state, writes, parentData, parentBase, pendingPacked,
          at)) {
        // A step that changes nothing (a message received twice, a flag set again) leads back
        // to the state being expanded, which is stored: no fingerprint, no probe of the table.
        return;
      }
      pendingFp[pending] = Fingerprint.of(pendingPacked, at, words);
      pendingOrdinal[pending] = mine;
      pendingParent[pending] = parent;
      if (++pending == PENDING) drain();
    }

    /**
     * Looks the pending successors up in the visited set, in the order they were emitted (so
     * state numbers, trace ordinals and the first violation are those of one at a time). Their
     * table slots are read first in a loop of independent loads: each is a cache miss on a
     * table larger than the caches, and the processor overlaps independent misses instead of
     * waiting for each in turn.
     */
    private void drain() {
      int n = pending;
      if (n == 0) return;
      pending = 0;
      long touched = 0;
      for (int i = 0; i < n; i++) touched += visited.touch(pendingFp[i]);
      touchSink += touched;
      int words = packed.length;
      for (int i = 0; i < n; i++) {
        System.arraycopy(pendingPacked, i * words, packed, 0, words);
        if (!visited.add(packed, pendingFp[i])) continue;
        added(pendingParent[i], pendingOrdinal[i]);
      }
    }

    /** The successor in {@link #packed} is new: numbered, logged, checked, queued. */
    private void added(long parent, int mine) {
      if (nextId == idEnd) {
        writeRun();
        nextId = ids.getAndAdd(ID_RUN);
        idEnd = nextId + ID_RUN;
      }
      long id = nextId++;
      added++;
      run[(int) (id - (idEnd - ID_RUN))] = TraceLog.entry(parent, mine);
      int[] next = fresh;
      layout.unpack(packed, 0, next);
      int bad = stepper.violatedInvariant(next);
      if (bad >= 0) offer(new Found(bad, id, -2, null, parent < 0 ? 0 : depth + 1));
      if (probe != null) probe.added(id, next, parent < 0 ? 0 : depth + 1);
      if (block == null) block = new long[BLOCK_STATES * stride];
      int base = blockCount * stride;
      block[base] = id;
      System.arraycopy(packed, 0, block, base + 1, packed.length);
      if (++blockCount == BLOCK_STATES) flush();
    }

    @Override
    public void violation(int property, int[] at, int transition) {
      drain();
      ordinal++;
      emitted++;
      offer(new Found(property, parent, transition, at, parent < 0 ? 0 : depth + 1));
      if (probe != null) {
        probe.runtimeError(property, parent, transition, at, parent < 0 ? 0 : depth + 1);
      }
    }

    /** Hands the entries of this worker's run of state numbers to the log. */
    void writeRun() {
      if (idEnd > 0) log.write(idEnd - ID_RUN, run, (int) (nextId - (idEnd - ID_RUN)));
    }

    void flush() {
      drain();
      if (block != null && blockCount > 0) out.publish(block, blockCount);
      block = null;
      blockCount = 0;
    }
  }

  /** The bit array's figures under a bitstate search, else null. */
  BitstateCoverage bitstate() {
    return bits == null ? null : BitstateCoverage.of(bits);
  }

  /** The workers' coverage counts merged; null before {@link #run}. */
  Counts counts() {
    if (workers[0] == null) return null;
    Counts all = new Counts(model.transitions().size(), model.sites().size());
    for (Worker w : workers) all.add(w.stepper.counts());
    return all;
  }

  /** Leaves an expansion midway: thrown only once the level is being cut anyway. */
  static final class Abandoned extends RuntimeException {
    static final Abandoned INSTANCE = new Abandoned();

    private Abandoned() {
      super("expansion abandoned", null, false, false);
    }
  }

  private Counterexample counterexample(Found f) {
    return TraceRebuild.counterexample(model, checked, log, f.property(), f.anchor(),
        f.transition(), f.at());
  }
}
