package poolcheck.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A loaded model: its name, every constant's value (after its configuration and overrides) in
 * declaration order, and the files it was read from (itself and every include), which a caller
 * that writes files should not overwrite.
 */
public record ModelInfo(String name, Map<String, Integer> constants, List<Path> inputFiles) {
  public ModelInfo {
    inputFiles = List.copyOf(inputFiles);
  }
}
