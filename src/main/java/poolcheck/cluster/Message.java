package poolcheck.cluster;

/**
 * What partitions and the coordinator tell each other. Successor batches are flat long[]: per
 * state its trace entry ({@code TraceLog.entry(parent, ordinal)}, parent a global state number)
 * and its packed words; {@link MessageCodec} writes every message as plain binary, never Java
 * serialisation.
 */
public sealed interface Message {
  /** This build's protocol: workers and checkpoints of another are refused. */
  String VERSION = "poolcheck 0.1.0, cluster protocol 2";

  /** Successors found expanding {@code level}, owned by the receiver: count records of words + 1. */
  record Batch(int from, int level, long[] records, int count) implements Message {}

  /** The receiver {@code from} has taken in one batch: the sender may send one more. */
  record Credit(int from) implements Message {}

  /** Sender {@code from} expanded its share of the level and sent the receiver {@code batches}. */
  record EndOfLevel(int from, int batches) implements Message {}

  /** Coordinator to partition: expand the frontier (level -1: take the owned initial states). */
  record Expand(int level) implements Message {}

  /** Coordinator to partition: the trace entry of global state {@code id}, please. */
  record Lookup(long id) implements Message {}

  /**
   * Coordinator to partition, between levels: write the checkpoint of the boundary before
   * expanding {@code level} into {@code dir}, as run {@code run}; answered by {@link Saved}.
   */
  record Save(int level, long run, String dir) implements Message {}

  /**
   * Coordinator to partition, before the first level: load the checkpoint of {@code level} of
   * run {@code run} from {@code dir}; {@code entries} is every partition's state count in the
   * manifest, against which parent links are checked. Answered by {@link Saved}.
   */
  record Restore(int level, long run, String dir, long[] entries) implements Message {}

  /** Partition to coordinator: its checkpoint of {@code level} is on disk (or loaded). */
  record Saved(int from, int level, long entries, long frontier) implements Message {}

  /** Coordinator to partition: the run is over; release everything. */
  record Finish() implements Message {}

  /**
   * Partition to coordinator, once the level is complete there: what it added, generated and
   * holds for the next level, how long it took to expand its share (from the coordinator's
   * word to its last end-of-level marker) and the shortest violation it saw (null: none).
   */
  record LevelReport(int from, int level, long added, long generated, long frontier,
      long bytesSent, long busyNanos, Found found) implements Message {}

  /** Partition to coordinator: the answer to a {@link Lookup}. */
  record Entry(long id, long entry) implements Message {}

  /** Either side: something went wrong that ends the run, in words. */
  record Failed(int from, String why) implements Message {}

  /**
   * A violation: of {@code property}, anchored at global state {@code anchor} (-1: none), broken
   * mid-step by {@code transition} at {@code at} (null for an invariant or a deadlock),
   * {@code length} steps from an initial state.
   */
  record Found(int property, long anchor, int transition, int[] at, int length) {}
}
