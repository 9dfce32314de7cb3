package poolcheck.explore.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Where each state came from, by state number, so that a trace can be rebuilt without storing
 * states: the parent's number and the ordinal of the successor among everything the parent's
 * expansion emitted. Re-executing the model from the initial state and picking those ordinals
 * yields the states again, as TLC rebuilds its traces.
 *
 * <p>One long per state, (parent + 1) in the high 40 bits and the ordinal in the low 24. Workers
 * number states in runs of {@link #RUN} and hand a run over whole, so runs never overlap. In
 * memory: chunks of 2^16 longs, 8 bytes of heap per state. On disk: run r at byte r * RUN * 8 of
 * a file, no heap per state at all; a lookup is one positional read, done only to rebuild a trace.
 */
public abstract class TraceLog implements AutoCloseable {
  public static final int ORDINAL_BITS = 24;
  public static final int RUN = 1024;

  public static long entry(long parent, int ordinal) {
    if (ordinal >= 1 << ORDINAL_BITS) {
      throw new IllegalStateException("a state with more than 2^24 successors");
    }
    return (parent + 1) << ORDINAL_BITS | ordinal;
  }

  /** Stores the entries of states {@code first .. first + count - 1}. */
  public abstract void write(long first, long[] entries, int count);

  public abstract long entry(long id);

  /** Copies the entries of states {@code first .. first + count - 1} into {@code out}. */
  public void read(long first, long[] out, int count) {
    for (int i = 0; i < count; i++) out[i] = entry(first + i);
  }

  public abstract long heapBytes();

  @Override
  public void close() {}

  /** Records one state, for callers without runs. */
  public void put(long id, long parent, int ordinal) {
    write(id, new long[] {entry(parent, ordinal)}, 1);
  }

  public long parent(long id) {
    return (entry(id) >>> ORDINAL_BITS) - 1;
  }

  public int ordinal(long id) {
    return (int) (entry(id) & ((1 << ORDINAL_BITS) - 1));
  }

  public static TraceLog inMemory() {
    return new InMemory();
  }

  public static TraceLog onDisk(Path dir) {
    return new OnDisk(dir, Disk.REAL);
  }

  public static TraceLog onDisk(Path dir, Disk disk) {
    return new OnDisk(dir, disk);
  }

  private static final class InMemory extends TraceLog {
    private static final int CHUNK_BITS = 16;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private volatile long[][] chunks = new long[16][];

    @Override
    public void write(long first, long[] entries, int count) {
      for (int i = 0; i < count; ) {
        long id = first + i;
        int c = (int) (id >>> CHUNK_BITS);
        long[][] dir = chunks;
        if (c >= dir.length || dir[c] == null) dir = ensure(c);
        int at = (int) id & (CHUNK - 1);
        int n = Math.min(count - i, CHUNK - at);
        System.arraycopy(entries, i, dir[c], at, n);
        i += n;
      }
    }

    @Override
    public long entry(long id) {
      long[][] dir = chunks;
      int c = (int) (id >>> CHUNK_BITS);
      // numbers handed out in a run but never used were never written: they read as zero
      return c >= dir.length || dir[c] == null ? 0 : dir[c][(int) id & (CHUNK - 1)];
    }

    @Override
    public long heapBytes() {
      long bytes = 0;
      for (long[] chunk : chunks) bytes += chunk == null ? 0 : (long) chunk.length * 8;
      return bytes;
    }

    private synchronized long[][] ensure(int c) {
      long[][] dir = chunks;
      if (c >= dir.length) dir = Arrays.copyOf(dir, Math.max(dir.length * 2, c + 1));
      if (dir[c] == null) dir[c] = new long[CHUNK];
      chunks = dir;
      return dir;
    }
  }

  private static final class OnDisk extends TraceLog {
    private final Path path;
    private final FileChannel file;

    OnDisk(Path dir, Disk disk) {
      try {
        path = Files.createTempFile(dir, "parents-", ".bin");
        file = disk.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
            StandardOpenOption.DELETE_ON_CLOSE);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the trace log in " + dir, e);
      }
    }

    @Override
    public void write(long first, long[] entries, int count) {
      ByteBuffer buf = ByteBuffer.allocate(count * 8);
      buf.asLongBuffer().put(entries, 0, count);
      try {
        long at = first * 8;
        while (buf.hasRemaining()) at += file.write(buf, at);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the trace log " + path, e);
      }
    }

    @Override
    public long entry(long id) {
      ByteBuffer buf = ByteBuffer.allocate(8);
      try {
        long at = id * 8;
        while (buf.hasRemaining()) {
          int n = file.read(buf, at);
          if (n < 0) throw new IOException("the trace log is shorter than written");
          at += n;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the trace log " + path, e);
      }
      return buf.getLong(0);
    }

    @Override
    public void read(long first, long[] out, int count) {
      ByteBuffer buf = ByteBuffer.allocate(count * 8);
      try {
        long at = first * 8;
        while (buf.hasRemaining()) {
          int n = file.read(buf, at);
          if (n < 0) break; // beyond the end: numbers never handed out, read as zeros
          at += n;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the trace log " + path, e);
      }
      buf.clear();
      buf.asLongBuffer().get(out, 0, count);
    }

    @Override
    public long heapBytes() {
      return 0;
    }

    @Override
    public void close() {
      try {
        file.close();
        Files.deleteIfExists(path);
      } catch (IOException e) {
        // a leftover temp file is harmless
      }
    }
  }
}
