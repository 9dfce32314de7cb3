package poolcheck.cli;

import java.io.PrintWriter;
import java.util.Locale;
import poolcheck.api.SearchProgress;

/** One plain line per report on stderr: readable on a terminal and in a CI log alike. */
final class ProgressLine implements SearchProgress {
  private final PrintWriter err;
  private long lastDistinct;
  private long lastMillis;

  ProgressLine(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void report(long distinct, long generated, long frontier, int depth, long millis) {
    Runtime rt = Runtime.getRuntime();
    long heapMb = (rt.totalMemory() - rt.freeMemory()) >> 20;
    double rate = millis > lastMillis ? (distinct - lastDistinct) * 1000.0 / (millis - lastMillis)
        : 0;
    lastDistinct = distinct;
    lastMillis = millis;
    err.printf(Locale.ROOT, "progress: %,d distinct, %,.0f states/s, frontier %,d, depth %d, "
        + "heap %,d MB of %,d MB, %.0f s%n", distinct, rate, frontier, depth, heapMb,
        rt.maxMemory() >> 20, millis / 1000.0);
    err.flush();
  }

  @Override
  public void begins(String search) {
    lastDistinct = 0;
    lastMillis = 0;
    err.printf(Locale.ROOT, "progress: %s%n", search);
    err.flush();
  }

  @Override
  public void loading(String section, long done, long total, long millis) {
    err.printf(Locale.ROOT, "progress: resuming: loading the checkpoint's %s, %,d of %,d MB, "
        + "%.0f s%n", section, done >> 20, total >> 20, millis / 1000.0);
    err.flush();
  }

  @Override
  public void liveness(String phase, long done, long total, long millis) {
    Runtime rt = Runtime.getRuntime();
    long heapMb = (rt.totalMemory() - rt.freeMemory()) >> 20;
    if (phase.equals("graph")) {
      err.printf(Locale.ROOT, "progress: liveness: graph, %,d of %,d states expanded, heap %,d MB "
          + "of %,d MB, %.0f s%n", done, total, heapMb, rt.maxMemory() >> 20, millis / 1000.0);
    } else {
      err.printf(Locale.ROOT, "progress: liveness: %s (%d of %d), heap %,d MB of %,d MB, %.0f s%n",
          phase, done + 1, total, heapMb, rt.maxMemory() >> 20, millis / 1000.0);
    }
    err.flush();
  }

  @Override
  public void swarm(int finished, int running, int searches, long stored, long generated,
      long millis) {
    Runtime rt = Runtime.getRuntime();
    err.printf(Locale.ROOT, "progress: swarm: %,d of %,d searches ended, %,d running, %,d states "
        + "stored, %,d generated, heap %,d MB of %,d MB, %.0f s%n", finished, searches, running,
        stored, generated, (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20,
        millis / 1000.0);
    err.flush();
  }
}
