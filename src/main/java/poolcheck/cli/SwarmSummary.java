package poolcheck.cli;

import java.util.Locale;
import poolcheck.api.ModelCheckResult;
import poolcheck.api.Statistics;
import poolcheck.api.SwarmFigures;

/** The lines after a swarm: its verdict, never "verified", and what its searches covered. */
final class SwarmSummary {
  private SwarmSummary() {}

  static String of(ModelCheckResult r, SwarmFigures w) {
    Statistics s = r.statistics();
    String head = switch (r.verdict()) {
      case VIOLATED -> {
        var cx = r.counterexample().orElseThrow();
        yield "violated: " + cx.property() + " (" + cx.kind() + "), trace " + cx.length()
            + " steps, shrunk from " + w.foundLength() + " found by search " + w.foundBy()
            + " (--swarm 1 --seed " + (w.seed() + w.foundBy()) + " repeats it)";
      }
      case INTERRUPTED -> "interrupted: no violation found so far";
      default -> w.finished()
          ? "no violation found (swarm of " + w.searches() + " bitstate searches, not a proof: "
              + "each skipped the states its bit array took for seen and went at most "
              + String.format(Locale.ROOT, "%,d", w.depthBound()) + " steps deep)"
          : "incomplete: " + r.reason() + "; no violation found so far";
    };
    long done = w.perSearch().stream().filter(SwarmFigures.Search::finished).count();
    return head + String.format(Locale.ROOT, "%nabout %,.0f distinct states in the union of the "
        + "searches (estimate), %,d stored in all, %,d generated, %.2f s", w.unionEstimate(),
        w.storedInAll(), s.generated(), s.millis() / 1000.0)
        + String.format(Locale.ROOT, "%nswarm: %,d searches on %d thread%s, seed %d, %,d bits "
            + "and %d hash functions each, depth bound %,d; %,d started, %,d ran to their end",
            w.searches(), w.threads(), w.threads() == 1 ? "" : "s", w.seed(), w.bitsPerSearch(), w.hashFunctions(),
            w.depthBound(), w.perSearch().size(), done);
  }
}
