package poolcheck.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import poolcheck.explore.OptionRange;
import poolcheck.language.ModelException;
import poolcheck.proofs.Ledger;
import poolcheck.proofs.Stability;
import poolcheck.proofs.StableRecord;

/**
 * The proofs ledger of a project directory (models/ and proofs/): exhaustive runs of every model
 * at each of its configurations, recorded under proofs/.
 */
public final class Proofs {
  private final Path root;

  private Proofs(Path root) {
    this.root = root;
  }

  public static Proofs at(Path root) {
    return new Proofs(root);
  }

  /** Runs every model and rewrites the records that changed; returns them (under proofs/). */
  public List<String> write() {
    try {
      return new Ledger(root).write();
    } catch (ModelException e) {
      throw new InvalidInputException(e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs every model and lists the records (under proofs/) that differ from a fresh run. */
  public List<String> mismatches() {
    try {
      return new Ledger(root).mismatches();
    } catch (ModelException e) {
      throw new InvalidInputException(e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
  /**
   * Rewrites only the rows of the named designs and configurations (null: all) and then
   * proofs/README.md from every file on disk; returns the files written, empty when no row
   * matches.
   */
  public List<String> writeRows(List<String> designs, List<String> configurations) {
    try {
      Ledger ledger = new Ledger(root);
      List<String> written = new ArrayList<>();
      List<Ledger.Entry> rows = selected(ledger, designs, configurations);
      if (rows.isEmpty()) return written;
      for (Ledger.Entry e : rows) written.addAll(ledger.writeRow(e));
      ledger.writeReadme();
      written.add("README.md");
      return written;
    } catch (ModelException e) {
      throw new InvalidInputException(e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One row checked again at PAGES + 1 and CONSUMERS + 1: {@code same} whether its findings
   * match the stable file on disk (when comparing), and the figures of the run.
   */
  public record StableRow(String design, String configuration, boolean same, long distinct,
      boolean complete, String stoppedBy, long seconds) {}

  /**
   * Each selected row (null: all) again at PAGES + 1 and CONSUMERS + 1 with {@code workers}
   * threads and {@code budgetSeconds} of wall time per row: with {@code compare}, checked
   * against the stable files on disk; otherwise written to them, and proofs/README.md
   * re-rendered. With {@code staleOnly}, of the selected rows only those whose stable file is
   * missing or was made on another structure of the model (after an edit, the rows it touched).
   * Empty when no row matches.
   */
  public List<StableRow> stable(List<String> designs, List<String> configurations, int workers,
      long budgetSeconds, boolean compare, boolean staleOnly) {
    return stable(designs, configurations, workers, budgetSeconds, compare, staleOnly, null);
  }

  /**
   * As {@link #stable(List, List, int, long, boolean, boolean)}, telling {@code progress} (when
   * not null) as each search begins and every 10 seconds while it runs: a row takes up to its
   * budget.
   */
  public List<StableRow> stable(List<String> designs, List<String> configurations, int workers,
      long budgetSeconds, boolean compare, boolean staleOnly, SearchProgress progress) {
    return stable(designs, configurations, workers, budgetSeconds, compare, staleOnly, progress,
        null);
  }

  /**
   * As {@link #stable(List, List, int, long, boolean, boolean, SearchProgress)}, the searches'
   * trace logs and frontiers and the liveness graphs' edges in files in {@code spillDir} when it
   * is not null (check's {@code --spill-dir}).
   */
  public List<StableRow> stable(List<String> designs, List<String> configurations, int workers,
      long budgetSeconds, boolean compare, boolean staleOnly, SearchProgress progress,
      Path spillDir) {
    CheckOptions.checkSpillDir(spillDir);
    Stability.Watch watch = progress == null ? Stability.Watch.NONE : new ProgressRelay(progress);
    EngineOptions.checked(() -> OptionRange.WORKERS.check(workers));
    // the budget becomes each row's time limit: the same range
    EngineOptions.checked(() -> OptionRange.TIME_LIMIT.named("budget").check(budgetSeconds));
    try {
      Ledger ledger = new Ledger(root);
      Map<String, StableRecord> before = ledger.stableRecords();
      List<StableRow> rows = new ArrayList<>();
      java.util.Set<String> stale = staleOnly ? ledger.staleStableRows(before) : null;
      for (Ledger.Entry e : selected(ledger, designs, configurations)) {
        if (stale != null && !stale.contains(e.name() + "/" + e.configuration())) continue;
        Stability.Budget budget = new Stability.Budget(workers, budgetSeconds, spillDir);
        if (compare) {
          StableRecord fresh = Stability.check(root.resolve(e.shown()), e.shown(),
              e.configuration(), budget, watch);
          StableRecord old = before.get(e.name() + "/" + e.configuration());
          rows.add(row(e, old != null && old.sameFindings(fresh), fresh));
        } else {
          rows.add(row(e, true, ledger.writeStable(e, budget, watch)));
        }
      }
      if (!compare && !rows.isEmpty()) ledger.writeReadme();
      return rows;
    } catch (ModelException e) {
      throw new InvalidInputException(e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static StableRow row(Ledger.Entry e, boolean same, StableRecord r) {
    return new StableRow(e.name(), e.configuration(), same, r.safety().distinct(),
        r.safety().complete(), r.safety().stoppedBy(), r.seconds());
  }

  /** Whether any ledger row matches the selection (null: all). */
  public boolean hasRows(List<String> designs, List<String> configurations) {
    try {
      return !selected(new Ledger(root), designs, configurations).isEmpty();
    } catch (ModelException e) {
      throw new InvalidInputException(e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Ledger.Entry> selected(Ledger ledger, List<String> designs,
      List<String> configurations) throws IOException, ModelException {
    return ledger.entries().stream()
        .filter(e -> designs == null || designs.contains(e.name()))
        .filter(e -> configurations == null || configurations.contains(e.configuration()))
        .toList();
  }
}
