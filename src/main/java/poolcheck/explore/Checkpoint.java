package poolcheck.explore;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A level boundary of a {@link LevelSearch} on disk: the fingerprints seen, the trace log and the
 * next level's states, with the counters. Written to a temporary file and renamed over the last
 * one, so a run killed at any moment (kill -9 included) leaves either the old checkpoint or the new
 * one, never half of one.
 */
final class Checkpoint {
  private static final String MAGIC = "poolcheck checkpoint 1";
  static final String FILE = "checkpoint.bin";

  /** What identifies the run: a checkpoint resumes only the same model, constants and checks. */
  record Header(String identity, int words, int depth, long ids, long distinct,
      long generated, long millis) {}

  private Checkpoint() {}

  static void write(Path dir, Header h, VisitedSet visited, TraceLog log, Frontier next)
      throws IOException {
    Files.createDirectories(dir);
    Path tmp = dir.resolve(FILE + ".tmp");
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
        Files.newOutputStream(tmp), 1 << 16))) {
      out.writeUTF(MAGIC);
      out.writeUTF(h.identity());
      out.writeInt(h.words());
      out.writeInt(h.depth());
      out.writeLong(h.ids());
      out.writeLong(h.distinct());
      out.writeLong(h.generated());
      out.writeLong(h.millis());
      visited.save(out);
      long[] buf = new long[TraceLog.RUN];
      for (long first = 0; first < h.ids(); first += buf.length) {
        int n = (int) Math.min(buf.length, h.ids() - first);
        log.read(first, buf, n);
        for (int i = 0; i < n; i++) out.writeLong(buf[i]);
      }
      out.writeInt(next.blockCount());
      for (int b = 0; b < next.blockCount(); b++) {
        int count = next.count(b);
        long[] data = next.peek(b);
        out.writeInt(count);
        for (int i = 0; i < count * next.stride(); i++) out.writeLong(data[i]);
      }
    }
    Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  /** Reads a checkpoint back into empty structures and returns its header. */
  static Header read(Path dir, String identity, int words, VisitedSet visited, TraceLog log,
      Frontier next) throws IOException {
    Path file = dir.resolve(FILE);
    if (!Files.exists(file)) throw new NoSuchFileException(file.toString());
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(
        Files.newInputStream(file), 1 << 16))) {
      if (!in.readUTF().equals(MAGIC)) {
        throw new IOException(file + ": not a poolcheck checkpoint");
      }
      String theirs = in.readUTF();
      if (!theirs.equals(identity)) {
        throw new IOException(file + ": the checkpoint is of another run (" + theirs
            + "), not of " + identity);
      }
      Header h = new Header(theirs, in.readInt(), in.readInt(), in.readLong(), in.readLong(),
          in.readLong(), in.readLong());
      if (h.words() != words) throw new IOException(file + ": the state layout differs");
      visited.load(in);
      long[] buf = new long[TraceLog.RUN];
      for (long first = 0; first < h.ids(); first += buf.length) {
        int n = (int) Math.min(buf.length, h.ids() - first);
        for (int i = 0; i < n; i++) buf[i] = in.readLong();
        log.write(first, buf, n);
      }
      int blocks = in.readInt();
      for (int b = 0; b < blocks; b++) {
        int count = in.readInt();
        long[] data = new long[count * next.stride()];
        for (int i = 0; i < data.length; i++) data[i] = in.readLong();
        next.publish(data, count);
      }
      return h;
    } catch (java.io.EOFException e) {
      throw new IOException(file + ": the checkpoint is truncated");
    }
  }
}
