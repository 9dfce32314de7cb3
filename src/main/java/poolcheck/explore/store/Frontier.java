package poolcheck.explore.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The states of one BFS level, as blocks that workers fill and claim whole: a block is
 * {@code count} records of {@code stride} longs, the state's number followed by its packed words.
 *
 * <p>Once the blocks held in memory pass {@code memoryLimit} bytes, further blocks are appended to
 * a file in the spill directory and read back when claimed, so a level larger than the heap can
 * still be explored; the file is deleted when the level is done.
 */
public final class Frontier implements AutoCloseable {
  private static final class Block {
    long[] data;
    final int count;
    final long filePosition;

    Block(long[] data, int count, long filePosition) {
      this.data = data;
      this.count = count;
      this.filePosition = filePosition;
    }
  }

  private final int stride;
  private final Path spillDir;
  private final long memoryLimit;
  private final Disk disk;
  private final List<Block> blocks = new ArrayList<>();
  private long states;
  private long memoryBytes;
  private long spilledBlocks;
  private FileChannel file;
  private Path filePath;
  private long fileEnd;

  public Frontier(int stride, Path spillDir, long memoryLimit) {
    this(stride, spillDir, memoryLimit, Disk.REAL);
  }

  public Frontier(int stride, Path spillDir, long memoryLimit, Disk disk) {
    this.stride = stride;
    this.spillDir = spillDir;
    this.memoryLimit = memoryLimit;
    this.disk = disk;
  }

  public int stride() {
    return stride;
  }

  /** Hands a filled block over; the caller must not touch {@code data} afterwards. */
  public synchronized void publish(long[] data, int count) {
    if (count == 0) return;
    states += count;
    long bytes = (long) count * stride * 8;
    if (spillDir == null || memoryBytes + bytes <= memoryLimit) {
      blocks.add(new Block(data, count, -1));
      memoryBytes += (long) data.length * 8;
      return;
    }
    try {
      if (file == null) {
        filePath = Files.createTempFile(spillDir, "frontier-", ".bin");
        file = disk.open(filePath, StandardOpenOption.READ, StandardOpenOption.WRITE,
            StandardOpenOption.DELETE_ON_CLOSE);
      }
      ByteBuffer buf = ByteBuffer.allocate((int) bytes);
      buf.asLongBuffer().put(data, 0, count * stride);
      long at = fileEnd;
      while (buf.hasRemaining()) fileEnd += file.write(buf, fileEnd);
      blocks.add(new Block(null, count, at));
      spilledBlocks++;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot spill the frontier to " + spillDir, e);
    }
  }

  public synchronized int blockCount() {
    return blocks.size();
  }

  public synchronized long states() {
    return states;
  }

  public synchronized long memoryBytes() {
    return memoryBytes;
  }

  public synchronized long spilledBlocks() {
    return spilledBlocks;
  }

  public int count(int block) {
    synchronized (this) {
      return blocks.get(block).count;
    }
  }

  /** The block's records, from memory or from the spill file; the frontier lets go of it. */
  public long[] take(int block) {
    synchronized (this) {
      Block b = blocks.get(block);
      long[] data = b.data;
      if (data != null) {
        b.data = null;
        memoryBytes -= (long) data.length * 8;
        return data;
      }
    }
    return peek(block);
  }

  /** The block's records, leaving them in place (for a checkpoint). */
  public long[] peek(int block) {
    Block b;
    synchronized (this) {
      b = blocks.get(block);
      if (b.data != null) return b.data;
    }
    try {
      ByteBuffer buf = ByteBuffer.allocate(b.count * stride * 8);
      long at = b.filePosition;
      while (buf.hasRemaining()) {
        int n = file.read(buf, at);
        if (n < 0) throw new IOException("the spill file is shorter than written");
        at += n;
      }
      buf.flip();
      LongBuffer longs = buf.asLongBuffer();
      long[] data = new long[b.count * stride];
      longs.get(data);
      return data;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the spilled frontier back", e);
    }
  }

  @Override
  public synchronized void close() {
    blocks.clear();
    try {
      if (file != null) file.close();
      // also when the file was created but could not be opened (a full disk)
      if (filePath != null) Files.deleteIfExists(filePath);
    } catch (IOException e) {
      // a leftover temp file is harmless; the run's result matters more
    }
    file = null;
    filePath = null;
  }
}
