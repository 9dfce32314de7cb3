package poolcheck.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import poolcheck.proofs.Ledger;

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

  @Option(names = "--design", paramLabel = "NAME", split = ",", description = "Only these "
      + "designs (file names without .pool): their records (or, with --stable, stable files), "
      + "then proofs/README.md from every file on disk.")
  List<String> designs;

  @Option(names = "--configuration", paramLabel = "NAME", split = ",", description = "Only "
      + "these configurations (small, large, ...), as --design.")
  List<String> configurations;

  @Option(names = "--workers", paramLabel = "N", description = "With --stable: threads per "
      + "search (default: all cores).")
  Integer workers;

  @Option(names = "--budget", paramLabel = "SECONDS", description = "With --stable: wall time "
      + "per row (default: 3600); what it leaves undecided is recorded as such.")
  long budget = 3600;

  @Override
  public Integer call() throws Exception {
    Ledger ledger = new Ledger(root);
    if (stable) return stable(ledger);
    if (designs != null || configurations != null) return some(ledger);
    if (check) {
      List<String> bad = ledger.mismatches();
      bad.forEach(b -> spec.commandLine().getOut().println("stale: proofs/" + b));
      if (bad.isEmpty()) spec.commandLine().getOut().println("proofs ledger is up to date");
      return bad.isEmpty() ? ExitCode.VERIFIED : ExitCode.VIOLATED;
    }
    List<String> written = ledger.write();
    written.forEach(w -> spec.commandLine().getOut().println("wrote proofs/" + w));
    spec.commandLine().getOut().println(written.isEmpty() ? "proofs ledger is up to date"
        : written.size() + " ledger files written");
    return ExitCode.VERIFIED;
  }

  /** --design / --configuration without --stable: only those rows' records and traces. */
  private int some(Ledger ledger) throws Exception {
    if (check) throw new UsageException("--check compares the whole ledger: drop --design");
    var out = spec.commandLine().getOut();
    int rows = 0;
    for (Ledger.Entry e : selected(ledger)) {
      rows++;
      for (String f : ledger.writeRow(e)) out.println("wrote proofs/" + f);
    }
    if (rows == 0) throw new UsageException("--design/--configuration match no ledger row");
    ledger.writeReadme();
    out.println("wrote proofs/README.md");
    return ExitCode.VERIFIED;
  }

  private List<Ledger.Entry> selected(Ledger ledger) throws Exception {
    return ledger.entries().stream()
        .filter(e -> designs == null || designs.contains(e.name()))
        .filter(e -> configurations == null || configurations.contains(e.configuration()))
        .toList();
  }

  private int stable(Ledger ledger) throws Exception {
    int cores = Runtime.getRuntime().availableProcessors();
    int n = workers == null ? cores : workers;
    if (n < 1 || n > Math.max(256, 4 * cores)) {
      throw new UsageException("--workers must be from 1 to " + Math.max(256, 4 * cores)
          + ", not " + n);
    }
    if (budget < 1) throw new UsageException("--budget must be at least 1 second, not " + budget);
    var out = spec.commandLine().getOut();
    Map<String, poolcheck.proofs.StableRecord> before = ledger.stableRecords();
    boolean same = true;
    int rows = 0;
    for (Ledger.Entry e : selected(ledger)) {
      rows++;
      var budgetOf = new poolcheck.proofs.Stability.Budget(n, budget);
      String row = e.name() + " " + e.configuration();
      if (check) {
        var fresh = poolcheck.proofs.Stability.check(root.resolve(e.shown()), e.shown(),
            e.configuration(), budgetOf);
        var old = before.get(e.name() + "/" + e.configuration());
        boolean ok = old != null && old.sameFindings(fresh);
        same &= ok;
        out.println((ok ? "same: " : "differs: ") + row + " (" + fresh.seconds() + " s)");
      } else {
        var s = ledger.writeStable(e, budgetOf);
        out.println("wrote proofs/" + e.name() + "/" + e.configuration() + ".stable.json ("
            + s.safety().distinct() + " states, " + (s.safety().complete() ? "complete"
            : "stopped: " + s.safety().stoppedBy()) + ", " + s.seconds() + " s)");
      }
    }
    if (rows == 0) throw new UsageException("--design/--configuration match no ledger row");
    if (check) return same ? ExitCode.VERIFIED : ExitCode.VIOLATED;
    ledger.writeReadme();
    out.println("wrote proofs/README.md");
    return ExitCode.VERIFIED;
  }
}
