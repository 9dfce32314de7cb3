package poolcheck.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import poolcheck.api.ClusterWorker;

@Command(name = "worker", mixinStandardHelpOptions = true,
    exitCodeListHeading = "%nExit status:%n", exitCodeList = {
        "0:the coordinator ended the run",
        "2:bad usage, the coordinator unreachable, refused or lost (one line)",
        "3:out of memory"},
    description = "Join a cluster run as one partition (docs/cluster.md).")
final class WorkerCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--join", required = true, paramLabel = "HOST:PORT",
      description = "The coordinator's address (poolcheck check MODEL --cluster HOST:PORT).")
  String join;

  @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "30",
      description = "Give up when the coordinator has not answered by then (default: 30).")
  int connectTimeout;

  @Override
  public Integer call() {
    String[] hp = ClusterFlags.hostPort("--join", join);
    String failed = ClusterWorker.join(hp[0], Integer.parseInt(hp[1]), connectTimeout);
    if (failed == null) return ExitCode.VERIFIED;
    spec.commandLine().getErr().println("poolcheck: worker: " + failed);
    return ExitCode.BAD_INPUT;
  }
}
