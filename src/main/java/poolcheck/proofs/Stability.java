package poolcheck.proofs;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import poolcheck.check.Checker;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Compiler;
import poolcheck.system.Property;
import poolcheck.explore.AllViolations;
import poolcheck.explore.Explorer;
import poolcheck.language.ModelException;
import poolcheck.language.ModelLoader;
import poolcheck.language.ParsedModel;
import poolcheck.result.CheckResult;
import poolcheck.result.Verdict;

/**
 * Checks a ledger row at PAGES + 1 and CONSUMERS + 1: the argument that the shipped bounds
 * suffice is that nothing changes one step beyond them. Where the row's own record runs one
 * search per property (exact states, one worker), the bigger size would take hours that way, so
 * this runs the safety properties together in fingerprint mode on several workers: one search
 * with every safety property checked, and after each violation one more without the properties
 * found so far ({@link AllViolations}); each stops at its violation's depth, and only the last,
 * with no violation left, explores every state. Breadth-first, each property's violation is still
 * its shortest. The liveness properties follow the same way, together, in what is left of the
 * budget; when the safety run did not finish they are not started.
 */
public final class Stability {
  /**
   * How many workers, the wall-clock budget of the whole row, and where the searches keep their
   * trace logs and frontiers and the liveness graph its edges (null: on the heap), as
   * {@code check --spill-dir} does: a row of a hundred million states needed a 19 GB heap for
   * its liveness graph.
   */
  public record Budget(int workers, long seconds, Path spillDir) {
    public Budget(int workers, long seconds) {
      this(workers, seconds, null);
    }
  }

  /** The constants grown by one: PAGES and CONSUMERS. */
  static final List<String> GROWN = List.of("PAGES", "CONSUMERS");

  private Stability() {}

  /**
   * Told as a row's searches run: each one's start, then its progress (every
   * {@link #PROGRESS_MILLIS}), as {@code check} prints them: a row runs for up to an hour.
   */
  public interface Watch extends Explorer.Progress {
    Watch NONE = (distinct, generated, frontier, depth, millis) -> { };

    /** A search begins: the row, the size it is checked at, and what it checks. */
    default void begins(String search) {}
  }

  /** How often a row's searches report progress. */
  static final long PROGRESS_MILLIS = 10_000;

  public static StableRecord check(Path file, String displayName, String configuration,
      Budget budget) throws IOException, ModelException {
    return check(file, displayName, configuration, budget, Watch.NONE);
  }

  /** As {@link #check(Path, String, String, Budget)}, telling {@code watch} how it goes. */
  public static StableRecord check(Path file, String displayName, String configuration,
      Budget budget, Watch watch) throws IOException, ModelException {
    return check(file, displayName, configuration, budget, 1, watch);
  }

  static StableRecord check(Path file, String displayName, String configuration, Budget budget,
      int grow) throws IOException, ModelException {
    return check(file, displayName, configuration, budget, grow, Watch.NONE);
  }

  /**
   * As {@link #check(Path, String, String, Budget)}, growing PAGES and CONSUMERS by {@code
   * grow}: 0 checks the row itself, which is how the tests hold this search to the record's
   * one-search-per-property runs.
   */
  static StableRecord check(Path file, String displayName, String configuration, Budget budget,
      int grow, Watch watch) throws IOException, ModelException {
    ParsedModel parsed = ModelLoader.load(file);
    String config = configuration.equals("default") ? null : configuration;
    CompiledModel base = Compiler.compile(parsed, Map.of(), config);
    Map<String, String> grown = new LinkedHashMap<>();
    for (String c : GROWN) {
      Integer v = base.constants().get(c);
      if (v != null) grown.put(c, Long.toString(v.longValue() + grow));
    }
    CompiledModel m = Compiler.compile(parsed, grown, config);
    long began = System.currentTimeMillis();
    long deadline = began + budget.seconds() * 1000;

    Set<String> safety = new LinkedHashSet<>();
    List<Property> liveness = new ArrayList<>();
    for (Property p : m.properties()) {
      if (p.kind() == Property.Kind.RUNTIME) continue;
      if (p.kind() == Property.Kind.LIVENESS) liveness.add(p);
      else safety.add(p.name());
    }
    String row = displayName + " " + configuration + (grown.isEmpty() ? "" : " at "
        + grown.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(", ")));
    int[] searches = {0};
    AllViolations all = new AllViolations(names -> explorer(m, names, budget, deadline,
        watch, row + ": safety" + (searches[0]++ == 0 ? ", " : " again without the violated, ")
            + names.size() + " properties"), safety);
    AllViolations.Report report = all.run();
    Map<String, StableRecord.Outcome> outcomes = new LinkedHashMap<>();
    for (CheckResult v : report.violations()) {
      var cx = v.counterexample().orElseThrow();
      Property p = cx.property();
      if (p.kind() == Property.Kind.RUNTIME) continue;
      outcomes.put(p.name(), new StableRecord.Outcome(p.name(), kind(p), "violated",
          cx.length(), null));
    }
    CheckResult last = report.last();
    boolean complete = last.verdict() == Verdict.VERIFIED;
    String stoppedBy = null;
    if (last.verdict() == Verdict.VIOLATED) {
      // a runtime error ends every search: the properties not yet found are undecided
      stoppedBy = last.counterexample().orElseThrow().property().name();
    } else if (!complete) {
      stoppedBy = last.reason();
    }
    // a search cut by the budget had expanded every level before its depth in full: no
    // violation of that length or shorter was left to find
    int checkedTo = last.statistics().depth();
    for (String name : safety) {
      if (outcomes.containsKey(name)) continue;
      Property p = m.property(name).orElseThrow();
      outcomes.put(name, complete
          ? new StableRecord.Outcome(name, kind(p), "holds", null, null)
          : new StableRecord.Outcome(name, kind(p), "unknown", null, checkedTo));
    }
    // Liveness: every property in one search (each such search explores the whole graph
    // again), rerun without a violated one as for safety.
    Set<String> live = new LinkedHashSet<>();
    for (Property p : liveness) live.add(p.name());
    String livenessStoppedBy = null;
    if (!live.isEmpty() && complete && deadline <= System.currentTimeMillis()) {
      livenessStoppedBy = "the safety runs spent the budget";
    }
    if (!live.isEmpty() && complete && deadline > System.currentTimeMillis()) {
      List<Explorer> made = new ArrayList<>();
      AllViolations.Report lr = new AllViolations(names -> {
        Explorer e = explorer(m, names, budget, deadline, watch,
            row + ": liveness, " + liveness.stream().map(Property::name)
                .filter(names::contains).collect(Collectors.joining(", ")));
        made.add(e);
        return e;
      }, live).run();
      for (Explorer e : made) {
        if (!e.liftFailures().isEmpty()) {
          // as in Prover: no record of the ledger rests on a lift that failed its check
          throw new IllegalStateException(displayName + " (" + configuration + ", stable at): a "
              + "liveness lasso found under symmetry reduction did not lift to the model: "
              + String.join("; ", e.liftFailures()));
        }
      }
      for (CheckResult v : lr.violations()) {
        var cx = v.counterexample().orElseThrow();
        if (live.contains(cx.property().name())) {
          outcomes.put(cx.property().name(), new StableRecord.Outcome(cx.property().name(),
              kind(cx.property()), "violated", cx.length(), null));
        }
      }
      boolean rest = lr.last().verdict() == Verdict.VERIFIED;
      if (!rest && lr.last().verdict() != Verdict.VIOLATED) {
        // stopped by the budget or out of memory: the figures say which
        livenessStoppedBy = lr.last().reason();
      }
      for (Property p : liveness) {
        outcomes.putIfAbsent(p.name(), new StableRecord.Outcome(p.name(), kind(p),
            rest ? "holds" : "unknown", null, null));
      }
    }
    for (Property p : liveness) {
      outcomes.putIfAbsent(p.name(), new StableRecord.Outcome(p.name(), kind(p), "unknown",
          null, null));
    }
    // in the model's property order, as the row's record lists them
    ImmutableList.Builder<StableRecord.Outcome> ordered = ImmutableList.builder();
    for (Property p : m.properties()) {
      StableRecord.Outcome o = outcomes.get(p.name());
      if (o != null) ordered.add(o);
    }
    long seconds = (System.currentTimeMillis() - began + 500) / 1000;
    return new StableRecord(m.name(), displayName, parsed.textDigest(),
        ExploredStructure.digest(m.checked()), configuration,
        m.constants(), budget.workers(), seconds, new StableRecord.Run(complete,
            last.statistics().distinct(), last.statistics().depth(), stoppedBy),
        ordered.build(), livenessStoppedBy);
  }

  /**
   * The structure of {@code file}'s configuration as it reads today, at the size {@code s} was
   * run at: equal to {@code s.structure()} when the run still stands for the model.
   */
  static String structureNow(ParsedModel parsed, String configuration, StableRecord s)
      throws ModelException {
    Map<String, String> grown = new LinkedHashMap<>();
    s.grown().forEach((c, v) -> grown.put(c, Integer.toString(v)));
    return ExploredStructure.digest(Checker.check(parsed, grown,
        configuration.equals("default") ? null : configuration));
  }

  private static Explorer explorer(CompiledModel m, Set<String> names, Budget budget,
      long deadline, Watch watch, String search) {
    watch.begins(search);
    Explorer e = new Explorer(m).properties(names).fingerprints(true).workers(budget.workers())
        .timeLimitMillis(Math.max(1, deadline - System.currentTimeMillis())).progress(watch)
        .progressInterval(PROGRESS_MILLIS);
    // the frontier's heap before it spills: check's default (--frontier-memory)
    return budget.spillDir() == null ? e : e.spill(budget.spillDir(), 512L << 20);
  }

  private static String kind(Property p) {
    return p.kind().name().toLowerCase(Locale.ROOT);
  }
}
