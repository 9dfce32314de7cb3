package poolcheck.explore.liveness;

import java.util.Arrays;

/**
 * The liveness graph's edges in discovery order: each edge's target state and the process
 * instance that takes it, in chunks that are never copied. Why chunks: at the hundreds of
 * millions of edges of a large unreduced graph, an array grown by copying holds the old and the
 * new one at once (2.5 times the data at half again growth) and a trim at the end copies all of
 * it once more; that peak, not the data, decided which configurations ran out of heap.
 */
final class Edges {
  private static final int SHIFT = 18;
  private static final int CHUNK = 1 << SHIFT;
  private static final int MASK = CHUNK - 1;
  private int[][] targets = new int[4][];
  private byte[][] instances = new byte[4][];
  private int size;

  int size() {
    return size;
  }

  void add(int target, int instance) {
    if (size == Integer.MAX_VALUE - 8) {
      throw new LivenessChecker.TooLarge("more than 2,147,483,639 edges");
    }
    int c = size >>> SHIFT;
    if (c == targets.length) {
      targets = Arrays.copyOf(targets, c * 2);
      instances = Arrays.copyOf(instances, c * 2);
    }
    if (targets[c] == null) {
      targets[c] = new int[CHUNK];
      instances[c] = new byte[CHUNK];
    }
    targets[c][size & MASK] = target;
    instances[c][size & MASK] = (byte) instance;
    size++;
  }

  int target(int e) {
    return targets[e >>> SHIFT][e & MASK];
  }

  int instance(int e) {
    return instances[e >>> SHIFT][e & MASK];
  }
}
