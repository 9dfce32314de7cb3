package poolcheck.api;

import poolcheck.proofs.Stability;

/** Hands the engine's progress reports (a search's, a stable row's) to a {@link SearchProgress}. */
final class ProgressRelay implements Stability.Watch {
  private final SearchProgress to;

  ProgressRelay(SearchProgress to) {
    this.to = to;
  }

  @Override
  public void report(long distinct, long generated, long frontier, int depth, long millis) {
    to.report(distinct, generated, frontier, depth, millis);
  }

  @Override
  public void loading(String section, long done, long total, long millis) {
    to.loading(section, done, total, millis);
  }

  @Override
  public void liveness(String phase, long done, long total, long millis) {
    to.liveness(phase, done, total, millis);
  }

  @Override
  public void begins(String search) {
    to.begins(search);
  }
}
