package poolcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --resume refuses, in one line and with exit 2, a checkpoint that is not of this run. */
class ResumeRefusalTest {
  private static MainTest.Run run(String... args) {
    return MainTest.run(args);
  }

  private static final String MODEL = """
      model lost_update;
      const CPUS = 3;
      type Cpu = 0 .. CPUS - 1;
      var counter : 0 .. CPUS = 0;
      process cpu[CPUS] {
        var tmp : 0 .. CPUS = 0;
        load:  { tmp = counter; }
        store: { counter = tmp + 1; }
      }
      invariant no_lost_update: (forall c in Cpu: at(cpu[c], done)) => counter == CPUS;
      """;

  @TempDir
  Path dir;

  @Test
  void refusesTheCheckpointOfAnEditedModelOfTheSameName() throws Exception {
    Path model = dir.resolve("lost.pool");
    Path ck = dir.resolve("ck");
    Files.writeString(model, MODEL);
    MainTest.Run first = run("check", model.toString(), "-q", "--max-depth", "3", "--checkpoint",
        ck.toString(), "--checkpoint-interval", "0");
    assertEquals(ExitCode.INCOMPLETE, first.status(), first.err());
    Files.writeString(model, MODEL.replace("counter == CPUS", "counter >= CPUS - 1"));
    MainTest.Run resumed = run("check", model.toString(), "-q", "--resume", ck.toString());
    assertEquals(ExitCode.BAD_INPUT, resumed.status(), resumed.out());
    assertTrue(resumed.err().strip().matches("poolcheck: \\S+checkpoint.bin: cannot resume: "
        + "the checkpoint is of another run: model text: checkpoint sha256:\\w+, this run "
        + "sha256:\\w+; resume with the same model, constants and options, or start afresh"),
        resumed.err());
    assertEquals("", resumed.out().lines().filter(l -> l.contains("verified")
        || l.contains("violated")).findFirst().orElse(""), "no verdict");
    // the same text again resumes
    Files.writeString(model, MODEL);
    MainTest.Run again = run("check", model.toString(), "-q", "--resume", ck.toString());
    assertEquals(ExitCode.VIOLATED, again.status(), again.err());
  }

  @Test
  void refusesADamagedCheckpointInOneLine() throws Exception {
    Path model = dir.resolve("lost.pool");
    Path ck = dir.resolve("ck");
    Files.writeString(model, MODEL);
    run("check", model.toString(), "-q", "--max-depth", "3", "--checkpoint", ck.toString(),
        "--checkpoint-interval", "0");
    Path file = ck.resolve("checkpoint.bin");
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 30] ^= 4;
    Files.write(file, bytes);
    MainTest.Run resumed = run("check", model.toString(), "-q", "--resume", ck.toString());
    assertEquals(ExitCode.BAD_INPUT, resumed.status());
    assertEquals(1, resumed.err().strip().lines().count(), resumed.err());
    assertTrue(resumed.err().contains("cannot resume: damaged: "),
        resumed.err());
  }

  @Test
  void refusesAnUnwritableCheckpointDirectoryBeforeTheSearch() throws Exception {
    Path model = dir.resolve("lost.pool");
    Files.writeString(model, MODEL);
    Path notADir = dir.resolve("file");
    Files.writeString(notADir, "");
    MainTest.Run r = run("check", model.toString(), "-q", "--checkpoint", notADir.resolve("ck")
        .toString());
    assertEquals(ExitCode.BAD_INPUT, r.status());
    assertTrue(r.err().startsWith("poolcheck: --checkpoint " + notADir.resolve("ck")
        + ": cannot create the directory"), r.err());
    assertEquals("", r.out(), "nothing searched");
  }
}
