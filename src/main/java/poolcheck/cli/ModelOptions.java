package poolcheck.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** -D NAME=VALUE, shared by every command that loads a model. */
final class ModelOptions {
  @Option(names = "-D", paramLabel = "NAME=VALUE",
      description = "Override a constant of the model, e.g. -D PAGES=4.")
  Map<String, String> constants = new LinkedHashMap<>();

  @Option(names = "--config", paramLabel = "NAME",
      description = "Use a configuration declared in the model (config NAME { ... }).")
  String config;
}
