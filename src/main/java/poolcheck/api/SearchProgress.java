package poolcheck.api;

/** Receives figures while an exhaustive search runs, from the search's own thread. */
public interface SearchProgress {
  void report(long distinct, long generated, long frontier, int depth, long millis);

  /** While a checkpoint loads: {@code done} of {@code total} bytes of one of its sections. */
  default void loading(String section, long done, long total, long millis) {}
}
