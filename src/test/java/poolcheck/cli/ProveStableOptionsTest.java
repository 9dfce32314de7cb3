package poolcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * prove --stable's own flags: a value out of range (the ranges and messages of check's
 * --workers and --time-limit) or a row that does not exist is exit 2; its progress lines, and
 * --no-progress.
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

  @Test
  void staleRerunsOnlyTheRowsWhoseStructureMovedOn(@TempDir Path root) throws Exception {
    // a ledger of one design, whose small row's stable file claims another structure
    Files.createDirectories(root.resolve("models/common"));
    Files.copy(Path.of("models/page_pool_v6_12.pool"),
        root.resolve("models/page_pool_v6_12.pool"));
    Files.copy(Path.of("models/common/page_pool.pool"),
        root.resolve("models/common/page_pool.pool"));
    Path proofs = root.resolve("proofs/page_pool_v6_12");
    Files.createDirectories(proofs);
    try (var files = Files.list(Path.of("proofs/page_pool_v6_12"))) {
      for (Path f : files.filter(f -> f.toString().endsWith(".stable.json")).toList()) {
        Files.copy(f, proofs.resolve(f.getFileName()));
      }
    }
    Path small = proofs.resolve("small.stable.json");
    Files.writeString(small, Files.readString(small).replaceFirst(
        "\"structure\" : \"structure-sha256:[0-9a-f]+\"",
        "\"structure\" : \"structure-sha256:another\""));

    MainTest.Run r = MainTest.run("prove", "--root", root.toString(), "--stable", "--stale",
        "--check", "--workers", "1");
    // rerun and compared with the file: the findings agree, the structure does not
    assertEquals(1, r.status(), r.out() + r.err());
    assertTrue(r.out().startsWith("differs: page_pool_v6_12 small ("), r.out());
    assertEquals(1, r.out().lines().count(), "only the stale row ran: " + r.out());
    // a line as each search of the row begins: safety, again after each violation, liveness
    String row = "progress: models/page_pool_v6_12.pool small at PAGES=3, CONSUMERS=2: ";
    assertTrue(r.err().startsWith(row + "safety, 20 properties\n" + row
        + "safety again without the violated, 19 properties\n"), r.err());
    assertTrue(r.err().contains(row + "liveness, pool_eventually_freed, returning_pages_arrive, "
        + "release_worker_stops\n"), r.err());
    MainTest.Run quiet = MainTest.run("prove", "--root", root.toString(), "--stable", "--stale",
        "--check", "--workers", "1", "--no-progress");
    assertEquals(1, quiet.status(), quiet.out() + quiet.err());
    assertEquals("", quiet.err());

    MainTest.Run current = MainTest.run("prove", "--stable", "--stale", "--check", "--design",
        "page_pool_v6_12", "--configuration", "napi_local,large");
    assertEquals(0, current.status(), current.out() + current.err());
    assertTrue(current.out().contains("nothing to run"), current.out());
  }

  @Test
  void staleWithoutStableIsABadUsage() {
    MainTest.Run r = MainTest.run("prove", "--stale");
    assertEquals(2, r.status(), r.err());
    assertTrue(r.err().contains("--stale goes with --stable"), r.err());
  }

  @Test
  void aSpillDirectoryGivesTheSameFindingsAndKeepsNoFile(@TempDir Path spill) throws Exception {
    // the trace logs, frontiers and the liveness graph's edges in files there: what the row
    // finds is what its stable file says, and every file is gone when the row ends
    MainTest.Run r = MainTest.run("prove", "--stable", "--check", "--design", "page_pool_v6_12",
        "--configuration", "small", "--workers", "1", "--no-progress", "--spill-dir",
        spill.toString());
    assertEquals(0, r.status(), r.out() + r.err());
    assertTrue(r.out().startsWith("same: page_pool_v6_12 small ("), r.out());
    try (var left = Files.list(spill)) {
      assertEquals(0, left.count());
    }
    assertEquals(List.of(), poolcheck.explore.OpenFiles.under(spill), "nor one held open");
    MainTest.Run missing = MainTest.run("prove", "--stable", "--design", "page_pool_v6_12",
        "--spill-dir", spill.resolve("no_such_dir").toString());
    assertEquals(2, missing.status(), missing.err());
    assertEquals("poolcheck: --spill-dir " + spill.resolve("no_such_dir")
        + ": no such directory\n", missing.err());
    MainTest.Run alone = MainTest.run("prove", "--spill-dir", spill.toString());
    assertEquals(2, alone.status(), alone.err());
    assertTrue(alone.err().contains("--spill-dir goes with --stable"), alone.err());
  }
}
