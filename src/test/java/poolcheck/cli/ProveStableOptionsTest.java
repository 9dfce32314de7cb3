package poolcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * prove --stable's own flags: a value out of range (the ranges and messages of check's
 * --workers and --time-limit) or a row that does not exist is exit 2.
 */
class ProveStableOptionsTest {
  @Test
  void rejectsZeroWorkersAndAZeroBudgetBeforeAnySearch() {
    MainTest.Run workers = MainTest.run("prove", "--stable", "--workers", "0");
    assertEquals(2, workers.status(), workers.err());
    assertTrue(workers.err().startsWith("poolcheck: --workers 0: expected 1 to "), workers.err());
    MainTest.Run budget = MainTest.run("prove", "--stable", "--budget", "0");
    assertEquals(2, budget.status(), budget.err());
    assertTrue(budget.err().startsWith("poolcheck: --budget 0: expected 1 to 1,000,000,000"), budget.err());
  }

  @Test
  void rejectsADesignThatIsNoLedgerRow() {
    MainTest.Run r = MainTest.run("prove", "--stable", "--design", "page_pool_no_such_design");
    assertEquals(2, r.status(), r.err());
    assertTrue(r.err().contains("match no ledger row"), r.err());
  }

  @Test
  void checkingTheWholeLedgerCannotBeNarrowedToOneDesign() {
    MainTest.Run r = MainTest.run("prove", "--check", "--design", "page_pool_v6_12");
    assertEquals(2, r.status(), r.err());
    assertTrue(r.err().contains("drop --design"), r.err());
  }
}
