package poolcheck.cluster;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import poolcheck.explore.store.Checkpoint;

/**
 * The coordinator's record of the last level boundary every node has checkpointed: which run,
 * which level, the counts so far, each node's state and frontier counts (which its file must
 * match), and what identifies the run (poolcheck version, model text digest, configuration,
 * constants, properties, options), which a resume must match field by field. Plain text, so that
 * a person can read it, closed by a CRC32C of everything before it; written to a temporary file,
 * forced and renamed, and only after every node's file of that level is on disk.
 *
 * <p>{@code level} is the level expanded next: 0 means the initial states are in the frontier.
 */
public record Manifest(long run, int level, long distinct, long generated, long millis,
    long[] entries, long[] frontier, Map<String, String> identity) {
  public static final String FILE = "manifest.txt";
  private static final String FIRST = "poolcheck cluster checkpoint 1";

  public int nodes() {
    return entries.length;
  }

  public void write(Path dir) throws IOException {
    StringBuilder b = new StringBuilder(FIRST).append('\n');
    b.append("run ").append(Long.toHexString(run)).append('\n');
    b.append("level ").append(level).append('\n');
    b.append("distinct ").append(distinct).append('\n');
    b.append("generated ").append(generated).append('\n');
    b.append("millis ").append(millis).append('\n');
    b.append("nodes ").append(entries.length).append('\n');
    for (int i = 0; i < entries.length; i++) {
      b.append("node ").append(i).append(' ').append(entries[i]).append(' ')
          .append(frontier[i]).append('\n');
    }
    for (Map.Entry<String, String> e : identity.entrySet()) {
      // a key never holds '=' (escaped), so the first '=' ends it
      b.append("identity ").append(escape(e.getKey()).replace("=", "\\e")).append('=')
          .append(escape(e.getValue())).append('\n');
    }
    byte[] body = b.toString().getBytes(StandardCharsets.UTF_8);
    CRC32C crc = new CRC32C();
    crc.update(body);
    byte[] last = String.format("crc32c %08x%n", crc.getValue()).getBytes(StandardCharsets.UTF_8);
    Files.createDirectories(dir);
    Path tmp = dir.resolve(FILE + ".tmp");
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      ch.write(java.nio.ByteBuffer.wrap(body));
      ch.write(java.nio.ByteBuffer.wrap(last));
      ch.force(true);
    } catch (IOException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * The manifest in {@code dir}, checked against this run's {@code identity} and number of
   * {@code nodes}; {@link Checkpoint.Refused} says what is wrong.
   */
  public static Manifest read(Path dir, Map<String, String> identity, int nodes)
      throws IOException {
    Manifest m = read(dir, identity);
    Path file = dir.resolve(FILE);
    if (m.nodes() != nodes) {
      throw refused(file, "written by " + m.nodes() + " nodes, this run has " + nodes
          + "; resume on " + m.nodes() + " nodes, or re-hash the checkpoint for " + nodes
          + " first (poolcheck checkpoint rehash " + dir + " --nodes " + nodes + ")");
    }
    return m;
  }

  /**
   * The manifest in {@code dir}, checked against this run's {@code identity} whatever number of
   * nodes wrote it.
   */
  public static Manifest read(Path dir, Map<String, String> identity) throws IOException {
    Manifest m = read(dir);
    String differs = Checkpoint.differences(m.identity(), identity);
    if (differs != null) {
      throw refused(dir.resolve(FILE), "the checkpoint is of another run: " + differs
          + "; resume with the same poolcheck, model, configuration and options, or start afresh");
    }
    return m;
  }

  /** The manifest in {@code dir} whatever run it is of, its checksum and counts checked. */
  public static Manifest read(Path dir) throws IOException {
    Path file = dir.resolve(FILE);
    if (!Files.exists(file)) {
      throw refused(file, "no cluster checkpoint here (a cluster run writes " + FILE
          + " once every node has checkpointed a level)");
    }
    if (Files.size(file) > 1 << 20) throw refused(file, "damaged: larger than a manifest");
    byte[] all = Files.readAllBytes(file);
    String text = new String(all, StandardCharsets.UTF_8);
    int cut = text.lastIndexOf("crc32c ");
    if (cut < 0 || !text.endsWith("\n")) throw refused(file, "truncated: no checksum line");
    CRC32C crc = new CRC32C();
    crc.update(text.substring(0, cut).getBytes(StandardCharsets.UTF_8));
    if (!text.substring(cut).equals(String.format("crc32c %08x%n", crc.getValue()))) {
      throw refused(file, "damaged: the checksum does not match");
    }
    return parse(file, text.substring(0, cut).lines().toList());
  }

  private static Manifest parse(Path file, List<String> lines) throws IOException {
    Lines in = new Lines(file, lines);
    if (!in.next().equals(FIRST)) throw in.wrong("'" + FIRST + "'");
    long run = Long.parseUnsignedLong(in.field("run", "[0-9a-f]{1,16}"), 16);
    int level = Integer.parseInt(in.field("level", "[0-9]{1,9}"));
    long distinct = Long.parseLong(in.field("distinct", "[0-9]{1,18}"));
    long generated = Long.parseLong(in.field("generated", "[0-9]{1,18}"));
    long millis = Long.parseLong(in.field("millis", "[0-9]{1,18}"));
    int nodes = Integer.parseInt(in.field("nodes", "[0-9]{1,4}"));
    if (nodes < 1) throw in.wrong("at least one node");
    long[] entries = new long[nodes];
    long[] frontier = new long[nodes];
    long sum = 0;
    for (int i = 0; i < nodes; i++) {
      String[] f = in.field("node", i + " [0-9]{1,18} [0-9]{1,18}").split(" ");
      entries[i] = Long.parseLong(f[1]);
      frontier[i] = Long.parseLong(f[2]);
      if (frontier[i] > entries[i]) throw in.wrong("no more states to expand than held");
      sum += entries[i];
    }
    Map<String, String> identity = new LinkedHashMap<>();
    while (in.more()) {
      String v = in.field("identity", "[^=]+=.*");
      int eq = v.indexOf('=');
      identity.put(unescape(v.substring(0, eq)), unescape(v.substring(eq + 1)));
    }
    if (sum != distinct || generated < distinct) {
      throw refused(file, "damaged: the node counts do not add up to " + distinct + " states");
    }
    return new Manifest(run, level, distinct, generated, millis, entries, frontier, identity);
  }

  /** The manifest's lines, read one field at a time, with the line number for errors. */
  private static final class Lines {
    private final Path file;
    private final List<String> lines;
    private int at;

    Lines(Path file, List<String> lines) {
      this.file = file;
      this.lines = lines;
    }

    boolean more() {
      return at < lines.size();
    }

    String next() throws IOException {
      if (!more()) throw refused(file, "truncated after line " + at);
      return lines.get(at++);
    }

    String field(String name, String value) throws IOException {
      String line = next();
      if (!line.startsWith(name + " ") || !line.substring(name.length() + 1).matches(value)) {
        throw wrong("'" + name + " " + value + "'");
      }
      return line.substring(name.length() + 1);
    }

    Checkpoint.Refused wrong(String expected) {
      return refused(file, "damaged: line " + at + ": expected " + expected);
    }
  }

  static Checkpoint.Refused refused(Path file, String why) {
    return new Checkpoint.Refused(file + ": cannot resume: " + why);
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\n", "\\n");
  }

  private static String unescape(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        b.append(n == 'n' ? '\n' : n == 'e' ? '=' : n);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Manifest m && run == m.run && level == m.level && distinct == m.distinct
        && generated == m.generated && millis == m.millis && Arrays.equals(entries, m.entries)
        && Arrays.equals(frontier, m.frontier) && identity.equals(m.identity);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(run) * 31 + level;
  }

  @Override
  public String toString() {
    return "manifest of level " + level + " (" + distinct + " states on " + nodes() + " nodes)";
  }
}
