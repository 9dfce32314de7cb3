package poolcheck.explore.liveness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import poolcheck.explore.store.Disk;

/**
 * The liveness graph's edges in discovery order: each edge's target state and the process
 * instance that takes it, in chunks that are never copied. Why chunks: at the hundreds of
 * millions of edges of a large unreduced graph, an array grown by copying holds the old and the
 * new one at once (2.5 times the data at half again growth) and a trim at the end copies all of
 * it once more; that peak, not the data, decided which configurations ran out of heap.
 *
 * <p>{@link #onHeap} keeps the chunks in arrays. {@link #onDisk} writes each chunk, once full, to
 * a file and reads it back mapped, as TLC keeps its behaviour graph on disk: the edges are 5 of
 * the 9 bytes an edge and a state cost, so with them in the page cache the heap holds only what
 * is per state, and a graph larger than the heap still runs (the kernel pages the edges in and
 * out). A run says so with the same option that puts the safety search's trace log on disk.
 */
abstract class Edges {
  static Edges onHeap() {
    return new OnHeap();
  }

  /**
   * Edges in an unnamed file in {@code dir}, opened through {@code disk}, in chunks of
   * 2^{@code shift} edges (20 in a run; tests cross chunks on small graphs).
   */
  static Edges onDisk(Path dir, Disk disk, int shift) {
    return new OnDisk(dir, disk, shift);
  }

  private int size;

  final int size() {
    return size;
  }

  final void add(int target, int instance) {
    if (size == Integer.MAX_VALUE - 8) {
      throw new LivenessChecker.TooLarge("more than 2,147,483,639 edges");
    }
    put(size++, target, instance);
  }

  /** Edge {@code e}, the next one. */
  abstract void put(int e, int target, int instance);

  abstract int target(int e);

  abstract int instance(int e);

  /** Every edge is added: what is still buffered goes where the rest is. */
  void finish() { }

  /** Gives up the file of a build that did not finish. */
  void abandon() { }

  private static final class OnHeap extends Edges {
    // a quarter of a MiB of targets: half a G1 region or more would take regions of its own
    private static final int SHIFT = 16;
    private static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;
    private int[][] targets = new int[4][];
    private byte[][] instances = new byte[4][];

    @Override
    void put(int e, int target, int instance) {
      int c = e >>> SHIFT;
      if (c == targets.length) {
        targets = Arrays.copyOf(targets, c * 2);
        instances = Arrays.copyOf(instances, c * 2);
      }
      if (targets[c] == null) {
        targets[c] = new int[CHUNK];
        instances[c] = new byte[CHUNK];
      }
      targets[c][e & MASK] = target;
      instances[c][e & MASK] = (byte) instance;
    }

    @Override
    int target(int e) {
      return targets[e >>> SHIFT][e & MASK];
    }

    @Override
    int instance(int e) {
      return instances[e >>> SHIFT][e & MASK];
    }
  }

  /**
   * A chunk is 2^20 targets (4 bytes each) then their 2^20 instances (a byte each), 5 MiB. The
   * chunk being filled is a direct buffer; when full it is written with the channel's write, so
   * that a full disk is an IOException here (a write into a mapping of unallocated blocks would
   * kill the JVM with a bus error), and then mapped read-only. The file is unlinked as soon as it
   * is open: the mappings keep its blocks, and a run stopped by Ctrl-C or a crash leaves nothing.
   */
  private static final class OnDisk extends Edges {
    private final int shift;
    private final int mask;
    /** Where a chunk's instances start, after its targets. */
    private final int instances;
    private final int chunkBytes;
    private final Path path;
    private FileChannel file;
    private ByteBuffer filling;
    /** Mapped chunks, then the one being filled. */
    private ByteBuffer[] chunks = new ByteBuffer[16];

    OnDisk(Path dir, Disk disk, int shift) {
      this.shift = shift;
      this.mask = (1 << shift) - 1;
      this.instances = 4 << shift;
      this.chunkBytes = 5 << shift;
      this.filling = ByteBuffer.allocateDirect(chunkBytes).order(ByteOrder.nativeOrder());
      Path created = null;
      try {
        created = Files.createTempFile(dir, "liveness-edges-", ".bin");
        file = disk.open(created, StandardOpenOption.READ, StandardOpenOption.WRITE);
      } catch (IOException e) {
        try {
          if (created != null) Files.deleteIfExists(created);
        } catch (IOException ignored) {
          // the directory refused the file it just made; nothing more to do
        }
        throw new UncheckedIOException("cannot create the liveness graph's file in " + dir, e);
      }
      path = created;
      try {
        Files.delete(path);
      } catch (IOException e) {
        abandon();
        throw new UncheckedIOException("cannot unlink the liveness graph's file " + path, e);
      }
      chunks[0] = filling;
    }

    @Override
    void put(int e, int target, int instance) {
      int at = e & mask;
      if (at == 0 && e > 0) {
        spill(e >>> shift);
      }
      filling.putInt(at << 2, target);
      filling.put(instances + at, (byte) instance);
    }

    /** Writes the full chunk before chunk {@code next} and maps it; {@code next} is filled. */
    private void spill(int next) {
      int full = next - 1;
      write(full, 0, chunkBytes);
      chunks[full] = map(full, chunkBytes);
      if (next == chunks.length) chunks = Arrays.copyOf(chunks, next * 2);
      chunks[next] = filling;
    }

    /** Bytes [from, to) of the chunk being filled, as chunk {@code chunk} of the file. */
    private void write(int chunk, int from, int to) {
      ByteBuffer out = filling.duplicate();
      out.limit(to);
      out.position(from);
      long at = (long) chunk * chunkBytes + from;
      try {
        while (out.hasRemaining()) at += file.write(out, at);
      } catch (IOException e) {
        abandon();
        throw new UncheckedIOException("cannot write the liveness graph to " + path, e);
      }
    }

    private ByteBuffer map(int chunk, int bytes) {
      try {
        return file.map(FileChannel.MapMode.READ_ONLY, (long) chunk * chunkBytes, bytes)
            .order(ByteOrder.nativeOrder());
      } catch (IOException e) {
        abandon();
        throw new UncheckedIOException("cannot map the liveness graph's file " + path, e);
      }
    }

    @Override
    int target(int e) {
      return chunks[e >>> shift].getInt((e & mask) << 2);
    }

    @Override
    int instance(int e) {
      return chunks[e >>> shift].get(instances + (e & mask));
    }

    /**
     * Writes the last chunk, its targets and its instances where a full chunk has them (the gap
     * between them is a hole of the file, never read), and maps it up to the file's end; then
     * closes the channel (the mappings do not need it) and drops the buffer.
     */
    @Override
    void finish() {
      if (file == null) return;
      if (size() > 0) {
        int last = (size() - 1) >>> shift;
        int used = size() - (last << shift);
        write(last, 0, used << 2);
        write(last, instances, instances + used);
        // no further than the file: a page of a mapping beyond its end faults when read
        chunks[last] = map(last, instances + used);
      }
      filling = null;
      abandon();
    }

    @Override
    void abandon() {
      if (file == null) return;
      try {
        file.close();
      } catch (IOException e) {
        // the file is already unlinked; its blocks go with the last mapping
      }
      file = null;
    }
  }
}
