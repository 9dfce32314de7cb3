package poolcheck.explore.liveness;

import java.nio.file.Path;
import poolcheck.explore.store.Disk;

/**
 * Where a liveness graph keeps what grows with it besides its per-state arrays: its edges and
 * the queue of states numbered but not yet expanded. On the heap ({@link #HEAP}), or in files in
 * {@code dir} (the search's {@code --spill-dir}), the queue keeping {@code queueMemory} bytes on
 * the heap first (its {@code --frontier-memory}); edges in chunks of 2^{@code edgeChunkShift}.
 */
record GraphFiles(Path dir, long queueMemory, Disk disk, int edgeChunkShift) {
  /** A run's edge chunks: 2^20 edges, 5 MiB (tests take smaller ones to cross them). */
  static final int EDGE_CHUNK_SHIFT = 20;
  static final GraphFiles HEAP = new GraphFiles(null, 0, Disk.REAL, EDGE_CHUNK_SHIFT);

  Edges edges() {
    return dir == null ? Edges.onHeap() : Edges.onDisk(dir, disk, edgeChunkShift);
  }

  /** The exact numbering keeps every state anyway: its queue is its store. */
  StateNumbering numbering(boolean exact, int words) {
    if (exact) return StateNumbering.exact(words);
    return dir == null ? StateNumbering.fingerprints(words)
        : StateNumbering.fingerprints(words, dir, queueMemory, disk);
  }
}
