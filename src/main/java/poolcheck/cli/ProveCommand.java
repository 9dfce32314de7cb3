package poolcheck.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import poolcheck.api.Proofs;

@Command(name = "prove", mixinStandardHelpOptions = true,
    exitCodeListHeading = "%nExit status:%n", exitCodeList = {
        "0:the ledger was written (or, with --check, is up to date)",
        "1:with --check: a record differs from a fresh run",
        "2:bad usage, a bad model or an internal error",
        "3:out of memory"},
    description = "Regenerate the proofs ledger (proofs/) from exhaustive "
    + "runs of every model in models/ at each of its configurations.")
final class ProveCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--root", paramLabel = "DIR", description = "The project directory "
      + "(holding models/ and proofs/). Default: the current directory.")
  Path root = Path.of("");

  @Option(names = "--check", description = "Only compare: exit 1 and list what differs.")
  boolean check;

  @Option(names = "--stable", description = "Check each row again at PAGES + 1 and "
      + "CONSUMERS + 1 and write proofs/DESIGN/CONFIG.stable.json (the README's 'stable at' "
      + "column); with --check, rerun and compare. Minutes to hours: see --budget.")
  boolean stable;

  @Option(names = "--stale", description = "With --stable: only the rows whose stable file is "
      + "missing or stale (what the row explores changed since it was made): after an edit of "
      + "a model, the rows the edit touched.")
  boolean staleOnly;

  @Option(names = "--design", paramLabel = "NAME", split = ",", description = "Only these "
      + "designs (file names without .pool): their records (or, with --stable, stable files), "
      + "then proofs/README.md from every file on disk.")
  List<String> designs;

  @Option(names = "--configuration", paramLabel = "NAME", split = ",", description = "Only "
      + "these configurations (small, large, ...), as --design.")
  List<String> configurations;

  @Option(names = "--workers", paramLabel = "N", description = "With --stable: threads per "
      + "search and per liveness graph (default: all cores).")
  Integer workers;

  @Option(names = "--no-progress", description = "With --stable: no progress lines on stderr "
      + "(by default one as each search begins and every 10 s while it runs).")
  boolean noProgress;

  @Option(names = "--spill-dir", paramLabel = "DIR", description = "With --stable: keep the "
      + "searches' trace logs and frontiers and the liveness graphs' edges in files here, off "
      + "the heap (check's --spill-dir).")
  Path spillDir;

  @Option(names = "--budget", paramLabel = "SECONDS", description = "With --stable: wall time "
      + "per row (default: 3600); what it leaves undecided is recorded as such.")
  long budget = 3600;

  @Override
  public Integer call() throws Exception {
    Proofs proofs = Proofs.at(root);
    if (staleOnly && !stable) throw new UsageException("--stale goes with --stable");
    if (spillDir != null && !stable) throw new UsageException("--spill-dir goes with --stable");
    if (stable) return stable(proofs);
    if (designs != null || configurations != null) return some(proofs);
    if (check) {
      List<String> bad = proofs.mismatches();
      bad.forEach(b -> spec.commandLine().getOut().println("stale: proofs/" + b));
      if (bad.isEmpty()) spec.commandLine().getOut().println("proofs ledger is up to date");
      return bad.isEmpty() ? ExitCode.VERIFIED : ExitCode.VIOLATED;
    }
    List<String> written = proofs.write();
    written.forEach(w -> spec.commandLine().getOut().println("wrote proofs/" + w));
    spec.commandLine().getOut().println(written.isEmpty() ? "proofs ledger is up to date"
        : written.size() + " ledger files written");
    return ExitCode.VERIFIED;
  }

  /** --design / --configuration without --stable: only those rows' records and traces. */
  private int some(Proofs proofs) {
    if (check) throw new UsageException("--check compares the whole ledger: drop --design");
    List<String> written = proofs.writeRows(designs, configurations);
    if (written.isEmpty()) {
      throw new UsageException("--design/--configuration match no ledger row");
    }
    written.forEach(f -> spec.commandLine().getOut().println("wrote proofs/" + f));
    return ExitCode.VERIFIED;
  }

  private int stable(Proofs proofs) {
    int n = workers == null ? Runtime.getRuntime().availableProcessors() : workers;
    var out = spec.commandLine().getOut();
    List<Proofs.StableRow> rows = proofs.stable(designs, configurations, n, budget, check,
        staleOnly, noProgress ? null : new ProgressLine(spec.commandLine().getErr()), spillDir);
    if (rows.isEmpty() && staleOnly && proofs.hasRows(designs, configurations)) {
      out.println("every stable-at result selected is current: nothing to run");
      return ExitCode.VERIFIED;
    }
    if (rows.isEmpty()) throw new UsageException("--design/--configuration match no ledger row");
    boolean same = true;
    for (Proofs.StableRow r : rows) {
      String row = r.design() + " " + r.configuration();
      if (check) {
        same &= r.same();
        out.println((r.same() ? "same: " : "differs: ") + row + " (" + r.seconds() + " s)");
      } else {
        out.println("wrote proofs/" + r.design() + "/" + r.configuration() + ".stable.json ("
            + r.distinct() + " states, " + (r.complete() ? "complete"
            : "stopped: " + r.stoppedBy()) + ", " + r.seconds() + " s)");
      }
    }
    if (check) return same ? ExitCode.VERIFIED : ExitCode.VIOLATED;
    out.println("wrote proofs/README.md");
    return ExitCode.VERIFIED;
  }
}
