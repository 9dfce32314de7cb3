package poolcheck.cli;

import static poolcheck.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

  /** Strong fairness of two processes over two lines: each has a position of its own. */
  private static final String STRONG = """
      var ready : bool = false;
      process a { set: { ready = true; } }
      process b { clear: { ready = false; } }
      fairness strong: a,
        b;
      liveness eventually_ready: eventually ready;
      invariant fine: true;
      """;

  /** The model above as m.pool, exported to {@code to} as {@code output}. */
  private Run exportStrong(String to, String output) throws Exception {
    Path model = dir.resolve("m.pool");
    Files.writeString(model, STRONG);
    return run("export", "--to", to, model.toString(), "-o", dir.resolve(output).toString());
  }

  @Test
  void listsEveryLivenessPropertyAndStrongFairnessPromelaLeavesOutOnStderr() throws Exception {
    Run r = exportStrong("promela", "m.pml");
    assertEquals(0, r.status(), r.err());
    Path model = dir.resolve("m.pool");
    assertEquals(model + ":4:18: warning PC201: promela: strong fairness of 'a' has no SPIN "
        + "equivalent (pan -f is weak fairness)\n"
        + model + ":5:3: warning PC201: promela: strong fairness of 'b' has no SPIN "
        + "equivalent (pan -f is weak fairness)\n"
        + model + ":6:1: warning PC201: promela: liveness property 'eventually_ready' not "
        + "exported (see the reasons above); the TLA+ export keeps it\n", r.err());
    String text = Files.readString(dir.resolve("m.pml"));
    assertTrue(!text.contains("ltl ") && text.contains("P_fine"), text);
  }

  @Test
  void keepsStrongFairnessAndTheLivenessPropertyInTlaWithNothingOnStderr() throws Exception {
    Run r = exportStrong("tla", "M.tla");
    assertEquals(0, r.status(), r.err());
    assertEquals("", r.err());
    String module = Files.readString(dir.resolve("M.tla"));
    assertTrue(module.contains("Fairness ==\n  /\\ SF_vars(Proc_a)\n  /\\ SF_vars(Proc_b)\n"),
        module);
    assertTrue(module.contains("Spec == Init /\\ [][Next]_vars /\\ Fairness\n"), module);
    assertTrue(module.contains("Live_eventually_ready == <>ready\n"), module);
    assertEquals("\\* TLC configuration for M (poolcheck export --to tla)\nSPECIFICATION Spec\n"
        + "INVARIANT Inv_fine\nPROPERTY Live_eventually_ready\nCHECK_DEADLOCK TRUE\n",
        Files.readString(dir.resolve("M.cfg")));
  }

  @Test
  void runsAWeaklyFairStepBackToItsOwnLabelWhereItChangesNothingInAProcessOfItsOwn() {
    Run r = run("export", "--to", "promela",
        "src/test/resources/corpus/verified/coverage_vacuous.pool");
    assertEquals(0, r.status(), r.err());
    assertEquals("", r.err());
    assertTrue(r.out().contains("active proctype poolcheck_stutter() {"), r.out());
    assertTrue(r.out().contains("/* ticker tick, path 1 of 3, where it changes nothing */"),
        r.out());
    assertTrue(r.out().contains("ltl L_alarm_handled { [] (lp_alarm_handled -> <> "
        + "lq_alarm_handled) }"), r.out());
  }

  @Test
  void exportsWeakFairnessAsAnLtlFormulaWithNothingOnStderr() {
    Run r = run("export", "--to", "promela", "src/test/resources/models/starving_mutex.pool");
    assertEquals(0, r.status(), r.err());
    assertEquals("", r.err());
    assertTrue(r.out().contains("ltl L_w0_enters { [] <> lq_w0_enters }"), r.out());
  }

  @Test
  void selectingOnlySafetyPropertiesDropsNothing() throws Exception {
    Path model = dir.resolve("m.pool");
    Files.writeString(model, STRONG);
    Run r = run("export", "--to", "promela", "--property", "fine", model.toString());
    assertEquals(0, r.status(), r.err());
    assertEquals("", r.err());
  }

  @Test
  void listsEachDivisionByAPossiblyNegativeDivisorTlaLeavesUndefined() {
    String model = "src/test/resources/export/negative_division.pool";
    Run r = run("export", "--to", "tla", model);
    assertEquals(0, r.status(), r.err());
    List<String> lines = r.err().lines().toList();
    assertEquals(5, lines.size(), r.err());
    assertEquals(model + ":13:29: warning PC201: tla: this / or % may have a negative divisor, "
        + "where the Integers module leaves \\div and % undefined (poolcheck floors); TLC's "
        + "answer there is TLC's own", lines.get(0));
  }

  @Test
  void flooredDivisionNeedsNoWarningInPromela() {
    Run r = run("export", "--to", "promela", "src/test/resources/export/negative_division.pool");
    assertEquals(0, r.status(), r.err());
    assertEquals("", r.err());
  }
}
