package poolcheck.explore.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A level boundary of the level search on disk: the fingerprints seen, the trace log and the
 * next level's states, with the counters. Written to a temporary file, forced to the disk and
 * renamed over the last one, so a run killed at any moment (kill -9 included) leaves either the
 * old checkpoint or the new one, never half of one; a failed write removes the temporary file.
 *
 * <p>Layout: 8 bytes of magic, a format version, then {@link Sections}, each a tag, a payload
 * length, the payload and the CRC32C of tag, length and payload: header (what identifies the
 * run, then the counters), visited fingerprints, trace log, frontier, end. A reader trusts nothing before its
 * checksum: every length is checked against the file and the header before anything is
 * allocated, and a checkpoint of another model, other constants or other state-space options is
 * refused with the differences named, never read as a different state space.
 */
public final class Checkpoint {
  public static final String FILE = "checkpoint.bin";
  public static final int VERSION = 2;
  private static final long MAGIC = 0x706f6f6c636b7074L; // "poolckpt"
  private static final int HEADER = 1;
  private static final int VISITED = 2;
  private static final int LOG = 3;
  private static final int FRONTIER = 4;
  private static final int END = 5;
  private static final int MAX_HEADER = 1 << 20;

  /**
   * The run's identity (named values that must all match to resume) and its counters.
   * {@code fingerprints} is the size of the visited set, {@code frontier} the states to expand.
   */
  public record Header(Map<String, String> identity, int depth, long ids, long distinct,
      long generated, long millis, long fingerprints, long frontier) {}

  /** Told how far a load got, between megabytes; throws InterruptedIOException to stop it. */
  public interface Watch {
    Watch NONE = (what, done, total) -> { };

    void loaded(String what, long done, long total) throws InterruptedIOException;
  }

  /** A checkpoint that cannot be resumed: damaged, of another version or of another run. */
  public static final class Refused extends IOException {
    public Refused(String message) {
      super(message);
    }
  }

  private Checkpoint() {}

  public static void write(Path dir, Header h, FingerprintTable visited, TraceLog log,
      Frontier next, Disk disk) throws IOException {
    Sections.write(dir.resolve(FILE), disk, MAGIC, VERSION, END, out -> {
      byte[] header = headerBytes(h);
      out.begin(HEADER, header.length);
      out.bytes(header);
      out.end();
      boolean zero = visited.contains(0);
      out.begin(VISITED, 1 + 8 * (h.fingerprints() - (zero ? 1 : 0)));
      out.putByte(zero ? 1 : 0);
      visited.forEach(fp -> {
        if (fp != 0) out.putLong(fp);
      });
      out.end();
      out.begin(LOG, 8 * h.ids());
      long[] buf = new long[TraceLog.RUN];
      for (long first = 0; first < h.ids(); first += buf.length) {
        int n = (int) Math.min(buf.length, h.ids() - first);
        log.read(first, buf, n);
        for (int i = 0; i < n; i++) out.putLong(buf[i]);
      }
      out.end();
      out.begin(FRONTIER, 8L * next.stride() * h.frontier());
      for (int b = 0; b < next.blockCount(); b++) {
        int count = next.count(b);
        long[] data = next.peek(b);
        for (int i = 0; i < count * next.stride(); i++) out.putLong(data[i]);
      }
      out.end();
    });
  }

  private static byte[] headerBytes(Header h) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(h.identity().size());
    for (Map.Entry<String, String> e : h.identity().entrySet()) {
      out.writeUTF(e.getKey());
      out.writeUTF(e.getValue());
    }
    out.writeInt(h.depth());
    out.writeLong(h.ids());
    out.writeLong(h.distinct());
    out.writeLong(h.generated());
    out.writeLong(h.millis());
    out.writeLong(h.fingerprints());
    out.writeLong(h.frontier());
    out.flush();
    return bytes.toByteArray();
  }

  /**
   * Reads a checkpoint back into empty structures and returns its header, or throws
   * {@link Refused} saying why it cannot be resumed ({@code identity} is this run's).
   */
  public static Header read(Path dir, Map<String, String> identity,
      FingerprintTable visited, TraceLog log, Frontier next, int blockStates, Watch watch,
      Disk disk) throws IOException {
    Path file = dir.resolve(FILE);
    if (!Files.exists(file)) throw new NoSuchFileException(file.toString());
    try (Sections.Reader in = new Sections.Reader(file, disk.open(file, StandardOpenOption.READ), watch)) {
      ByteBuffer magic = in.raw(12);
      if (magic.getLong() != MAGIC) throw in.refused("not a poolcheck checkpoint");
      int version = magic.getInt();
      if (version != VERSION) {
        throw in.refused("written by checkpoint format " + version + ", this poolcheck reads "
            + "format " + VERSION + "; start the run afresh");
      }
      Header h = header(in);
      String differs = differences(h.identity(), identity);
      if (differs != null) {
        throw in.refused("the checkpoint is of another run: " + differs
            + "; resume with the same model, constants and options, or start afresh");
      }
      readVisited(in, h, visited);
      readLog(in, h, log);
      readFrontier(in, h, next, blockStates);
      in.begin(END, "end");
      in.end();
      if (in.left() != 0) throw in.refused("damaged: bytes after the end section");
      return h;
    }
  }

  private static Header header(Sections.Reader in) throws IOException {
    long length = in.begin(HEADER, "header");
    if (length > MAX_HEADER) throw in.refused("damaged: a header of " + length + " bytes");
    byte[] bytes = in.bytes((int) length);
    in.end();
    DataInputStream d = new DataInputStream(new ByteArrayInputStream(bytes));
    try {
      int n = d.readInt();
      if (n < 0 || n > 64) throw in.refused("damaged: an identity of " + n + " fields");
      Map<String, String> identity = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) identity.put(d.readUTF(), d.readUTF());
      Header h = new Header(identity, d.readInt(), d.readLong(), d.readLong(), d.readLong(),
          d.readLong(), d.readLong(), d.readLong());
      if (d.available() != 0) throw in.refused("damaged: a header longer than its fields");
      // The checksum held: these fail only for a file written by something else.
      if (h.depth() < 0 || h.depth() > h.ids() || h.ids() < 0
          || h.ids() >= 1L << (64 - TraceLog.ORDINAL_BITS - 1)
          || h.distinct() < 0 || h.distinct() > h.ids() || h.generated() < h.distinct()
          || h.millis() < 0 || h.fingerprints() != h.distinct() || h.frontier() < 0
          || h.frontier() > h.distinct()) {
        throw in.refused("damaged: inconsistent counters in the header");
      }
      return h;
    } catch (java.io.EOFException | java.io.UTFDataFormatException e) {
      throw in.refused("damaged: a header shorter than its fields");
    }
  }

  private static void readVisited(Sections.Reader in, Header h, FingerprintTable visited)
      throws IOException {
    long length = in.begin(VISITED, "visited");
    if (length != 1 + 8 * h.fingerprints() && length != 1 + 8 * (h.fingerprints() - 1)) {
      throw in.refused("damaged: the visited section holds " + length + " bytes for "
          + h.fingerprints() + " fingerprints");
    }
    int zero = in.getByte();
    if (zero != 0 && zero != 1 || length != 1 + 8 * (h.fingerprints() - zero)) {
      throw in.refused("damaged: the visited section does not match its count");
    }
    // Sized once for all of them: adding in table order to a growing table is quadratic.
    visited.reserve(h.fingerprints());
    if (zero == 1) visited.add(0);
    for (long i = zero; i < h.fingerprints(); i++) {
      long fp = in.getLong();
      if (fp == 0 || !visited.add(fp)) throw in.refused("damaged: a repeated fingerprint");
    }
    in.end();
  }

  private static void readLog(Sections.Reader in, Header h, TraceLog log) throws IOException {
    long length = in.begin(LOG, "trace log");
    if (length != 8 * h.ids()) {
      throw in.refused("damaged: the trace log holds " + length + " bytes for " + h.ids()
          + " states");
    }
    long[] buf = new long[TraceLog.RUN];
    for (long first = 0; first < h.ids(); first += buf.length) {
      int n = (int) Math.min(buf.length, h.ids() - first);
      for (int i = 0; i < n; i++) {
        long e = in.getLong();
        if (e < 0 || (e >>> TraceLog.ORDINAL_BITS) - 1 >= h.ids()) {
          throw in.refused("damaged: a trace log entry out of range");
        }
        buf[i] = e;
      }
      log.write(first, buf, n);
    }
    in.end();
  }

  private static void readFrontier(Sections.Reader in, Header h, Frontier next, int blockStates)
      throws IOException {
    long length = in.begin(FRONTIER, "frontier");
    int stride = next.stride();
    if (length != 8L * stride * h.frontier()) {
      throw in.refused("damaged: the frontier holds " + length + " bytes for " + h.frontier()
          + " states");
    }
    for (long left = h.frontier(); left > 0; ) {
      int count = (int) Math.min(blockStates, left);
      long[] data = new long[count * stride];
      for (int i = 0; i < data.length; i++) data[i] = in.getLong();
      for (int k = 0; k < count; k++) {
        if (data[k * stride] < 0 || data[k * stride] >= h.ids()) {
          throw in.refused("damaged: a frontier state numbered out of range");
        }
      }
      next.publish(data, count);
      left -= count;
    }
    in.end();
  }

  /** The fields that differ, as "name: checkpoint X, this run Y"; null when none does. */
  public static String differences(Map<String, String> theirs, Map<String, String> ours) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, String> e : ours.entrySet()) {
      String t = theirs.get(e.getKey());
      if (!Objects.equals(t, e.getValue())) {
        out.add(e.getKey() + ": checkpoint " + (t == null ? "(none)" : t) + ", this run "
            + e.getValue());
      }
    }
    for (String k : theirs.keySet()) {
      if (!ours.containsKey(k)) out.add(k + ": checkpoint " + theirs.get(k) + ", this run (none)");
    }
    return out.isEmpty() ? null : String.join("; ", out);
  }
}
