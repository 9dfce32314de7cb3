package poolcheck.cli;

import static poolcheck.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poolcheck.cli.MainTest.Run;

class SimulateCommandTest {
  @TempDir
  Path dir;

  private Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

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
      invariant no_lost_update: (forall c in Cpu: at(cpu[c], done)) => counter == CPUS;
      """;

  @Test
  void reportsTheShrunkLostUpdateWithItsSeedAndWritesAReplayableTrace() throws Exception {
    Path model = write("lost.pool", LOST);
    Path json = dir.resolve("out.json");
    Run r = run("simulate", model.toString(), "--runs", "50", "--depth", "40", "--seed", "11",
        "--json", json.toString());
    assertEquals(ExitCode.VIOLATED, r.status(), r.err());
    assertTrue(r.out().contains("violated: no_lost_update (invariant)"), r.out());
    assertTrue(r.out().contains("to 4 steps"), r.out());
    assertTrue(r.out().contains("reproduce: --seed 11"), r.out());
    String written = Files.readString(json);
    assertTrue(written.contains("\"verdict\" : \"violated\""), written);
    assertTrue(written.contains("\"seed\" : 11"), written);
    Run replay = run("replay", model.toString(), json.toString());
    assertEquals(ExitCode.VERIFIED, replay.status(), replay.err());
    assertEquals("replayed 4 steps: no_lost_update is violated\n", replay.out());
  }

  @Test
  void saysNoViolationIsNotAProofAndExitsZero() throws Exception {
    Path model = write("lost.pool", LOST);
    Run r = run("simulate", model.toString(), "--runs", "20", "--depth", "10", "--seed", "1",
        "--property", "deadlock");
    assertEquals(ExitCode.VERIFIED, r.status(), r.err());
    assertTrue(r.out().contains("no violation in 20 runs of depth 10 (not a proof)"), r.out());
  }

  @Test
  void rejectsAnUnknownPropertyInOneLine() throws Exception {
    Path model = write("lost.pool", LOST);
    Run r = run("simulate", model.toString(), "--seed", "1", "--property", "nope");
    assertEquals(ExitCode.BAD_INPUT, r.status());
    assertTrue(r.err().startsWith("poolcheck: --property nope: the model has no such property"),
        r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }

  @Test
  void reportsBadModelTextWithItsPosition() throws Exception {
    Path model = write("bad.pool", "model x;\nvar a : bool = ;\n");
    Run r = run("simulate", model.toString(), "--seed", "1");
    assertEquals(ExitCode.BAD_INPUT, r.status());
    assertTrue(r.err().startsWith(model + ":2:16: error PC101"), r.err());
  }
}
