package poolcheck.selfcheck;

import java.util.List;
import java.util.function.Function;
import poolcheck.compile.CompiledModel;
import poolcheck.explore.Explorer;
import poolcheck.result.CheckResult;
import poolcheck.result.Verdict;

/**
 * One way the project searches a whole state space. The cross-check runs every mode on the same
 * models and requires the same verdict and, when verified, the same number of distinct states.
 * To cross-check a new search (parallel workers, fingerprints), add it to {@link #ALL}.
 *
 * <p>Every mode searches the model as given, so on a model with a scalarset every mode reduces
 * by symmetry (on by default). A mode without reduction has no place here: its distinct count
 * is larger by design; SymmetryCrossCheckTest compares reduced with unreduced search instead.
 */
record SearchMode(String name, Function<CompiledModel, Outcome> search) {
  /** What every mode must agree on; {@code distinct} is compared only for VERIFIED. */
  record Outcome(Verdict verdict, long distinct) {}

  static Outcome of(CheckResult r) {
    return new Outcome(r.verdict(), r.statistics().distinct());
  }

  static final List<SearchMode> ALL = List.of(
      new SearchMode("bfs", m -> of(new Explorer(m).run())),
      new SearchMode("reference", ReferenceSearch::run)
      // new SearchMode("parallel-2", m -> of(new Explorer(m).workers(2).run())),
      // new SearchMode("fingerprint", m -> of(new Explorer(m).fingerprints(true).run())),
  );

  Outcome run(CompiledModel m) {
    return search.apply(m);
  }
}
