package poolcheck.explore.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.junit.jupiter.api.Test;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Models;
import poolcheck.result.Counterexample;
import poolcheck.system.PropertySelection;
import poolcheck.trace.Replay;
import poolcheck.trace.Replays;

/**
 * Lassos found in the quotient graph and lifted to the model: on models whose quotient cycle is
 * one state permuted by its own step, or closes only after several turns, the lifted lasso has
 * the exact length of the model's cycle, replays as a fair violating lasso, and no lift falls
 * back to the model's own graph.
 */
class LassoLiftTest {
  /** Three distinct values rotated: a, b, c := b, c, a. Every state is in one orbit. */
  private static final String ROTATION = """
      type Id = scalarset(3);
      var a : Id;
      var b : Id;
      var c : Id;
      init {
        choose y in Id { when (y != a); b = y; }
        choose z in Id { when (z != a && z != b); c = z; }
      }
      liveness two_agree: eventually a == b;
      """;

  private static final String ROTATE = "choose t in Id { when (t == a); a = b; b = c; c = t; }";

  @Test
  void aQuotientSelfLoopThatPermutesTheStateLiftsToThreeTurnsOfTheRotation() throws Exception {
    CompiledModel m = Models.fromText("rotation.pool", ROTATION
        + "process rot { turn: { " + ROTATE + " goto turn; } }\nfairness weak: rot;\n");
    Counterexample cx = lifted(m, "two_agree", 1);
    // the quotient's cycle is one permuting self-loop: a move of rot, so the weakly fair rot is
    // served, not a stutter; the model's cycle is three rotations, two states after the loop
    assertEquals(0, cx.loop());
    assertEquals(2, cx.length());
    assertEquals("turn", cx.closing().label());
  }

  @Test
  void aTwoStepQuotientCycleClosesAfterThreeTurns() throws Exception {
    CompiledModel m = Models.fromText("rotation.pool", ROTATION
        + "process rot { turn: { " + ROTATE + " } rest: { skip; goto turn; } }\n"
        + "fairness weak: rot;\n");
    Counterexample cx = lifted(m, "two_agree", 2);
    assertEquals(0, cx.loop());
    assertEquals(5, cx.length(), "three turns of two steps, the last one closing the lasso");
    assertEquals("rest", cx.closing().label());
  }

  @Test
  void aQuotientStateStutteredInForEverLiftsToAStutter() throws Exception {
    CompiledModel m = Models.fromText("rotation.pool", ROTATION
        + "process rot { turn: { " + ROTATE + " goto turn; } }\n");
    Counterexample cx = lifted(m, "two_agree", 1);
    assertEquals(0, cx.loop());
    assertEquals(0, cx.length());
    assertNull(cx.closing());
  }

  @Test
  void aFairProcessThatMakesTwoAgreeLeavesNoViolationToLift() throws Exception {
    // a rotation never makes two values agree, but join, weakly fair, must copy a into b
    CompiledModel m = Models.fromText("rotation.pool", ROTATION
        + "process rot { turn: { " + ROTATE + " goto turn; } }\n"
        + "process join { go: { b = a; } }\n"
        + "fairness weak: rot, join;\n");
    PropertySelection alone = PropertySelection.of(m, List.of("two_agree"), false);
    LivenessChecker checker = new LivenessChecker(m, alone);
    assertNull(checker.checkEach(alone)[m.property("two_agree").orElseThrow().id()]);
    assertNull(new LivenessChecker(m.withSymmetry(false), alone)
        .checkEach(alone)[m.property("two_agree").orElseThrow().id()]);
  }

  /**
   * Property {@code name}'s lasso as the checker finds it under symmetry, after checking that
   * the quotient had {@code quotientStates}, that no lift fell back, that the unreduced graph
   * agrees on the verdict and the length, and that the lasso replays.
   */
  private static Counterexample lifted(CompiledModel m, String name, int quotientStates) {
    assertTrue(m.reducesSymmetry());
    PropertySelection alone = PropertySelection.of(m, List.of(name), false);
    int id = m.property(name).orElseThrow().id();
    LivenessChecker checker = new LivenessChecker(m, alone);
    Counterexample cx = checker.checkEach(alone)[id];
    assertNotNull(cx, name + " is violated");
    assertEquals(0, checker.liftFallbacks(), "the lift fell back to the unreduced graph");
    assertEquals(quotientStates, checker.distinct(), "states of the quotient");
    Counterexample unreduced = new LivenessChecker(m.withSymmetry(false), alone)
        .checkEach(alone)[id];
    assertNotNull(unreduced);
    assertEquals(unreduced.length(), cx.length(), "the unreduced graph's lasso");
    Replay.Outcome o = Replays.replay(m, cx, ImmutableList.of(name));
    assertTrue(o.ok(), o.message());
    return cx;
  }
}
