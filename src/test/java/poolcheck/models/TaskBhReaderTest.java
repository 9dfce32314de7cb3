package poolcheck.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poolcheck.proofs.ProofRecord;
import poolcheck.proofs.Prover;

/**
 * TASK_BH_READER in models/common/page_pool.pool (docs/models/page_pool_contexts.md, "A task's
 * spin_lock_bh() section"): a stack CPU returning from a task is an RCU reader while it holds
 * the ring's producer lock with BHs disabled. Every design leaves it off; these tests are the
 * reason that is allowed: with it on, the grace periods do wait for the task (fewer states
 * where a teardown has one), and no verdict or trace length of the ledger moves.
 */
class TaskBhReaderTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OFF = "const TASK_BH_READER = false;";

  @Test
  void theScrubsGracePeriodWaitsForATaskProducingAndNoVerdictOfDmaTrackingMoves(
      @TempDir Path dir) throws Exception {
    Path design = withReaderOn(dir).resolve("page_pool_dma_tracking.pool");
    ProofRecord on = Prover.prove(design, "page_pool_dma_tracking", "small").record();
    ProofRecord off = Prover.prove(Path.of("models/page_pool_dma_tracking.pool"),
        "page_pool_dma_tracking", "small").record();
    // 9,577: proofs/page_pool_dma_tracking/small.record.json. The 92 states fewer are
    // page_pool_scrub()'s synchronize_net() returning while a task is between
    // ptr_ring_produce_bh()'s lock and its unlock.
    assertEquals(9_577, off.reachable().distinct());
    assertEquals(9_485, on.reachable().distinct());
    assertEquals(outcomes(off), outcomes(on));
  }

  @Test
  @Tag("slow")
  void everyRecordOfTheLedgerKeepsItsVerdictsAndTraceLengthsWithTheReaderOn(@TempDir Path dir)
      throws Exception {
    Path models = withReaderOn(dir);
    List<String> checked = new ArrayList<>();
    for (Path shipped : ShippedDesigns.all()) {
      String name = ShippedDesigns.name(shipped);
      for (String configuration : Prover.configurations(shipped)) {
        Path recorded = Path.of("proofs", name, configuration + ".record.json");
        ProofRecord on = Prover.prove(models.resolve(name + ".pool"), name, configuration)
            .record();
        assertEquals(recordedOutcomes(recorded), outcomes(on), name + " " + configuration);
        checked.add(name + "/" + configuration);
      }
    }
    // 63 rows in proofs/ on 2026-12-07: a design or configuration added since is in too.
    assertTrue(checked.size() >= 63, checked.toString());
  }

  /** A copy of models/ with every design's TASK_BH_READER on where RETURN_CONTEXT is 0. */
  private static Path withReaderOn(Path dir) throws IOException {
    Path models = dir.resolve("models");
    try (Stream<Path> files = Files.walk(Path.of("models"))) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path to = models.resolve(Path.of("models").relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
          continue;
        }
        String text = Files.readString(f);
        if (f.getParent().equals(Path.of("models")) && f.toString().endsWith(".pool")) {
          assertEquals(1, text.split(java.util.regex.Pattern.quote(OFF), -1).length - 1,
              f + " declares TASK_BH_READER off once");
          // on wherever a task returns pages: the shared model refuses it elsewhere (the stack
          // process never starts there)
          text = text.replace(OFF, "const TASK_BH_READER = RETURN_CONTEXT == 0;");
        }
        Files.writeString(to, text);
      }
    }
    return models;
  }

  /** Each property's verdict and shortest trace's length. */
  private static Map<String, String> outcomes(ProofRecord r) {
    Map<String, String> out = new LinkedHashMap<>();
    for (ProofRecord.PropertyOutcome p : r.properties()) {
      out.put(p.name(), p.verdict() + (p.traceLength() == null ? "" : " " + p.traceLength()));
    }
    return out;
  }

  private static Map<String, String> recordedOutcomes(Path record) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (JsonNode p : JSON.readTree(record.toFile()).get("properties")) {
      JsonNode length = p.get("traceLength");
      out.put(p.get("name").asText(), p.get("verdict").asText()
          + (length == null || length.isNull() ? "" : " " + length.asInt()));
    }
    return out;
  }
}
