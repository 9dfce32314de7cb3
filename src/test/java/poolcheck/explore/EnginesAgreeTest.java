package poolcheck.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poolcheck.compile.Models;
import poolcheck.compile.CompiledModel;
import poolcheck.language.ModelException;
import poolcheck.models.ShippedDesigns;
import poolcheck.result.CheckResult;
import poolcheck.result.Verdict;
import poolcheck.trace.JsonResult;
import poolcheck.trace.JsonTrace;
import poolcheck.trace.Replay;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The plain {@link SequentialBfs} is the oracle; the search over fingerprints or exact states
 * with 1, 2 and 3 workers, spilling or not, must give the same verdict, the same state and
 * transition counts (at a violation too), and a counterexample of the same length that replays.
 */
// Builds and explores its own models, shares nothing: beside the other classes. (junit-platform.properties)
@Execution(ExecutionMode.CONCURRENT)
class EnginesAgreeTest {
  @TempDir
  Path dir;

  private static final String LOST = """
      model lost_update;
      const CPUS = 2;
      type Cpu = 0 .. CPUS - 1;
      var counter : 0 .. CPUS = 0;
      process cpu[CPUS] {
        var tmp : 0 .. CPUS = 0;
        load @atomic_read:  { tmp = counter; }
        store @atomic_set:  { counter = tmp + 1; }
      }
      invariant counter_bounded: counter <= CPUS;
      invariant no_lost_update: (forall c in Cpu: at(cpu[c], done)) => counter == CPUS;
      """;

  private List<Function<Explorer, Explorer>> modes() {
    return List.of(
        e -> e,
        e -> e.fingerprints(true),
        e -> e.fingerprints(true).workers(2),
        e -> e.fingerprints(true).workers(3),
        e -> e.workers(2),
        e -> e.workers(3),
        e -> e.fingerprints(true).workers(2).spill(dir, 64),
        // exact storage of one-word states is the compact fingerprint table under a spill
        e -> e.workers(2).spill(dir, 64));
  }

  private CheckResult agree(CompiledModel m, Function<Explorer, Explorer> setup)
      throws IOException {
    CheckResult reference = SequentialBfs.run(m, setup.apply(new Explorer(m)).selection());
    replays(m, reference);
    for (Function<Explorer, Explorer> mode : modes()) {
      CheckResult r = mode.apply(setup.apply(new Explorer(m))).run();
      String what = m.name() + " " + r.statistics().workers() + " workers";
      assertEquals(reference.verdict(), r.verdict(), what);
      // at a violation too: every engine finishes the level it was found in
      assertEquals(reference.statistics().distinct(), r.statistics().distinct(), what);
      assertEquals(reference.statistics().generated(), r.statistics().generated(), what);
      assertEquals(reference.statistics().depth(), r.statistics().depth(), what);
      if (r.verdict() != Verdict.VERIFIED) {
        assertEquals(reference.counterexample().orElseThrow().length(),
            r.counterexample().orElseThrow().length(), what);
        assertEquals(reference.counterexample().get().property().kind(),
            r.counterexample().get().property().kind(), what);
        replays(m, r);
        if (Math.max(reference.statistics().distinct(), r.statistics().distinct()) < 1024) {
          // Every level fits in one block, which one worker expands in order: the very same
          // trace as the plain search, so golden outputs do not depend on --workers.
          assertEquals(reference.counterexample().get().steps(),
              r.counterexample().get().steps(), what);
        }
      }
    }
    return reference;
  }

  private void replays(CompiledModel m, CheckResult r) throws IOException {
    if (r.counterexample().isEmpty()) return;
    Path file = Files.createTempFile(dir, "trace", ".json");
    Files.writeString(file, JsonResult.render(r));
    Replay.Outcome outcome = Replay.check(m, JsonTrace.read(file));
    assertTrue(outcome.ok(), m.name() + ": " + outcome.message() + " at step " + outcome.step());
  }

  @Test
  void allEnginesFindTheLostUpdateInTwoStepsPerCpu() throws Exception {
    for (int cpus = 2; cpus <= 4; cpus++) {
      CompiledModel m = Models.fromText("lost.pool", LOST, Map.of("CPUS", "" + cpus));
      CheckResult r = agree(m, e -> e);
      assertEquals(Verdict.VIOLATED, r.verdict());
      assertEquals(2 * cpus, r.counterexample().orElseThrow().length());
    }
  }

  @Test
  void allEnginesCountTheLostUpdateStatesAlike() throws Exception {
    long[] expected = {0, 0, 13, 84, 755};
    for (int cpus = 2; cpus <= 4; cpus++) {
      CompiledModel m = Models.fromText("lost.pool", LOST, Map.of("CPUS", "" + cpus));
      CheckResult r = agree(m, e -> e.properties(Set.of("counter_bounded")));
      assertEquals(Verdict.VERIFIED, r.verdict());
      assertEquals(expected[cpus], r.statistics().distinct());
    }
  }

  // The level search looks successors up in batches that span several states, and one state's
  // successors may fill more than a batch: 300 successors of the initial state, each with 300 of
  // its own, and a state among the last successors of the first of them breaking the invariant
  // (its lookup waits for the next state's successors: a trace through that next state would
  // not replay).
  private static final String WIDE = """
      model wide;
      var x : 0 .. 299 = 0;
      var y : 0 .. 299 = 0;
      var picked : 0 .. 2 = 0;
      process chooser {
        first:  { choose v in 0 .. 299 { x = v; } picked = 1; }
        second: { choose v in 0 .. 299 { y = v; } picked = 2; }
      }
      invariant not_low_high: !(picked == 2 && x == 0 && y == 299);
      """;

  @Test
  void batchesOfSuccessorsAcrossStatesKeepTheOrderOfTheSequentialSearch() throws Exception {
    CompiledModel m = Models.fromText("wide.pool", WIDE, Map.of());
    CheckResult r = agree(m, e -> e.properties(Set.of()));
    assertEquals(Verdict.VERIFIED, r.verdict());
    assertEquals(1 + 300 + 300 * 300, r.statistics().distinct());
    CheckResult broken = agree(m, e -> e);
    assertEquals(Verdict.VIOLATED, broken.verdict());
    assertEquals(2, broken.counterexample().orElseThrow().length());
  }

  @Test
  void allEnginesCountTheRecycleBenchmarkAlike() throws Exception {
    CompiledModel m = Models.load(Path.of("models/bench/recycle.pool"),
        Map.of("PAGES", "5", "RING", "4"));
    CheckResult r = agree(m, e -> e);
    assertEquals(Verdict.VERIFIED, r.verdict());
    assertEquals(78_480, r.statistics().distinct());
    assertEquals(233_686, r.statistics().generated());
  }

  /**
   * The sampled designs at their small configuration: each engine explores the very state space
   * the proofs ledger records, and finds each violation the ledger records at the same length.
   * The slow tier takes the other designs.
   */
  @Test
  void allEnginesAgreeWithTheLedgerOnTheSampledDesigns() throws Exception {
    agreeWithTheLedger(ShippedDesigns.sample());
  }

  @Test
  @Tag("slow")
  void allEnginesAgreeWithTheLedgerOnTheOtherShippedDesigns() throws Exception {
    agreeWithTheLedger(ShippedDesigns.rest());
  }

  private void agreeWithTheLedger(List<Path> designs) throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    assertTrue(designs.size() >= 6, "the shipped designs");
    for (Path design : designs) {
      String name = ShippedDesigns.name(design);
      var record = json.readTree(Path.of("proofs", name, "small.record.json").toFile());
      CompiledModel m = Models.load(design, "small", Map.of());
      CheckResult all = agree(m, e -> e.properties(Set.of()));
      assertEquals(record.get("reachable").get("distinct").asLong(), all.statistics().distinct(),
          name);
      for (var property : record.get("properties")) {
        if (!property.get("verdict").asText().equals("violated")) continue;
        // The oracle is a safety search; leads-to properties have LivenessCheckerTest's.
        if (property.get("kind").asText().equals("liveness")) continue;
        String p = property.get("name").asText();
        CheckResult r = agree(m, e -> e.properties(Set.of(p)));
        assertEquals(property.get("traceLength").asInt(),
            r.counterexample().orElseThrow().length(), name + " " + p);
      }
    }
  }

  @Test
  void allEnginesAgreeOnRandomModels() throws Exception {
    Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
    for (long seed = 1; seed <= 60; seed++) {
      CompiledModel m;
      try {
        m = Models.fromText("random.pool", RandomModels.generate(seed));
      } catch (ModelException e) {
        throw new AssertionError(RandomModels.generate(seed), e);
      }
      CheckResult r = agree(m, e -> e);
      verdicts.merge(r.verdict(), 1, Integer::sum);
      agree(m, e -> e.deadlock(false));
    }
    // The generator must keep producing both outcomes, or the comparison proves little.
    assertTrue(verdicts.getOrDefault(Verdict.VERIFIED, 0) >= 5, verdicts.toString());
    assertTrue(verdicts.getOrDefault(Verdict.VIOLATED, 0) >= 5, verdicts.toString());
  }

  @Test
  void reportsACollisionProbabilityOnlyWhereFingerprintsCanCollide() throws Exception {
    CompiledModel wide = Models.fromText("wide.pool", """
        model wide;
        type I = 0 .. 69;
        var bits : bool[I] = false;
        var k : 0 .. 3 = 0;
        process p { flip: when (k < 3) { k = k + 1; bits[k] = true; goto flip; } }
        final true;
        """);
    assertEquals(2, wide.layout().words());
    CheckResult fp = new Explorer(wide).fingerprints(true).run();
    assertEquals(4, fp.statistics().distinct());
    assertEquals(4 * 3 / 2 / Math.pow(2, 64), fp.statistics().collisionProbability());
    assertEquals(0.0, new Explorer(wide).workers(2).run().statistics().collisionProbability());
    CompiledModel narrow = Models.fromText("lost.pool", LOST);
    assertEquals(1, narrow.layout().words());
    assertEquals(0.0, new Explorer(narrow).fingerprints(true).run().statistics()
        .collisionProbability());
  }
}
