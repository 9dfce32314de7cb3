package poolcheck.proofs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import poolcheck.api.Models;
import poolcheck.compile.CompiledModel;
import poolcheck.trace.JsonTrace;
import poolcheck.trace.Replay;

/** The ledger in proofs/ is what a fresh exhaustive run of every shipped model produces. */
class ProofsLedgerTest {
  private static final Path ROOT = Path.of("");
  /** The fresh ledger, computed once: it is the suite's longest computation. */
  private static Map<String, String> expected;

  @BeforeAll
  static void prove() throws Exception {
    expected = new Ledger(ROOT).expected();
  }

  @Test
  void everyRecordMatchesAFreshRun() throws Exception {
    List<String> mismatches = new Ledger(ROOT).mismatches(expected);
    assertEquals(List.of(), mismatches,
        "proofs/ is stale; rerun './poolcheck prove' and review the diff");
  }

  @Test
  void everyLedgerTraceReplaysToItsViolation() throws Exception {
    int replayed = 0;
    for (String name : expected.keySet()) {
      if (!name.endsWith(".json") || name.endsWith(".record.json")) continue;
      Path trace = ROOT.resolve("proofs").resolve(name);
      JsonTrace.Recorded recorded = JsonTrace.read(trace);
      String model = name.substring(0, name.indexOf('/'));
      String config = name.substring(name.indexOf('/') + 1, name.indexOf('.'));
      CompiledModel m = Models.load(ROOT.resolve("models/" + model + ".pool"),
          config.equals("default") ? null : config, Map.of());
      Replay.Outcome o = Replay.check(m, recorded);
      assertTrue(o.ok(), name + ": " + o.message() + " at step " + o.step());
      replayed++;
    }
    assertTrue(replayed > 0 || !Files.exists(ROOT.resolve("proofs/README.md")),
        "the ledger should hold at least one violation trace");
  }
}
