package poolcheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import poolcheck.api.ClusterCheckpoint;

@Command(name = "checkpoint", mixinStandardHelpOptions = true,
    exitCodeListHeading = "%nExit status:%n", exitCodeList = {
        "2:no subcommand or bad usage; a subcommand exits as its --help says"},
    description = "Work on a cluster checkpoint directory (docs/cluster.md).")
final class CheckpointCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "a subcommand is required: rehash");
  }

  @Command(name = "rehash", mixinStandardHelpOptions = true,
      exitCodeListHeading = "%nExit status:%n", exitCodeList = {
          "0:re-hashed", "2:bad usage, or a damaged or mismatched checkpoint (one line)",
          "3:out of memory"},
      description = "Move a cluster checkpoint to another number of nodes, offline, so that "
          + "--resume DIR runs on that many.")
  int rehash(@Parameters(paramLabel = "DIR", description = "The checkpoint (its manifest.txt "
          + "and node files).") Path dir,
      @Option(names = "--nodes", required = true, paramLabel = "N",
          description = "The number of nodes the run resumes on.") int nodes,
      @Option(names = "--out", paramLabel = "DIR2", description = "Write the re-hashed "
          + "checkpoint there (a new or empty directory); default: replace it in DIR.")
          Path out) throws IOException {
    if (nodes < 1 || nodes > 1024) throw new UsageException("--nodes: 1 to 1024 nodes");
    ClusterCheckpoint.Rehashed r = ClusterCheckpoint.rehash(dir, nodes, out);
    PrintWriter w = spec.commandLine().getOut();
    w.printf("re-hashed level %d (%,d states) from %d nodes to %d in %s: states per node [%s], "
        + "to expand [%s]%n", r.level(), r.distinct(), r.fromNodes(), nodes, r.dir(),
        spaced(r.states()), spaced(r.frontier()));
    return ExitCode.VERIFIED;
  }

  private static String spaced(java.util.List<Long> counts) {
    return String.join(" ", counts.stream().map(n -> String.format("%,d", n)).toList());
  }
}
