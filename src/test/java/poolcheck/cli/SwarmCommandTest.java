package poolcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --swarm}: bitstate's exit statuses (0 with "not a proof", 1 on a violation whose
 * trace {@code replay} confirms), never "verified"; {@code --no-bytecode} changes no figure.
 */
class SwarmCommandTest {
  @Test
  void aViolationExitsOneWithAShrunkTraceThatReplays(@TempDir Path dir) {
    String prefix = dir.resolve("swarm").toString();
    MainTest.Run r = MainTest.run("check", "--no-progress",
        "--workers", "1", "--swarm", "4", "--seed",
        "42", "--property", "no_dma_after_detach", "--trace-format", "json", "--trace-out",
        prefix, "models/page_pool_v6_12.pool");
    assertEquals(1, r.status(), r.out() + r.err());
    assertTrue(r.out().contains("violated: no_dma_after_detach (assertion), trace 14 steps, "
        + "shrunk from 15 found by search 0 (--swarm 1 --seed 42 repeats it)"), r.out());
    assertTrue(r.out().contains("swarm: 4 searches on 1 thread, seed 42, 33,554,432 bits and 3 "
        + "hash functions each, depth bound 10,000; 1 started, 0 ran to their end"), r.out());
    MainTest.Run replay = MainTest.run("replay", "models/page_pool_v6_12.pool",
        prefix + ".json");
    assertEquals(0, replay.status(), replay.out() + replay.err());
    assertTrue(replay.out().contains("no_dma_after_detach breaks in step 14"), replay.out());
  }

  @Test
  void noViolationExitsZeroAndSaysItIsNoProof() {
    MainTest.Run r = MainTest.run("check", "--no-progress",
        "--workers", "2", "--swarm", "3", "--seed", "7",
        "--bitstate", "64K", "--max-depth", "30", "--property", "inflight_nonnegative",
        "models/page_pool_v6_12.pool");
    assertEquals(0, r.status(), r.out() + r.err());
    assertTrue(r.out().contains("no violation found (swarm of 3 bitstate searches, not a proof: "
        + "each skipped the states its bit array took for seen and went at most 30 steps deep)"),
        r.out());
    assertTrue(r.out().contains("3 started, 3 ran to their end"), r.out());
    assertFalse(r.out().contains("verified"), r.out());
  }

  @Test
  void progressLinesCountTheSearches() {
    MainTest.Run r = MainTest.run("check", "--workers", "1", "--swarm", "2", "--seed", "7",
        "--progress-interval", "0.001", "--property", "inflight_nonnegative",
        "models/page_pool_v6_12.pool");
    assertEquals(0, r.status(), r.out() + r.err());
    assertTrue(r.err().contains("progress: swarm: "), r.err());
    assertTrue(r.out().contains(", swarm seed 7"), r.out());
  }

  @Test
  void noBytecodeChecksTheSameStates() {
    MainTest.Run compiled = MainTest.run("check", "--no-progress", "--workers", "1",
        "--property", "inflight_nonnegative", "models/page_pool_v6_12.pool");
    MainTest.Run linked = MainTest.run("check", "--no-progress", "--workers", "1", "--no-bytecode",
        "--property", "inflight_nonnegative", "models/page_pool_v6_12.pool");
    assertEquals(0, linked.status(), linked.out() + linked.err());
    String figures = compiled.out().lines().filter(l -> l.contains("distinct states"))
        .findFirst().orElseThrow();
    assertTrue(linked.out().contains(figures.substring(0, figures.indexOf(" depth"))),
        linked.out());
  }
}
