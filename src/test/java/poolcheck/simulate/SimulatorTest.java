package poolcheck.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import poolcheck.compile.Models;
import poolcheck.compile.CompiledModel;
import poolcheck.explore.Explorer;
import poolcheck.result.CheckResult;
import poolcheck.result.Counterexample;
import poolcheck.trace.Replay;
import poolcheck.trace.Replays;

class SimulatorTest {
  static final String LOST_UPDATE = """
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

  /** A climber and two busy processes that never matter: random runs are long, the bug is not. */
  static final String CLIMB = """
      model climb;
      var x : 0 .. 40 = 0;
      var noise : 0 .. 3 = 0;
      process climber {
        up: { x = x + 1; goto up; }
      }
      process jitter[2] {
        spin: { either { noise = (noise + 1) % 4; } or { skip; } goto spin; }
      }
      invariant low: x < 30;
      """;

  static final String PICK = """
      model pick;
      var v : 0 .. 9 = 0;
      var other : bool = false;
      process picker {
        pick: { choose i in 0 .. 9 { v = i; } }
        check: { assert small: v < 7; }
      }
      process flipper {
        flip: { other = !other; goto flip; }
      }
      """;

  static final String STUCK = """
      model stuck;
      var a : bool = false;
      var b : bool = false;
      process left { take: { a = true; } wait: when (!b) { skip; } }
      process right { take: { b = true; } wait: when (!a) { skip; } }
      """;

  private static CompiledModel load(String name, String text) throws Exception {
    return Models.fromText(name + ".pool", text);
  }

  private static int bfsLength(CompiledModel m, String property) {
    CheckResult r = new Explorer(m).properties(Set.of(property)).run();
    return r.counterexample().orElseThrow().length();
  }

  private static void assertReplays(CompiledModel m, Counterexample cx) {
    Replay.Outcome o = Replays.replay(m, cx);
    assertTrue(o.ok(), "replay fails at step " + o.step() + ": " + o.message());
  }

  /**
   * Under symmetry reduction the model emits canonical successors, which need not be successors
   * of the state a run is in (here the canonical form moves the page the process holds); a
   * simulated run must be a run of the model itself.
   */
  @Test
  void aRunOfAModelWithAScalarsetReplaysOnTheModel() throws Exception {
    CompiledModel m = load("sym", """
        const PAGES = 2;
        type Page = scalarset(PAGES);
        var lvl : 0 .. 3 [Page] = 0;
        process a {
          var mine : lifo<Page, 1>;
          take: { choose q in Page { push(mine, q); } }
          bump: { choose q in Page { when (lvl[q] < 3); lvl[q] = lvl[q] + 1; } goto bump; }
        }
        invariant low: forall q in Page: lvl[q] < 3;
        """);
    for (long seed = 1; seed <= 20; seed++) {
      SimulationResult r = new Simulator(m).shrinkBudget(0).run(1, 50, seed);
      assertReplays(m, r.counterexample().orElseThrow());
    }
  }

  @Test
  void findsLostUpdateAndShrinksItToTheFourStepsBfsReports() throws Exception {
    CompiledModel m = load("lost", LOST_UPDATE);
    SimulationResult r = new Simulator(m).run(100, 50, 1);
    Counterexample cx = r.counterexample().orElseThrow();
    assertEquals("no_lost_update", cx.property().name());
    assertEquals(4, cx.length());
    assertEquals(bfsLength(m, "no_lost_update"), cx.length());
    assertReplays(m, cx);
  }

  @Test
  void shrinksALongClimbAmongNoiseToTheThirtyStepsOfTheClimb() throws Exception {
    CompiledModel m = load("climb", CLIMB);
    SimulationResult r = new Simulator(m).run(10, 500, 42);
    Counterexample cx = r.counterexample().orElseThrow();
    assertEquals("low", cx.property().name());
    // The climber runs a third of the time: the run that found it is about 90 steps long.
    assertTrue(r.foundLength() > 60, "the random run was short: " + r.foundLength());
    assertEquals(30, cx.length());
    assertEquals(bfsLength(m, "low"), cx.length());
    assertTrue(cx.steps().stream().skip(1)
        .allMatch(s -> s.transition().instance().equals("climber")), "noise steps remain");
    assertReplays(m, cx);
  }

  @Test
  void aShrinkingBudgetThatRunsOutStillReportsTheBestTraceSoFar() throws Exception {
    CompiledModel m = load("climb", CLIMB);
    SimulationResult r = new Simulator(m).shrinkBudget(80).run(10, 500, 42);
    Counterexample cx = r.counterexample().orElseThrow();
    assertTrue(cx.length() < r.foundLength(), cx.length() + " of " + r.foundLength());
    assertTrue(cx.length() > 30, "the budget was enough for the whole job");
    assertReplays(m, cx);
  }

  @Test
  void shrinkingPicksTheFirstOutcomeThatStillFails() throws Exception {
    CompiledModel m = load("pick", PICK);
    SimulationResult r = new Simulator(m).run(200, 100, 7);
    Counterexample cx = r.counterexample().orElseThrow();
    assertEquals("small", cx.property().name());
    assertEquals(2, cx.length());
    // v = 7 is the first value of the choose that breaks v < 7.
    assertEquals("7", cx.steps().get(2).state().get("v").toString());
    assertReplays(m, cx);
  }

  @Test
  void findsTheDeadlockOfTwoProcessesWaitingForEachOther() throws Exception {
    CompiledModel m = load("stuck", STUCK);
    SimulationResult r = new Simulator(m).run(100, 20, 3);
    Counterexample cx = r.counterexample().orElseThrow();
    assertEquals("deadlock", cx.property().name());
    assertEquals(2, cx.length());
    assertReplays(m, cx);
  }

  @Test
  void reportsNoViolationWhenOnlyUncheckedPropertiesBreak() throws Exception {
    CompiledModel m = load("stuck", STUCK);
    SimulationResult r = new Simulator(m).deadlock(false).run(50, 20, 3);
    assertFalse(r.violated());
    assertEquals(50, r.runsDone());
    assertEquals("no violation in 50 runs of depth 20 (not a proof)", r.noViolation());
  }

  @Test
  void sameSeedGivesTheSameRunAndTheRunSeedReproducesItAlone() throws Exception {
    CompiledModel m = load("climb", CLIMB);
    Simulator s = new Simulator(m).shrinkBudget(0);
    SimulationResult a = s.run(10, 500, 99);
    SimulationResult b = s.run(10, 500, 99);
    assertEquals(a.schedule(), b.schedule());
    assertEquals(a.foundLength(), b.foundLength());
    assertEquals(a.foundLength(), a.counterexample().orElseThrow().length());
    // The run seed is the seed of the failing run alone.
    SimulationResult alone = s.run(1, 500, a.runSeed());
    assertEquals(a.schedule(), alone.schedule());
  }

  /** Its one initial state is not canonical, so a reduced walk would start outside the model. */
  @Test
  void aWalkOnAModelWithAScalarsetIsARunOfTheModelItself() throws Exception {
    CompiledModel m = Models.fromText("order.pool", """
        type Id = scalarset(2);
        var s0 : Id;
        var s1 : Id;
        init {
          choose c in Id { when (c != s1); s0 = c; }
        }
        process p {
          a: { assert broken: s0 == s1; }
        }
        """);
    Counterexample cx = new Simulator(m).run(1, 5, 1).counterexample().orElseThrow();
    assertEquals("1", cx.steps().get(0).state().get("s0").toString());
    assertReplays(m, cx);
  }
}
