package poolcheck.explore.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * The framing of a checkpoint file: sections, each a tag, a payload length, the payload and the
 * CRC32C of tag, length and payload. Shared by the single-machine {@link Checkpoint} and the
 * cluster's per-node checkpoints, so that both refuse a truncated or damaged file the same way.
 */
public final class Sections {
  private static final int BUFFER = 1 << 20;

  private Sections() {}

  /** What goes between the magic and the end section. */
  @FunctionalInterface
  public interface Body {
    void write(Writer out) throws IOException;
  }

  /**
   * Writes {@code target}: magic, version, the {@code body}'s sections and an empty section
   * tagged {@code end}, to a temporary file beside it, forced to the disk and renamed over it,
   * so a process killed at any moment (kill -9 included) leaves the old file or the new one,
   * never half of one; a failed write removes the temporary file.
   */
  public static void write(Path target, Disk disk, long magic, int version, int end, Body body)
      throws IOException {
    Files.createDirectories(target.toAbsolutePath().getParent());
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    boolean done = false;
    try (Writer out = new Writer(disk.open(tmp, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING))) {
      out.raw(ByteBuffer.allocate(12).putLong(magic).putInt(version).flip());
      body.write(out);
      out.begin(end, 0);
      out.end();
      out.force();
      done = true;
    } finally {
      if (!done) Files.deleteIfExists(tmp);
    }
    try {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
  }

  /** Sections out: a buffer whose bytes go through the checksum as they go to the file. */
  public static final class Writer implements AutoCloseable {
    private final FileChannel ch;
    private final ByteBuffer buf = ByteBuffer.allocate(BUFFER);
    private final CRC32C crc = new CRC32C();

    public Writer(FileChannel ch) {
      this.ch = ch;
    }

    public void raw(ByteBuffer b) throws IOException {
      while (b.hasRemaining()) ch.write(b);
    }

    public void begin(int tag, long length) throws IOException {
      crc.reset();
      buf.putInt(tag).putLong(length);
    }

    public void putLong(long v) throws IOException {
      if (buf.remaining() < 8) drain();
      buf.putLong(v);
    }

    public void putByte(int v) throws IOException {
      if (!buf.hasRemaining()) drain();
      buf.put((byte) v);
    }

    public void bytes(byte[] b) throws IOException {
      for (byte x : b) putByte(x);
    }

    public void end() throws IOException {
      drain();
      raw(ByteBuffer.allocate(4).putInt((int) crc.getValue()).flip());
    }

    public void force() throws IOException {
      ch.force(true);
    }

    private void drain() throws IOException {
      buf.flip();
      crc.update(buf.duplicate());
      raw(buf);
      buf.clear();
    }

    @Override
    public void close() throws IOException {
      ch.close();
    }
  }

  /** Sections in: never reads past the current section, checksumming what it reads. */
  public static final class Reader implements AutoCloseable {
    private final Path file;
    private final FileChannel ch;
    private final Checkpoint.Watch watch;
    private final ByteBuffer buf = ByteBuffer.allocate(BUFFER);
    private final CRC32C crc = new CRC32C();
    private long fileLeft;
    private long sectionLeft;
    private long sectionLength;
    private String section = "";

    public Reader(Path file, FileChannel ch, Checkpoint.Watch watch) throws IOException {
      this.file = file;
      this.ch = ch;
      this.watch = watch;
      this.fileLeft = ch.size();
      buf.limit(0);
    }

    /** Bytes of the file not read yet. */
    public long left() {
      return fileLeft;
    }

    public Checkpoint.Refused refused(String why) {
      return new Checkpoint.Refused(file + ": cannot resume: " + why);
    }

    private Checkpoint.Refused truncated() {
      return refused("the checkpoint is truncated"
          + (section.isEmpty() ? "" : " (in its " + section + " section)"));
    }

    public ByteBuffer raw(int n) throws IOException {
      if (n > fileLeft) throw truncated();
      ByteBuffer b = ByteBuffer.allocate(n);
      while (b.hasRemaining()) {
        if (ch.read(b) < 0) throw truncated();
      }
      fileLeft -= n;
      return b.flip();
    }

    /** Starts section {@code tag}; returns its payload length, checked against the file. */
    public long begin(int tag, String name) throws IOException {
      section = name;
      ByteBuffer h = raw(12);
      crc.reset();
      crc.update(h.duplicate());
      int t = h.getInt();
      long length = h.getLong();
      if (t != tag) throw refused("damaged: expected the " + name + " section");
      if (length < 0 || length > fileLeft - 4) {
        throw fileLeft < 4 || length >= 0 && length < (1L << 40) ? truncated()
            : refused("damaged: a " + name + " section of " + length + " bytes");
      }
      sectionLength = length;
      sectionLeft = length;
      buf.clear().limit(0);
      return length;
    }

    public long getLong() throws IOException {
      if (buf.remaining() < 8) fill(8);
      return buf.getLong();
    }

    public int getByte() throws IOException {
      if (!buf.hasRemaining()) fill(1);
      return buf.get() & 0xFF;
    }

    public byte[] bytes(int n) throws IOException {
      byte[] out = new byte[n];
      for (int i = 0; i < n; i++) out[i] = (byte) getByte();
      return out;
    }

    private void fill(int need) throws IOException {
      buf.compact();
      int room = (int) Math.min(buf.remaining(), sectionLeft);
      if (room > 0) {
        ByteBuffer slice = buf.slice();
        slice.limit(room);
        while (slice.hasRemaining()) {
          if (ch.read(slice) < 0) throw truncated();
        }
        slice.flip();
        crc.update(slice);
        buf.position(buf.position() + room);
        sectionLeft -= room;
        fileLeft -= room;
      }
      buf.flip();
      if (buf.remaining() < need) {
        throw refused("damaged: the " + section + " section ends inside a value");
      }
      watch.loaded(section, sectionLength - sectionLeft - buf.remaining(), sectionLength);
    }

    /** Ends the section: all of it read, and its checksum right. */
    public void end() throws IOException {
      if (buf.hasRemaining() || sectionLeft != 0) {
        throw refused("damaged: the " + section + " section is longer than its contents");
      }
      ByteBuffer stored = raw(4);
      if (stored.getInt() != (int) crc.getValue()) {
        throw refused("damaged: the checksum of the " + section + " section does not match");
      }
    }

    @Override
    public void close() throws IOException {
      ch.close();
    }
  }
}
