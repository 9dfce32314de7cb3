package poolcheck.cli;

import java.util.Map;

/** The command line's name for each option the API names: maxStates is --max-states. */
final class Flags {
  private static final Map<String, String> FLAGS = Map.ofEntries(
      Map.entry("maxStates", "--max-states"), Map.entry("maxDepth", "--max-depth"),
      Map.entry("timeLimit", "--time-limit"), Map.entry("workers", "--workers"),
      Map.entry("exact", "--exact"), Map.entry("spillDir", "--spill-dir"),
      Map.entry("frontierMemory", "--frontier-memory"), Map.entry("checkpoint", "--checkpoint"),
      Map.entry("checkpointInterval", "--checkpoint-interval"), Map.entry("resume", "--resume"),
      Map.entry("progressInterval", "--progress-interval"), Map.entry("properties", "--property"),
      Map.entry("runs", "--runs"), Map.entry("depth", "--depth"),
      Map.entry("spinCoverage", "--spin-coverage"), Map.entry("target", "--to"),
      Map.entry("budget", "--budget"), Map.entry("bitstate", "--bitstate"),
      Map.entry("hashFunctions", "--hash-functions"), Map.entry("allViolations",
          "--all-violations"), Map.entry("fewestSwitches", "--fewest-switches"),
      Map.entry("swarm", "--swarm"), Map.entry("seed", "--seed"));

  private Flags() {}

  static String of(String option) {
    return FLAGS.getOrDefault(option, option);
  }
}
