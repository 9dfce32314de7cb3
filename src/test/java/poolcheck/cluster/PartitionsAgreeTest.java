package poolcheck.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Models;
import poolcheck.explore.Explorer;
import poolcheck.explore.RandomModels;
import poolcheck.explore.SequentialBfs;
import poolcheck.language.ModelException;
import poolcheck.result.CheckResult;
import poolcheck.result.Verdict;
import poolcheck.system.PropertySelection;
import poolcheck.trace.JsonResult;
import poolcheck.trace.JsonTrace;
import poolcheck.trace.Replay;

/**
 * The partitioned search over the in-process transport, with 1 to 4 partitions, is held to the
 * plain {@link SequentialBfs} as every single-machine engine is: the same verdict, distinct and
 * generated counts and depth, and a counterexample of the same length that replays.
 */
class PartitionsAgreeTest {
  @TempDir
  Path dir;

  static CheckResult partitioned(CompiledModel m, PropertySelection checked, int partitions)
      throws InterruptedException {
    try (InProcessTransport t = new InProcessTransport(m, checked, partitions)) {
      return new PartitionedSearch(m, checked, t).silenceMillis(60_000).run();
    }
  }

  /**
   * Batches of 3 states: every sender exhausts its credits and holds batches back, as a large
   * model does with full-size batches.
   */
  static CheckResult tinyBatches(CompiledModel m, PropertySelection checked, int partitions)
      throws InterruptedException {
    try (InProcessTransport t = new InProcessTransport(m, checked, partitions, 3)) {
      return new PartitionedSearch(m, checked, t).silenceMillis(60_000).run();
    }
  }

  private CheckResult agree(CompiledModel m, Explorer setup) throws Exception {
    return agree(m, setup, true);
  }

  /** As above; {@code tiny}: also with batches of 3 states, on 2 to 4 partitions. */
  private CheckResult agree(CompiledModel m, Explorer setup, boolean tiny) throws Exception {
    PropertySelection checked = setup.selection();
    CheckResult reference = SequentialBfs.run(m, checked);
    for (int parts = 1; parts <= 4; parts++) {
      CheckResult r = partitioned(m, checked, parts);
      sameAnswer(m, reference, r, m.name() + " on " + parts + " partitions", dir);
    }
    for (int parts = 2; tiny && parts <= 4; parts++) {
      sameAnswer(m, reference, tinyBatches(m, checked, parts), m.name() + " on " + parts
          + " partitions, batches of 3 states", dir);
    }
    return reference;
  }

  @Test
  void aBatchHoldsUpToEightThousandStatesAndAtMostAMegabyteAndSixteenAllTogether() {
    assertEquals(8192, Partition.batchStates(2, 2), "one word of state and its trace entry");
    assertEquals(8192, Partition.batchStates(16, 2));
    assertEquals(4096, Partition.batchStates(32, 2), "1 MiB of 32-word records");
    assertEquals(1, Partition.batchStates(200_000, 2), "never none");
    assertEquals(8192, Partition.batchStates(2, 16));
    assertEquals(1024, Partition.batchStates(2, 1024), "16 MiB over 1,024 destinations");
    // a full batch's message fits Artery's 4 MiB frame whatever the state size
    for (int stride : new int[] {2, 17, 129, 513, 4097}) {
      int n = Partition.batchStates(stride, 2);
      int bytes = MessageCodec.size(new Message.Batch(0, 0, new long[n * stride], n));
      assertTrue(8L * n * stride <= 1 << 20 || n == 1, stride + " words: " + n + " states");
      assertTrue(bytes < 4 << 20, stride + " words: " + bytes + " bytes");
    }
  }

  /**
   * The verdict, distinct and generated counts and depth of {@code reference}, and a
   * counterexample of its length that replays. Which of several equally short violations comes
   * first depends on the order states are expanded in, which partitions do not share: the length
   * is what must agree, and the trace must replay as a violation of the property it names.
   */
  static void sameAnswer(CompiledModel m, CheckResult reference, CheckResult r, String what,
      Path dir) throws Exception {
    assertEquals(reference.verdict(), r.verdict(), what + ": " + r.reason());
    assertEquals(reference.statistics().distinct(), r.statistics().distinct(), what);
    assertEquals(reference.statistics().generated(), r.statistics().generated(), what);
    assertEquals(reference.statistics().depth(), r.statistics().depth(), what);
    assertEquals(reference.counterexample().isPresent(), r.counterexample().isPresent(), what);
    if (r.counterexample().isPresent()) {
      assertEquals(reference.counterexample().get().length(),
          r.counterexample().get().length(), what);
      Path file = Files.createTempFile(dir, "trace", ".json");
      Files.writeString(file, JsonResult.render(r));
      Replay.Outcome outcome = Replay.check(m, JsonTrace.read(file));
      assertTrue(outcome.ok(), what + ": " + outcome.message() + " at step " + outcome.step());
    }
  }

  @Test
  void partitionsCountTheRecycleBenchmarkAsTheSequentialSearch() throws Exception {
    CompiledModel m = Models.load(Path.of("models/bench/recycle.pool"),
        Map.of("PAGES", "5", "RING", "4"));
    CheckResult r = agree(m, new Explorer(m));
    assertEquals(78_480, r.statistics().distinct());
    assertEquals(233_686, r.statistics().generated());
  }

  @Test
  void partitionsAgreeOnRandomModels() throws Exception {
    Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
    for (long seed = 1; seed <= 60; seed++) {
      CompiledModel m;
      try {
        m = Models.fromText("random.pool", RandomModels.generate(seed));
      } catch (ModelException e) {
        throw new AssertionError(RandomModels.generate(seed), e);
      }
      verdicts.merge(agree(m, new Explorer(m)).verdict(), 1, Integer::sum);
      agree(m, new Explorer(m).deadlock(false));
    }
    assertTrue(verdicts.getOrDefault(Verdict.VERIFIED, 0) >= 5, verdicts.toString());
    assertTrue(verdicts.getOrDefault(Verdict.VIOLATED, 0) >= 5, verdicts.toString());
  }

  /**
   * Every shipped design at its small configuration, all properties and each safety property
   * alone: some four minutes on two cores, so in the slow tier.
   */
  @Test
  @org.junit.jupiter.api.Tag("slow")
  void partitionsAgreeOnEveryShippedDesign() throws Exception {
    List<Path> designs;
    try (var files = Files.list(Path.of("models"))) {
      designs = files.filter(f -> f.toString().endsWith(".pool")).sorted().toList();
    }
    assertTrue(designs.size() >= 6, "the shipped designs");
    for (Path design : designs) {
      CompiledModel m = Models.load(design, "small", Map.of());
      // full-size batches only: the fast tests hold tiny ones to the same answers, and the
      // slow tier's budget (docs/performance.md) has no room for three more runs a property
      agree(m, new Explorer(m).properties(Set.of()), false);
      for (var p : m.properties()) {
        if (p.name().equals("deadlock")) continue;
        Explorer one = new Explorer(m).properties(Set.of(p.name()));
        if (one.selection().checksLiveness()) continue;
        agree(m, one, false);
      }
    }
  }
}
