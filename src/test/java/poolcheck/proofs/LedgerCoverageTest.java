package poolcheck.proofs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger records unreached steps, and a check names a step whose status changed. */
class LedgerCoverageTest {
  @TempDir
  Path root;

  private static final String MODEL = """
      model tiny;
      var refs : 0 .. 3 = 1;
      var freed : bool = false;
      process reader {
        take_ref: when (refs > 1 && !freed) { refs = refs + 1; }
        put_ref: { refs = refs - 1; }
      }
      process owner {
        release: { refs = refs - 1; }
        free: when (refs == 0) { either { freed = true; } or { when (refs > 0); } }
      }
      final freed;
      """;

  private Path record() {
    return root.resolve("proofs/tiny/default.record.json");
  }

  @Test
  void recordsTheUnreachedStepsAndTheOtherWarnings() throws Exception {
    Files.createDirectories(root.resolve("models"));
    Files.writeString(root.resolve("models/tiny.pool"), MODEL);
    new Ledger(root).write();
    String text = Files.readString(record());
    assertTrue(text.contains("  \"coverage\" : {\n"
        + "    \"unreached\" : [ \"reader.take_ref\", \"reader.put_ref\" ],\n"
        + "    \"vacuous\" : [ \"vacuous: when never true in 1 evaluation "
        + "(models/tiny.pool:10:58)\" ],\n    \"atomicEscapes\" : [ ]\n  },"), text);
    String readme = Files.readString(root.resolve("proofs/README.md"));
    assertTrue(readme.contains("- **default**: 2 steps unreached: `reader.take_ref`, "
        + "`reader.put_ref`.\n  - vacuous: when never true"), readme);
    assertTrue(readme.contains("  - atomic escapes: none\n"), readme);
    assertEquals(List.of(), new Ledger(root).mismatches());
  }

  @Test
  void checkFailsNamingAStepThatBecameUnreachedOrReached() throws Exception {
    Files.createDirectories(root.resolve("models"));
    Files.writeString(root.resolve("models/tiny.pool"), MODEL);
    new Ledger(root).write();
    String text = Files.readString(record());
    // A record written when put_ref was still reached and release was not.
    Files.writeString(record(), text.replace("\"reader.take_ref\", \"reader.put_ref\"",
        "\"reader.take_ref\", \"owner.release\""));
    assertEquals(List.of("tiny/default.record.json: differs from a fresh run; now unreached: "
        + "reader.put_ref; listed as unreached but now reached: owner.release"),
        new Ledger(root).mismatches());
  }
}
