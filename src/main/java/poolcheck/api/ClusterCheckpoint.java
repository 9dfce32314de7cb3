package poolcheck.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import poolcheck.cluster.CheckpointRehash;
import poolcheck.cluster.Manifest;

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

  private static List<Long> boxed(long[] a) {
    return Arrays.stream(a).boxed().toList();
  }
}
