package poolcheck.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import poolcheck.explore.store.Fingerprint;
import poolcheck.explore.store.FingerprintSet;
import poolcheck.explore.store.TraceLog;
import poolcheck.system.PropertySelection;
import poolcheck.system.StateLayout;
import poolcheck.system.Stepper;
import poolcheck.system.SuccessorSink;
import poolcheck.system.TransitionSystem;

/**
 * One partition of a distributed breadth-first search: the states whose fingerprint it owns, in
 * its own visited set, trace log and frontier. Driven by one thread at a time through
 * {@link #handle} and, while {@link #hasWork}, {@link #work}: expansion goes in slices so that
 * incoming batches are taken in (and credited) while this partition expands, which is what lets
 * every partition wait for credits without two of them ever waiting on each other.
 *
 * <p>A level ends here when this partition has expanded its frontier, sent every batch (each
 * one credited by its receiver before more than {@link #CREDITS} are outstanding) and an
 * end-of-level marker to every partition, and has received every partition's marker with as many
 * batches as the marker says.
 */
public final class Partition {
  /**
   * The most states in one batch. Every batch that crosses JVMs costs a few thread wake-ups on
   * each side (the sender's and receiver's Artery stream stages, the TCP actors, the receiving
   * partition, and its credit back), a few hundred µs of CPU on a loaded machine whatever its
   * size: with 1,024 states a batch, 2 JVMs spent most of a second of Pekko threads' CPU per 2.8
   * million states; with 8,192, much less (docs/performance.md, "Cluster CPU per state").
   */
  static final int BATCH_STATES = 8192;
  /**
   * The bytes a partition may buffer for all its destinations together, one batch each: bounds
   * its heap and keeps a batch of large states well inside Artery's frame (4 MiB).
   */
  static final int BATCH_BUDGET = 16 << 20;
  /** The most bytes of one batch. */
  static final int BATCH_BYTES = 1 << 20;
  /** Batches a sender may have outstanding per receiver: bounds every queue in the cluster. */
  static final int CREDITS = 4;
  /** States expanded between looks at the inbox. */
  private static final int SLICE = 256;
  /**
   * Fingerprints remembered per destination, direct-mapped: a successor found there was sent
   * already (this level or an earlier one) and its owner would drop it, so it is not sent
   * again. Sound because a visited set only grows; 128 KB per destination.
   */
  private static final int SENT_CACHE = 1 << 14;

  private final TransitionSystem model;
  private final StateLayout layout;
  private final int me;
  private final int partitions;
  private final int words;
  private final int stride;
  private final Transport transport;
  /** States per batch for this state size and number of partitions. */
  private final int batchStates;
  private final Stepper stepper;
  private final boolean checkDeadlock;
  private final int deadlock;
  private FingerprintSet visited = new FingerprintSet();
  private PackedStates entries = new PackedStates(1);
  private PackedStates current;
  private PackedStates next;
  private final int[] state;
  private final int[] scratch;
  private final long[] packed;
  private final long[][] recentlySent;

  // ---- this level ----
  private int level = Integer.MIN_VALUE;
  private boolean expanding;
  private int cursor;
  private boolean markersSent;
  private final long[][] outgoing;
  private final int[] outgoingCount;
  private final int[] credits;
  private final int[] sent;
  private final int[] received;
  private final int[] expected;
  private int markers;
  private final ArrayDeque<long[]>[] waiting;
  private long added;
  private long generated;
  private long began;
  private long busyNanos;
  private Message.Found found;
  /** Bytes this partition has sent to others, as {@link MessageCodec} writes them. */
  private long bytesSent;
  // ---- the state being expanded ----
  private long parent;
  private int ordinal;
  private int emitted;
  private final Sink sink = new Sink();
  /** The level of this partition's newest checkpoint file, MIN_VALUE before the first. */
  private int lastSaved = Integer.MIN_VALUE;

  public Partition(TransitionSystem model, PropertySelection checked, int me, int partitions,
      Transport transport) {
    this(model, checked, me, partitions, transport,
        batchStates(model.layout().words() + 1, partitions));
  }

  /** With {@code batchStates} states a batch: tests make it tiny to exhaust the credits. */
  @SuppressWarnings({"unchecked", "rawtypes"}) // an array of generic deques
  Partition(TransitionSystem model, PropertySelection checked, int me, int partitions,
      Transport transport, int batchStates) {
    this.model = model;
    this.layout = model.layout();
    this.me = me;
    this.partitions = partitions;
    this.words = layout.words();
    this.stride = words + 1;
    this.transport = transport;
    this.batchStates = batchStates;
    this.stepper = model.stepper(checked);
    this.deadlock = model.property("deadlock").orElseThrow().id();
    this.checkDeadlock = checked.checks(deadlock);
    this.current = new PackedStates(stride);
    this.next = new PackedStates(stride);
    this.state = new int[layout.slots()];
    this.scratch = new int[layout.slots()];
    this.packed = new long[words];
    this.recentlySent = new long[partitions][SENT_CACHE];
    this.outgoing = new long[partitions][];
    this.outgoingCount = new int[partitions];
    this.credits = new int[partitions];
    java.util.Arrays.fill(credits, CREDITS);
    this.sent = new int[partitions];
    this.received = new int[partitions];
    this.expected = new int[partitions];
    this.waiting = new ArrayDeque[partitions];
    for (int i = 0; i < partitions; i++) waiting[i] = new ArrayDeque<>();
  }

  /**
   * States per batch of {@code stride} words each among {@code partitions}: {@link
   * #BATCH_STATES}, fewer where a batch would pass {@link #BATCH_BYTES} or the partition's
   * buffers {@link #BATCH_BUDGET}; at least one.
   */
  static int batchStates(int stride, int partitions) {
    long bytes = Math.min(BATCH_BYTES, BATCH_BUDGET / Math.max(1, partitions));
    return (int) Math.max(1, Math.min(BATCH_STATES, bytes / (8L * stride)));
  }

  /** Whether there are states to expand or batches to send that no missing credit holds up. */
  public boolean hasWork() {
    return expanding && !blocked() && (cursor < current.count() || !markersSent);
  }

  private boolean blocked() {
    for (int t = 0; t < partitions; t++) if (!waiting[t].isEmpty()) return true;
    return false;
  }

  /** Takes one message; false once the run is over. */
  public boolean handle(Message m) {
    if (m instanceof Message.Batch b) {
      take(b);
    } else if (m instanceof Message.Credit c) {
      credit(c.from());
    } else if (m instanceof Message.EndOfLevel e) {
      expected[e.from()] = e.batches();
      markers++;
      completeIfDone();
    } else if (m instanceof Message.Expand e) {
      begin(e.level());
    } else if (m instanceof Message.Save v) {
      save(v);
    } else if (m instanceof Message.Restore r) {
      restore(r);
    } else if (m instanceof Message.Lookup l) {
      transport.toCoordinator(new Message.Entry(l.id(),
          entries.get((int) Ownership.localOf(l.id(), partitions))));
    } else if (m instanceof Message.Finish) {
      return false;
    } else {
      throw new IllegalStateException("a partition got " + m);
    }
    return true;
  }

  private void begin(int level) {
    this.level = level;
    if (level < 0) {
      seed();
      return;
    }
    expanding = true;
    cursor = 0;
    markersSent = false;
    began = System.nanoTime();
  }

  /**
   * Writes this partition's checkpoint of the boundary before {@code level}, then deletes its
   * files older than the last level it wrote: the manifest names that one or this one. A write
   * that fails is reported, not thrown: the coordinator keeps the last complete checkpoint.
   */
  private void save(Message.Save v) {
    Path dir = Path.of(v.dir());
    try {
      NodeCheckpoint.write(dir, v.run(), v.level(), me, partitions, words,
          new NodeCheckpoint.Contents(visited, entries, current));
      if (lastSaved != Integer.MIN_VALUE) NodeCheckpoint.prune(dir, me, partitions, lastSaved);
      lastSaved = v.level();
      transport.toCoordinator(new Message.Saved(me, v.level(), entries.count(),
          current.count()));
    } catch (IOException | java.io.UncheckedIOException e) {
      transport.toCoordinator(new Message.Failed(me, "node " + me + " cannot write its "
          + "checkpoint to " + dir + ": " + e.getMessage()));
    }
  }

  /** Loads this partition's checkpoint; a damaged or foreign file is reported, not thrown. */
  private void restore(Message.Restore r) {
    Path dir = Path.of(r.dir());
    try {
      NodeCheckpoint.Contents c = NodeCheckpoint.read(dir, r.run(), r.level(), me, words,
          r.entries());
      visited = c.visited();
      entries = c.entries();
      current = c.frontier();
      lastSaved = r.level();
      transport.toCoordinator(new Message.Saved(me, r.level(), entries.count(),
          current.count()));
    } catch (IOException e) {
      transport.toCoordinator(new Message.Failed(me, e instanceof java.nio.file.NoSuchFileException
          ? "node " + me + " cannot resume: no checkpoint file " + e.getMessage()
          : e.getMessage()));
    }
  }

  /** The initial states this partition owns: every partition runs them and keeps its own. */
  private void seed() {
    parent = -1;
    ordinal = 0;
    stepper.initialStates(sink);
    report();
  }

  /**
   * Runs this partition on the calling thread until {@link Message.Finish}: takes messages as
   * they come and expands between them. A failure is reported to the coordinator, not thrown.
   */
  public void run(java.util.concurrent.BlockingQueue<Message> inbox) {
    try {
      while (true) {
        Message m = hasWork() ? inbox.poll() : inbox.take();
        if (m == null) {
          work();
        } else if (!handle(m)) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (OutOfMemoryError e) {
      transport.toCoordinator(new Message.Failed(me, "partition " + me + " ran out of memory"));
    } catch (RuntimeException e) {
      transport.toCoordinator(new Message.Failed(me, "partition " + me + ": " + e));
    }
  }

  /** Expands a slice of the frontier, then sends what is left and the markers once done. */
  public void work() {
    long[] data = current.data();
    int end = Math.min(current.count(), cursor + SLICE);
    while (cursor < end && !blocked()) {
      int base = cursor * stride;
      parent = data[base];
      layout.unpack(data, base + 1, state);
      ordinal = 0;
      emitted = 0;
      cursor++;
      stepper.successors(state, sink);
      if (emitted == 0 && checkDeadlock && !stepper.isFinal(state)) {
        offer(new Message.Found(deadlock, parent, -2, null, level));
      }
    }
    if (cursor == current.count() && !blocked() && !markersSent) {
      for (int t = 0; t < partitions; t++) if (outgoingCount[t] > 0) ship(t);
      if (blocked()) return;
      markersSent = true;
      for (int t = 0; t < partitions; t++) {
        send(t, new Message.EndOfLevel(me, sent[t]));
      }
      busyNanos = System.nanoTime() - began;
      completeIfDone();
    }
  }

  private void route(int[] successor, int ord) {
    long[] packed = this.packed;
    layout.pack(successor, packed, 0);
    long fp = Fingerprint.of(packed, 0, words);
    int owner = Ownership.owner(fp, partitions);
    long[] recent = recentlySent[owner];
    int slot = (int) (fp ^ (fp >>> 29)) & (SENT_CACHE - 1);
    if (recent[slot] == fp && fp != 0) return;
    recent[slot] = fp;
    long[] buf = outgoing[owner];
    if (buf == null) buf = outgoing[owner] = new long[batchStates * stride];
    int base = outgoingCount[owner]++ * stride;
    buf[base] = TraceLog.entry(parent, ord);
    System.arraycopy(packed, 0, buf, base + 1, words);
    if (outgoingCount[owner] == batchStates) ship(owner);
  }


  /** Sends the batch for {@code to} now if a credit allows, or holds it until one comes. */
  private void ship(int to) {
    long[] buf = outgoing[to];
    int n = outgoingCount[to];
    outgoing[to] = null;
    outgoingCount[to] = 0;
    long[] batch = n == batchStates ? buf : java.util.Arrays.copyOf(buf, n * stride);
    if (credits[to] > 0 && waiting[to].isEmpty()) {
      credits[to]--;
      sent[to]++;
      send(to, new Message.Batch(me, level, batch, n));
    } else {
      waiting[to].add(batch);
    }
  }

  private void send(int to, Message m) {
    if (to != me) bytesSent += MessageCodec.size(m);
    transport.toPartition(to, m);
  }

  private void credit(int from) {
    credits[from]++;
    if (!waiting[from].isEmpty()) {
      long[] batch = waiting[from].poll();
      credits[from]--;
      sent[from]++;
      send(from, new Message.Batch(me, level, batch, batch.length / stride));
    }
  }

  private void take(Message.Batch b) {
    long[] r = b.records();
    for (int k = 0; k < b.count(); k++) {
      int base = k * stride;
      long entry = r[base];
      insert(entry, r, base + 1, b.level() + 1);
    }
    received[b.from()]++;
    send(b.from(), new Message.Credit(me));
    completeIfDone();
  }

  /** Stores a state this partition owns if it is new; checks invariants on it. */
  private void insert(long entry, long[] packed, int offset, int length) {
    long fp = Fingerprint.of(packed, offset, words);
    if (!visited.add(fp)) return;
    long local = entries.count();
    entries.add(entry);
    long id = Ownership.global(local, me, partitions);
    added++;
    int at = next.append();
    long[] d = next.data();
    d[at] = id;
    System.arraycopy(packed, offset, d, at + 1, words);
    layout.unpack(packed, offset, scratch);
    int bad = stepper.violatedInvariant(scratch);
    if (bad >= 0) offer(new Message.Found(bad, id, -2, null, length));
  }

  private void completeIfDone() {
    if (!expanding || !markersSent || markers < partitions) return;
    for (int f = 0; f < partitions; f++) if (received[f] != expected[f]) return;
    expanding = false;
    markers = 0;
    java.util.Arrays.fill(sent, 0);
    java.util.Arrays.fill(received, 0);
    java.util.Arrays.fill(expected, 0);
    report();
  }

  private void report() {
    PackedStates done = current;
    current = next;
    next = new PackedStates(stride);
    // reset here, not when the next level begins: a fast sender's batches may come first
    Message.LevelReport r = new Message.LevelReport(me, level, added, generated,
        current.count(), bytesSent, busyNanos, found);
    busyNanos = 0;
    added = 0;
    generated = 0;
    found = null;
    transport.toCoordinator(r);
  }

  private void offer(Message.Found f) {
    if (found == null || f.length() < found.length()) found = f;
  }

  /** Heap of this partition's visited set and trace entries, for bytes per state. */
  public long heapBytes() {
    return visited.heapBytes() + entries.heapBytes();
  }

  private final class Sink implements SuccessorSink {
    @Override
    public void successor(int[] successor, int transition) {
      int mine = ordinal++;
      emitted++;
      if (parent < 0) {
        // an initial state: every partition sees them all and keeps only its own
        layout.pack(successor, packed, 0);
        if (Ownership.owner(Fingerprint.of(packed, 0, words), partitions) != me) return;
        generated++;
        insert(TraceLog.entry(-1, mine), packed, 0, 0);
        return;
      }
      generated++;
      route(successor, mine);
    }

    @Override
    public void violation(int property, int[] at, int transition) {
      ordinal++;
      emitted++;
      if (parent < 0 && me != 0) return;
      offer(new Message.Found(property, parent, transition, at.clone(),
          parent < 0 ? 0 : level + 1));
    }
  }
}
