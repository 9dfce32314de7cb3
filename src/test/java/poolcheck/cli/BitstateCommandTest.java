package poolcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code check --bitstate}: SPIN's exit statuses, and a summary that never says verified. */
class BitstateCommandTest {
  @Test
  void noViolationInATinyArrayExitsZeroAndSaysItIsNoProof() {
    MainTest.Run r = MainTest.run("check", "--no-progress", "--workers", "1", "--bitstate", "8",
        "models/bench/recycle.pool", "-D", "PAGES=3", "-D", "ROUNDS=2");
    assertEquals(0, r.status(), r.out() + r.err());
    assertTrue(r.out().contains("no violation found (bitstate search, not a proof"), r.out());
    assertTrue(r.out().contains("bitstate: 64 bits, 3 hash functions"), r.out());
    assertTrue(!r.out().contains("verified"), r.out());
  }

  @Test
  void aViolationExitsOneWithTheShortestTrace() {
    MainTest.Run r = MainTest.run("check", "--no-progress", "--workers", "1", "--bitstate", "1M",
        "--property", "no_dma_after_detach", "models/page_pool_v6_12.pool");
    assertEquals(1, r.status(), r.out() + r.err());
    assertTrue(r.out().contains("violated: no_dma_after_detach (assertion), shortest trace 14 "
        + "steps"), r.out());
  }
}
