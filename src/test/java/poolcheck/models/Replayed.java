package poolcheck.models;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import poolcheck.api.ModelCheckResult;
import poolcheck.api.ReplayResult;
import poolcheck.api.TraceFormat;
import poolcheck.api.TraceReplay;

/**
 * A counterexample of the API replayed as a user would: its JSON trace (which records the
 * properties the search checked) run again on the model with the same constants.
 */
final class Replayed {
  private Replayed() {}

  static void assertReplays(Path model, Map<String, String> constants, ModelCheckResult r)
      throws Exception {
    Path trace = Files.createTempFile("replayed", ".json");
    try {
      Files.writeString(trace, r.renderTrace(TraceFormat.JSON));
      ReplayResult o = TraceReplay.of(model).constants(constants).replay(trace);
      assertTrue(o.ok(), o.message());
    } finally {
      Files.delete(trace);
    }
  }
}
