package poolcheck.cli;

import static poolcheck.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poolcheck.cli.MainTest.Run;

class ExportCommandTest {
  @TempDir
  Path dir;

  @Test
  void writesTheTlaModuleAndItsConfigurationBesideIt() throws Exception {
    Path tla = dir.resolve("Lost.tla");
    Run r = run("export", "--to", "tla", "-D", "CPUS=3",
        "src/test/resources/export/lost_update.pool", "-o", tla.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(Files.readString(tla).startsWith("-------------------- MODULE Lost "));
    assertTrue(Files.readString(tla).contains("CPUS == 3"));
    assertTrue(Files.readString(dir.resolve("Lost.cfg")).contains("INVARIANT Inv_no_lost_update"));
  }

  @Test
  void exportsOnlyTheSelectedPropertiesAsCheckDoes() throws Exception {
    Path tla = dir.resolve("Lost.tla");
    Run r = run("export", "--to", "tla", "--property", "counter_bounded",
        "src/test/resources/export/lost_update.pool", "-o", tla.toString());
    assertEquals(0, r.status(), r.err());
    String cfg = Files.readString(dir.resolve("Lost.cfg"));
    assertTrue(cfg.contains("INVARIANT Inv_counter_bounded\nCHECK_DEADLOCK FALSE\n"), cfg);
    assertTrue(!cfg.contains("no_lost_update"), cfg);
  }

  @Test
  void refusesAnUnknownPropertyWithStatusTwo() {
    Run r = run("export", "--to", "promela", "--property", "nope",
        "src/test/resources/export/lost_update.pool");
    assertEquals(2, r.status());
    assertEquals("poolcheck: --property nope: the model has no such property (it has: deadlock, "
        + "counter_bounded, no_lost_update)\n", r.err());
  }

  @Test
  void printsPromelaOnStandardOutput() {
    Run r = run("export", "--to", "promela", "src/test/resources/export/deadlock.pool");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("active proctype t1() {"), r.out());
  }

  @Test
  void refusesAnUnknownTargetWithStatusTwo() {
    Run r = run("export", "--to", "nusmv", "src/test/resources/export/deadlock.pool");
    assertEquals(2, r.status());
    assertTrue(r.err().startsWith("poolcheck: Invalid value for option '--to'"), r.err());
  }

  @Test
  void reportsAnUnexportableStepAtItsPosition() throws Exception {
    Path model = dir.resolve("m.pool");
    Files.writeString(model, """
        var x : 0 .. 20 = 0;
        process p {
          s: { choose a in 0 .. 16 { choose b in 0 .. 16 { choose c in 0 .. 16 { x = a; } } } }
        }
        """);
    Run r = run("export", "--to", "promela", model.toString());
    assertEquals(2, r.status());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith(model + ":3:"), r.err());
    assertTrue(r.err().contains("error PC201: export: this step has more than 4096 ways"),
        r.err());
  }
}
