package poolcheck.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import poolcheck.cluster.CheckpointRehash;
import poolcheck.cluster.Manifest;
import poolcheck.explore.store.Checkpoint;

/** A cluster checkpoint moved offline to another number of nodes (docs/cluster.md). */
public final class ClusterCheckpoint {
  private ClusterCheckpoint() {}

  /**
   * What a re-hash wrote: the level it resumes at, its states, and per new node the states it
   * holds and the states it expands next.
   */
  public record Rehashed(Path dir, int level, long distinct, int fromNodes, List<Long> states,
      List<Long> frontier) {}

  /**
   * Re-hashes the checkpoint in {@code dir} for {@code nodes} nodes into {@code out} (null: in
   * place); an {@link IOException} names the file and what is wrong with it.
   */
  public static Rehashed rehash(Path dir, int nodes, Path out) throws IOException {
    Path to = out == null ? dir : out;
    int from = Manifest.read(dir).nodes();
    Manifest m = CheckpointRehash.rehash(dir, nodes, to);
    return new Rehashed(to, m.level(), m.distinct(), from, boxed(m.entries()),
        boxed(m.frontier()));
  }

  /**
   * The checkpoint a resume loads (its directory and manifest), and where the resumed run
   * writes its own checkpoints.
   */
  public static final class Resumable {
    private final Path dir;
    private final Manifest manifest;
    private final Path checkpoints;

    Resumable(Path dir, Manifest manifest, Path checkpoints) {
      this.dir = dir;
      this.manifest = manifest;
      this.checkpoints = checkpoints;
    }

    /** The directory the run resumes from: the one given, or its re-hashed copy. */
    public Path dir() {
      return dir;
    }

    /** Where the resumed run writes its checkpoints. */
    public Path checkpoints() {
      return checkpoints;
    }

    /** The level the run resumes at. */
    public int level() {
      return manifest.level();
    }

    /** The states the checkpoint holds. */
    public long distinct() {
      return manifest.distinct();
    }

    /** The nodes the checkpoint in {@link #dir()} is for. */
    public int nodes() {
      return manifest.nodes();
    }

    Manifest manifest() {
      return manifest;
    }
  }

  /**
   * The checkpoint in {@code dir} ready for a run of {@code nodes} nodes with this
   * {@code identity}: as it is when as many nodes wrote it; else re-hashed into a new directory
   * beside it, said to {@code notices}, so that the checkpoint the user named stays whole
   * whatever becomes of the resumed run. The run checkpoints into {@code checkpoint}, or when
   * that is null into the directory it resumes from; never into a re-hashed checkpoint's
   * original, which would mix node files of two node counts and replace its manifest. Another run's checkpoint is refused before any node
   * file is read; an incomplete or damaged one is refused by the re-hash, which reads and checks
   * every node file before it writes anything, and whatever it wrote is removed.
   */
  public static Resumable forResume(Path dir, Map<String, String> identity, int nodes,
      Path checkpoint, Consumer<String> notices) throws IOException {
    Manifest m = Manifest.read(dir, identity);
    if (m.nodes() == nodes) return new Resumable(dir, m, checkpoint == null ? dir : checkpoint);
    Path to = beside(dir, nodes);
    Manifest moved;
    try {
      moved = CheckpointRehash.rehash(dir, nodes, to);
    } catch (Checkpoint.Refused e) {
      removeNew(to);
      throw new Checkpoint.Refused(e.getMessage() + " (the checkpoint is of " + m.nodes()
          + " nodes and this run has " + nodes + "; an incomplete or damaged checkpoint is not "
          + "re-hashed, and nothing was resumed)");
    } catch (IOException e) {
      removeNew(to);
      throw new IOException("cannot re-hash the checkpoint in " + dir + " for " + nodes
          + " nodes into " + to + ": " + e.getMessage(), e);
    } catch (RuntimeException | Error e) {
      removeNew(to);
      throw e;
    }
    boolean elsewhere = checkpoint != null && !checkpoint.toAbsolutePath().normalize().equals(
        dir.toAbsolutePath().normalize());
    notices.accept("resume: the checkpoint in " + dir + " is of " + m.nodes() + " nodes and "
        + "this run has " + nodes + ": re-hashed level " + moved.level() + " ("
        + String.format("%,d", moved.distinct()) + " states) into " + to + ", which the run "
        + "resumes from and " + (elsewhere ? "checkpoints into " + checkpoint
            : "checkpoints into") + "; " + dir + " is left as it was");
    return new Resumable(to, moved, elsewhere ? checkpoint : to);
  }

  /**
   * A directory beside {@code dir} that does not exist yet: {@code DIR.for-N-nodes}, or with a
   * number after it when an earlier resume took that name.
   */
  private static Path beside(Path dir, int nodes) throws IOException {
    Path abs = dir.toAbsolutePath().normalize();
    if (abs.getParent() == null) {
      throw new IOException(dir + ": cannot resume: the checkpoint is of another number of "
          + "nodes, and there is no directory beside it to re-hash it into");
    }
    String name = abs.getFileName() + ".for-" + nodes + "-nodes";
    Path to = abs.resolveSibling(name);
    for (int n = 2; Files.exists(to); n++) to = abs.resolveSibling(name + "." + n);
    return to;
  }

  /** Removes {@code to}, which {@link #beside} found absent: all in it is the re-hash's. */
  private static void removeNew(Path to) {
    if (!Files.exists(to)) return;
    try (var walk = Files.walk(to)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (IOException | RuntimeException ignored) {
      // what is left has no manifest, so nothing resumes from it; the refusal matters more
    }
  }

  private static List<Long> boxed(long[] a) {
    return Arrays.stream(a).boxed().toList();
  }
}
