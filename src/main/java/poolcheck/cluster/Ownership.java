package poolcheck.cluster;

/**
 * Which partition owns a state and how global state numbers are made. The owner comes from the
 * fingerprint's high half (the visited set probes from the low bits, so the two stay
 * independent); a global number is {@code local * partitions + owner}, so parent links name their
 * partition without a table.
 */
final class Ownership {
  private Ownership() {}

  static int owner(long fingerprint, int partitions) {
    return (int) (((fingerprint >>> 32) * partitions) >>> 32);
  }

  static long global(long local, int partition, int partitions) {
    return local * partitions + partition;
  }

  static int partitionOf(long global, int partitions) {
    return (int) (global % partitions);
  }

  static long localOf(long global, int partitions) {
    return global / partitions;
  }
}
