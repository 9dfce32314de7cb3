package poolcheck.cluster;

import java.util.Locale;

/**
 * What one level of a cluster run did, for its progress line: the totals, and per node the
 * states it added, the successors it generated and how long it took to expand its share. A
 * node's rate is its successors per second of that time; the slowest node is the one that took
 * longest, which is the one every other node waited for.
 */
public record LevelFigures(int level, long distinct, long generated, long frontier, long[] added,
    long[] generatedBy, long[] busyNanos, long millis) {
  /** The node that took longest to expand its share of this level. */
  public int slowest() {
    int slowest = 0;
    for (int i = 1; i < busyNanos.length; i++) if (busyNanos[i] > busyNanos[slowest]) slowest = i;
    return slowest;
  }

  /** Successors per second node {@code i} generated while it expanded (0 when it had none). */
  public long rate(int i) {
    return busyNanos[i] <= 0 ? 0 : Math.round(generatedBy[i] * 1e9 / busyNanos[i]);
  }

  /**
   * "level 7: 1,234 distinct, 3,456 generated, frontier 321, 2.1 s; per node added [..],
   * successors/s [..]; slowest node 2 (0.8 s)".
   */
  public String line() {
    StringBuilder rates = new StringBuilder();
    StringBuilder adds = new StringBuilder();
    for (int i = 0; i < added.length; i++) {
      String sep = i == 0 ? "" : " ";
      adds.append(sep).append(String.format(Locale.ROOT, "%,d", added[i]));
      rates.append(sep).append(String.format(Locale.ROOT, "%,d", rate(i)));
    }
    int s = slowest();
    return String.format(Locale.ROOT, "level %d: %,d distinct, %,d generated, frontier %,d,"
        + " %.1f s; per node added [%s], successors/s [%s]; slowest node %d (%.2f s)", level,
        distinct, generated, frontier, millis / 1000.0, adds, rates, s, busyNanos[s] / 1e9);
  }
}
