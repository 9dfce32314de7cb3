package poolcheck.proofs;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Compiler;
import poolcheck.system.Property;
import poolcheck.explore.EachProperty;
import poolcheck.explore.SearchOptions;
import poolcheck.language.ModelException;
import poolcheck.language.ModelLoader;
import poolcheck.language.ParsedModel;
import poolcheck.result.CheckResult;
import poolcheck.result.Verdict;
import poolcheck.trace.JsonResult;

/**
 * Produces ledger records by one exhaustive run per row ({@link EachProperty}): the reachable
 * state space, and for each property the verdict and shortest trace of a run checking it alone.
 */
public final class Prover {
  /** A record with the files that go beside it (trace JSON by file name). */
  public record Proof(ProofRecord record, Map<String, String> traces) {}

  /**
   * The engine and defaults of {@code poolcheck check} and the API, with two overrides: one
   * worker, so that the committed traces are the same on every run (with more, which of several
   * equally short traces is found may vary), and exact states, so that "holds" never rests on
   * 64-bit fingerprints not colliding.
   */
  static final SearchOptions OPTIONS = SearchOptions.defaults().withWorkers(1)
      .withStore(SearchOptions.Store.EXACT);

  private Prover() {}

  /** The configurations to prove a model at: its declared ones, or its defaults. */
  public static List<String> configurations(Path file) throws IOException, ModelException {
    CompiledModel m = Compiler.compile(ModelLoader.load(file));
    return m.configurations().isEmpty() ? List.of("default") : m.configurations();
  }

  public static Proof prove(Path file, String displayName, String configuration)
      throws IOException, ModelException {
    ParsedModel parsed = ModelLoader.load(file);
    CompiledModel m = Compiler.compile(parsed, Map.of(),
        configuration.equals("default") ? null : configuration);
    EachProperty search = new EachProperty(m, OPTIONS);
    EachProperty.Report report = search.run();
    if (!report.liftFailures().isEmpty()) {
      // The verdict would stand (the unreduced graph decided), but a record of the ledger must
      // not rest on a path that means a fingerprint collision or a flaw in the lifting argument.
      throw new IllegalStateException(displayName + " (" + configuration + "): a liveness lasso "
          + "found under symmetry reduction did not lift to the model: "
          + String.join("; ", report.liftFailures()));
    }
    CheckResult all = report.reachable();
    ProofRecord.Coverage coverage = all.verdict() == Verdict.VERIFIED
        ? coverage(search.coverage(), displayName, file) : null;
    ProofRecord.Reachable reachable = new ProofRecord.Reachable(verdict(all),
        all.statistics().distinct(), all.statistics().depth(),
        all.counterexample().map(cx -> cx.property().name()).orElse(null));
    List<ProofRecord.PropertyOutcome> outcomes = new ArrayList<>();
    Map<String, String> traces = new java.util.LinkedHashMap<>();
    List<Property> checked = m.properties().stream()
        .filter(p -> p.kind() != Property.Kind.RUNTIME).toList();
    for (int i = 0; i < checked.size(); i++) {
      Property p = checked.get(i);
      CheckResult r = report.properties().get(i);
      String verdict;
      Integer length = null;
      String traceFile = null;
      String stoppedBy = null;
      if (r.verdict() == Verdict.VIOLATED) {
        var cx = r.counterexample().orElseThrow();
        if (cx.property().name().equals(p.name())) {
          verdict = "violated";
          length = cx.length();
          traceFile = configuration + "." + p.name() + ".json";
          traces.put(traceFile, JsonResult.render(withoutTimings(r)));
        } else {
          verdict = "not decided";
          stoppedBy = cx.property().name();
        }
      } else {
        verdict = verdict(r);
      }
      outcomes.add(new ProofRecord.PropertyOutcome(p.name(),
          p.kind().name().toLowerCase(Locale.ROOT), verdict, r.statistics().distinct(), length,
          traceFile, stoppedBy));
    }
    ProofRecord record = new ProofRecord(m.name(), displayName, parsed.textDigest(), configuration,
        m.constants(), reachable, coverage, ImmutableList.copyOf(outcomes));
    return new Proof(record, traces);
  }

  /**
   * The record's view of a run's coverage. Positions name files as the model's display name
   * does (relative to the project), so the record does not depend on where it was made.
   */
  private static ProofRecord.Coverage coverage(poolcheck.result.Coverage c,
      String displayName, Path file) {
    String shown = file.toString();
    String prefix = shown.endsWith(displayName)
        ? shown.substring(0, shown.length() - displayName.length()) : "";
    ImmutableList<String> vacuous = c.warnings().stream()
        .filter(w -> !w.kind().equals("unreached"))
        .map(w -> prefix.isEmpty() ? w.text() : w.text().replace(prefix, ""))
        .collect(ImmutableList.toImmutableList());
    return new ProofRecord.Coverage(c.unreached(), vacuous, c.atomicEscapes());
  }

  private static String verdict(CheckResult r) {
    return switch (r.verdict()) {
      case VERIFIED -> "holds";
      case VIOLATED -> "violated";
      case INCOMPLETE, INTERRUPTED -> "incomplete";
    };
  }

  /** Traces in the ledger must not change from run to run: drop the clock. */
  private static CheckResult withoutTimings(CheckResult r) {
    var s = r.statistics();
    return new CheckResult(r.model(), r.constants(), r.checked(), r.verdict(),
        new poolcheck.result.Statistics(s.generated(), s.distinct(), s.depth(), 0, 1, 0),
        r.counterexample(), r.reason());
  }
}
