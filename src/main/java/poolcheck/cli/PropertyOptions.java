package poolcheck.cli;

import java.util.List;
import picocli.CommandLine.Option;

/** --property and --no-deadlock, shared by check, simulate and export. */
final class PropertyOptions {
  @Option(names = "--property", paramLabel = "NAME", split = ",",
      description = "Check only these properties (repeat or comma-separate; runtime errors "
          + "always). Default: all.")
  List<String> properties;

  @Option(names = "--no-deadlock", description = "Do not report deadlocks.")
  boolean noDeadlock;
}
