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

  @Override
  public Integer call() throws Exception {
    Proofs proofs = Proofs.at(root);
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
}
