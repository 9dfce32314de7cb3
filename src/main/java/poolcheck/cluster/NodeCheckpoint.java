package poolcheck.cluster;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import poolcheck.explore.store.Checkpoint;
import poolcheck.explore.store.Disk;
import poolcheck.explore.store.Fingerprint;
import poolcheck.explore.store.FingerprintSet;
import poolcheck.explore.store.Sections;
import poolcheck.explore.store.TraceLog;

/**
 * One partition's share of a level boundary on disk: its fingerprints, trace entries and the
 * frontier it expands next. The framing is the single-machine checkpoint's ({@link Sections}:
 * per section a tag, a length and a CRC32C), written to a temporary file, forced and renamed, so
 * a node killed while writing leaves the previous file whole. One file per level
 * ({@link #file}): the coordinator's {@link Manifest} names the last level every node finished,
 * and a node deletes its older files only once a newer level is complete everywhere.
 *
 * <p>A reader trusts nothing before its checksum and checks every count against the manifest
 * before allocating: a file of another run, another partition or another level, or whose parent
 * links point past what the other partitions hold, is refused with what is wrong.
 */
final class NodeCheckpoint {
  private static final long MAGIC = 0x706f6f6c6e6f6465L; // "poolnode"
  static final int VERSION = 1;
  private static final int HEADER = 1;
  private static final int VISITED = 2;
  private static final int ENTRIES = 3;
  private static final int FRONTIER = 4;
  private static final int END = 5;
  private static final int HEADER_BYTES = 8 + 4 + 4 + 4 + 4 + 8 + 8 + 8;

  private NodeCheckpoint() {}

  /** What a partition keeps between levels. */
  record Contents(FingerprintSet visited, PackedStates entries, PackedStates frontier) {}

  /** Which node file holds {@code me}'s share of the boundary before expanding {@code level}. */
  static Path file(Path dir, int me, int partitions, int level) {
    return dir.resolve("node-" + me + "-of-" + partitions + ".level-" + level + ".ckpt");
  }

  static void write(Path dir, long run, int level, int me, int partitions, int words,
      Contents c) throws IOException {
    long fingerprints = c.visited().size();
    Sections.write(file(dir, me, partitions, level), Disk.REAL, MAGIC, VERSION, END, out -> {
      out.begin(HEADER, HEADER_BYTES);
      out.bytes(ByteBuffer.allocate(HEADER_BYTES).putLong(run).putInt(me).putInt(partitions)
          .putInt(level).putInt(words).putLong(c.entries().count()).putLong(fingerprints)
          .putLong(c.frontier().count()).array());
      out.end();
      boolean zero = c.visited().hasZero();
      out.begin(VISITED, 1 + 8 * (fingerprints - (zero ? 1 : 0)));
      out.putByte(zero ? 1 : 0);
      for (long fp : c.visited().table()) {
        if (fp != 0) out.putLong(fp);
      }
      out.end();
      putAll(out, ENTRIES, c.entries());
      putAll(out, FRONTIER, c.frontier());
    });
  }

  private static void putAll(Sections.Writer out, int tag, PackedStates s) throws IOException {
    long n = (long) s.count() * s.stride();
    out.begin(tag, 8 * n);
    long[] data = s.data();
    for (int i = 0; i < n; i++) out.putLong(data[i]);
    out.end();
  }

  /**
   * Reads {@code me}'s file of {@code level}, or throws {@link Checkpoint.Refused} saying why it
   * cannot be resumed. {@code entries} is every partition's state count in the manifest;
   * {@code words} the state layout's, or -1 to take the file's (a re-hash knows no model).
   */
  static Contents read(Path dir, long run, int level, int me, int words, long[] entries)
      throws IOException {
    int partitions = entries.length;
    Path file = file(dir, me, partitions, level);
    if (!Files.exists(file)) throw new NoSuchFileException(file.toString());
    try (Sections.Reader in = new Sections.Reader(file, Disk.REAL.open(file,
        StandardOpenOption.READ), Checkpoint.Watch.NONE)) {
      ByteBuffer magic = in.raw(12);
      if (magic.getLong() != MAGIC) throw in.refused("not a poolcheck node checkpoint");
      int version = magic.getInt();
      if (version != VERSION) {
        throw in.refused("written by node checkpoint format " + version + ", this poolcheck "
            + "reads format " + VERSION + "; start the run afresh");
      }
      if (in.begin(HEADER, "header") != HEADER_BYTES) {
        throw in.refused("damaged: a header of the wrong size");
      }
      ByteBuffer h = ByteBuffer.wrap(in.bytes(HEADER_BYTES));
      in.end();
      long theirRun = h.getLong();
      int theirMe = h.getInt();
      int theirParts = h.getInt();
      int theirLevel = h.getInt();
      int theirWords = h.getInt();
      long count = h.getLong();
      long fingerprints = h.getLong();
      long frontier = h.getLong();
      if (theirRun != run) throw in.refused("the node checkpoint is of another run");
      if (theirMe != me || theirParts != partitions || theirLevel != level) {
        throw in.refused("the node checkpoint is of node " + theirMe + " of " + theirParts
            + " at level " + theirLevel + ", expected node " + me + " of " + partitions
            + " at level " + level);
      }
      if (words >= 0 && theirWords != words || theirWords < 1 || theirWords > 1 << 16) {
        throw in.refused("the node checkpoint has another state layout");
      }
      if (count != entries[me] || fingerprints != count || frontier < 0 || frontier > count) {
        throw in.refused("damaged: " + count + " states, " + fingerprints + " fingerprints and "
            + frontier + " to expand, where the manifest says " + entries[me] + " states");
      }
      FingerprintSet visited = readVisited(in, count);
      PackedStates log = readEntries(in, count, entries);
      PackedStates next = readFrontier(in, me, theirWords, frontier, entries);
      in.begin(END, "end");
      in.end();
      if (in.left() != 0) throw in.refused("damaged: bytes after the end section");
      return new Contents(visited, log, next);
    }
  }

  private static FingerprintSet readVisited(Sections.Reader in, long count) throws IOException {
    long length = in.begin(VISITED, "visited");
    int zero = length == 1 + 8 * count ? 0 : 1;
    if (length != 1 + 8 * (count - zero) || in.getByte() != zero) {
      throw in.refused("damaged: the visited section does not match its count");
    }
    // sized once, so that no grow happens while it fills
    FingerprintSet visited = new FingerprintSet((int) Math.min(1 << 30, 2 * count + 2));
    if (zero == 1) visited.add(0);
    for (long i = zero; i < count; i++) {
      long fp = in.getLong();
      if (fp == 0 || !visited.add(fp)) throw in.refused("damaged: a repeated fingerprint");
    }
    in.end();
    return visited;
  }

  private static PackedStates readEntries(Sections.Reader in, long count, long[] entries)
      throws IOException {
    if (in.begin(ENTRIES, "trace entries") != 8 * count) {
      throw in.refused("damaged: the trace entries do not match their count");
    }
    int partitions = entries.length;
    PackedStates log = new PackedStates(1, (int) count);
    for (long i = 0; i < count; i++) {
      long e = in.getLong();
      long parent = (e >>> TraceLog.ORDINAL_BITS) - 1;
      if (e < 0 || parent >= 0 && Ownership.localOf(parent, partitions)
          >= entries[Ownership.partitionOf(parent, partitions)]) {
        throw in.refused("damaged: a trace entry whose parent no node holds");
      }
      log.add(e);
    }
    in.end();
    return log;
  }

  private static PackedStates readFrontier(Sections.Reader in, int me, int words, long frontier,
      long[] entries) throws IOException {
    int stride = words + 1;
    if (in.begin(FRONTIER, "frontier") != 8L * stride * frontier) {
      throw in.refused("damaged: the frontier does not match its count");
    }
    int partitions = entries.length;
    PackedStates next = new PackedStates(stride, (int) frontier);
    for (long i = 0; i < frontier; i++) {
      int at = next.append();
      long[] d = next.data();
      for (int w = 0; w < stride; w++) d[at + w] = in.getLong();
      long id = d[at];
      if (id < 0 || Ownership.partitionOf(id, partitions) != me
          || Ownership.localOf(id, partitions) >= entries[me]
          || Ownership.owner(Fingerprint.of(d, at + 1, words), partitions) != me) {
        throw in.refused("damaged: a frontier state this node does not own");
      }
    }
    in.end();
    return next;
  }

  /** Deletes {@code me}'s files of levels before {@code keepFrom}: a later one is complete. */
  static void prune(Path dir, int me, int partitions, int keepFrom) throws IOException {
    String prefix = "node-" + me + "-of-" + partitions + ".level-";
    try (var files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String name = f.getFileName().toString();
        if (!name.startsWith(prefix) || !name.endsWith(".ckpt")) continue;
        String level = name.substring(prefix.length(), name.length() - ".ckpt".length());
        if (level.matches("-?[0-9]{1,9}") && Integer.parseInt(level) < keepFrom) {
          Files.deleteIfExists(f);
        }
      }
    }
  }
}
