package poolcheck.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.BitSet;
import poolcheck.explore.store.Checkpoint;
import poolcheck.explore.store.Fingerprint;
import poolcheck.explore.store.FingerprintSet;
import poolcheck.explore.store.TraceLog;

/**
 * Moves a cluster checkpoint to another number of nodes, offline, in one JVM. A global state
 * number is {@code local * nodes + owner}, so every number changes with the node count: each
 * fingerprint and each frontier state goes to the node its fingerprint picks for the new count,
 * every state gets a new number, and every parent link is rewritten to the new numbers.
 *
 * <p>A state already expanded keeps only its fingerprint (in a hash table) and its trace entry
 * (by number), with nothing tying the two together; finding which entry is which state's would
 * mean re-running the model. Nothing needs it: only the coordinator's parent-link lookups read an
 * entry, and they go by number. So those entries are dealt out over the new nodes so that each
 * holds as many entries as fingerprints (which a resume checks), while every frontier state's
 * entry goes to the node that owns its fingerprint and expands it, as a running search would
 * have put it.
 *
 * <p>Every count is checked against the manifest and every fingerprint against the node that
 * should hold it before anything is written. The new node files come first, the manifest last
 * (renamed into place), so a re-hash cut short leaves the directory's manifest naming the old,
 * whole files; re-hashing in place then deletes the old node files.
 */
public final class CheckpointRehash {
  private final Path from;
  private final Manifest old;
  private final int nodes;
  private final int oldNodes;
  private final FingerprintSet[] oldVisited;
  private final PackedStates[] oldEntries;
  private final PackedStates[] oldFrontier;
  private int words = -1;

  private CheckpointRehash(Path from, Manifest old, int nodes) {
    this.from = from;
    this.old = old;
    this.nodes = nodes;
    this.oldNodes = old.nodes();
    this.oldVisited = new FingerprintSet[oldNodes];
    this.oldEntries = new PackedStates[oldNodes];
    this.oldFrontier = new PackedStates[oldNodes];
  }

  /**
   * Re-hashes the checkpoint in {@code from} for {@code nodes} nodes into {@code to} (which may
   * be {@code from}) and returns the new manifest; {@link Checkpoint.Refused} says why not.
   */
  public static Manifest rehash(Path from, int nodes, Path to) throws IOException {
    Manifest old = Manifest.read(from);
    Path manifest = from.resolve(Manifest.FILE);
    if (nodes < 1 || nodes > 1024) {
      throw Manifest.refused(manifest, "cannot re-hash for " + nodes + " nodes: 1 to 1024");
    }
    if (nodes == old.nodes()) {
      throw Manifest.refused(manifest, "the checkpoint is of " + nodes + " nodes already");
    }
    boolean inPlace = Files.exists(to) && Files.isSameFile(from, to);
    if (!inPlace && Files.exists(to.resolve(Manifest.FILE))) {
      throw Manifest.refused(manifest, "cannot re-hash into " + to + ": it holds another "
          + "checkpoint's manifest; give a new or empty directory");
    }
    CheckpointRehash r = new CheckpointRehash(from, old, nodes);
    r.load();
    Manifest moved = r.write(to);
    if (inPlace) {
      for (int p = 0; p < old.nodes(); p++) {
        NodeCheckpoint.prune(from, p, old.nodes(), Integer.MAX_VALUE);
      }
    }
    return moved;
  }

  private void load() throws IOException {
    for (int p = 0; p < oldNodes; p++) {
      NodeCheckpoint.Contents c;
      try {
        c = NodeCheckpoint.read(from, old.run(), old.level(), p, words, old.entries());
      } catch (NoSuchFileException e) {
        throw Manifest.refused(from.resolve(Manifest.FILE), "no checkpoint file of node " + p
            + ": " + e.getFile());
      }
      Path file = NodeCheckpoint.file(from, p, oldNodes, old.level());
      if (c.frontier().count() != old.frontier()[p]) {
        throw refused(file, c.frontier().count() + " states to expand, where the manifest "
            + "says " + old.frontier()[p]);
      }
      words = c.frontier().stride() - 1;
      oldVisited[p] = c.visited();
      oldEntries[p] = c.entries();
      oldFrontier[p] = c.frontier();
    }
  }

  private static Checkpoint.Refused refused(Path file, String why) {
    return Manifest.refused(file, "damaged: " + why);
  }

  private Manifest write(Path to) throws IOException {
    long[] owned = new long[nodes];
    long[] frontierOwned = new long[nodes];
    FingerprintSet[] visited = visited(owned);
    for (int p = 0; p < oldNodes; p++) {
      PackedStates f = oldFrontier[p];
      for (int i = 0; i < f.count(); i++) {
        long fp = Fingerprint.of(f.data(), i * f.stride() + 1, words);
        if (!oldVisited[p].contains(fp)) {
          throw refused(NodeCheckpoint.file(from, p, oldNodes, old.level()),
              "a frontier state whose fingerprint the node does not hold");
        }
        frontierOwned[Ownership.owner(fp, nodes)]++;
      }
      oldVisited[p] = null; // the largest part: let it go before the new entries are made
    }
    for (int q = 0; q < nodes; q++) {
      if (owned[q] > Integer.MAX_VALUE / (words + 1)) {
        throw Manifest.refused(from.resolve(Manifest.FILE), "cannot re-hash for " + nodes
            + " nodes: node " + q + " would hold " + owned[q] + " states, more than one "
            + "node holds; re-hash for more nodes");
      }
    }
    long[][] renumbered = renumber(owned, frontierOwned);
    Files.createDirectories(to);
    for (int q = 0; q < nodes; q++) {
      NodeCheckpoint.write(to, old.run(), old.level(), q, nodes, words,
          new NodeCheckpoint.Contents(visited[q], entries(q, (int) owned[q], renumbered),
              frontier(q, (int) frontierOwned[q], renumbered)));
      visited[q] = null;
    }
    Manifest moved = new Manifest(old.run(), old.level(), old.distinct(), old.generated(),
        old.millis(), owned, frontierOwned, old.identity());
    moved.write(to);
    return moved;
  }

  /** Every node's fingerprints in the set of the node that owns it for the new count. */
  private FingerprintSet[] visited(long[] owned) throws IOException {
    for (int p = 0; p < oldNodes; p++) {
      Path file = NodeCheckpoint.file(from, p, oldNodes, old.level());
      FingerprintSet v = oldVisited[p];
      if (v.hasZero()) owned[ownerChecked(0, p, file)]++;
      for (long fp : v.table()) if (fp != 0) owned[ownerChecked(fp, p, file)]++;
    }
    FingerprintSet[] sets = new FingerprintSet[nodes];
    for (int q = 0; q < nodes; q++) {
      // sized once, as a node's loader does, so that no grow happens while it fills
      sets[q] = new FingerprintSet((int) Math.min(1 << 30, 2 * owned[q] + 2));
    }
    for (int p = 0; p < oldNodes; p++) {
      FingerprintSet v = oldVisited[p];
      if (v.hasZero()) sets[Ownership.owner(0, nodes)].add(0);
      for (long fp : v.table()) if (fp != 0) sets[Ownership.owner(fp, nodes)].add(fp);
    }
    return sets;
  }

  /** The new owner of {@code fp}, once it is sure that old node {@code p} owned it. */
  private int ownerChecked(long fp, int p, Path file) throws IOException {
    if (Ownership.owner(fp, oldNodes) != p) {
      throw refused(file, "a fingerprint of another node's state");
    }
    return Ownership.owner(fp, nodes);
  }

  /**
   * The new global number of every old state, by old node and local number. A frontier state is
   * numbered on the node owning its fingerprint, after that node's share of the expanded
   * states; the expanded states are dealt out in the order of their old numbers, node by node
   * in turn, to fill each node's share.
   */
  private long[][] renumber(long[] owned, long[] frontierOwned) throws IOException {
    long[][] renumbered = new long[oldNodes][];
    BitSet[] inFrontier = new BitSet[oldNodes];
    long[] nextFrontier = new long[nodes];
    long[] share = new long[nodes];
    for (int q = 0; q < nodes; q++) {
      share[q] = owned[q] - frontierOwned[q];
      nextFrontier[q] = share[q];
      if (share[q] < 0) {
        throw refused(from.resolve(Manifest.FILE), "more states to expand than fingerprints");
      }
    }
    int longest = 0;
    for (int p = 0; p < oldNodes; p++) {
      renumbered[p] = new long[oldEntries[p].count()];
      longest = Math.max(longest, oldEntries[p].count());
      inFrontier[p] = new BitSet(oldEntries[p].count());
      PackedStates f = oldFrontier[p];
      for (int i = 0; i < f.count(); i++) {
        int at = i * f.stride();
        int local = (int) Ownership.localOf(f.data()[at], oldNodes);
        if (inFrontier[p].get(local)) {
          throw refused(NodeCheckpoint.file(from, p, oldNodes, old.level()),
              "a state twice in the frontier");
        }
        inFrontier[p].set(local);
        int q = Ownership.owner(Fingerprint.of(f.data(), at + 1, words), nodes);
        renumbered[p][local] = Ownership.global(nextFrontier[q]++, q, nodes);
      }
    }
    long[] filled = new long[nodes];
    int q = 0;
    for (int local = 0; local < longest; local++) {
      for (int p = 0; p < oldNodes; p++) {
        if (local >= renumbered[p].length || inFrontier[p].get(local)) continue;
        // the shares add up to the expanded states: a node with room is always found
        while (filled[q] == share[q]) q = (q + 1) % nodes;
        renumbered[p][local] = Ownership.global(filled[q]++, q, nodes);
        q = (q + 1) % nodes;
      }
    }
    return renumbered;
  }

  /** Node {@code q}'s trace entries, their parent links renumbered. */
  private PackedStates entries(int q, int count, long[][] renumbered) {
    PackedStates log = PackedStates.zeroed(1, count);
    long[] d = log.data();
    long mask = (1L << TraceLog.ORDINAL_BITS) - 1;
    for (int p = 0; p < oldNodes; p++) {
      PackedStates e = oldEntries[p];
      for (int local = 0; local < e.count(); local++) {
        long id = renumbered[p][local];
        if (Ownership.partitionOf(id, nodes) != q) continue;
        long entry = e.get(local);
        long parent = (entry >>> TraceLog.ORDINAL_BITS) - 1;
        long moved = parent < 0 ? -1 : renumbered[Ownership.partitionOf(parent, oldNodes)]
            [(int) Ownership.localOf(parent, oldNodes)];
        d[(int) Ownership.localOf(id, nodes)] = TraceLog.entry(moved, (int) (entry & mask));
      }
    }
    return log;
  }

  /** Node {@code q}'s frontier: the states it owns, with their new numbers. */
  private PackedStates frontier(int q, int count, long[][] renumbered) {
    int stride = words + 1;
    PackedStates next = new PackedStates(stride, count);
    for (int p = 0; p < oldNodes; p++) {
      PackedStates f = oldFrontier[p];
      long[] src = f.data();
      for (int i = 0; i < f.count(); i++) {
        int from = i * stride;
        long id = renumbered[p][(int) Ownership.localOf(src[from], oldNodes)];
        if (Ownership.partitionOf(id, nodes) != q) continue;
        int at = next.append();
        next.data()[at] = id;
        System.arraycopy(src, from + 1, next.data(), at + 1, words);
      }
    }
    return next;
  }
}
