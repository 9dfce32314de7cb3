package poolcheck.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Models;
import poolcheck.explore.liveness.LivenessChecker;
import poolcheck.result.CheckResult;
import poolcheck.result.Verdict;
import poolcheck.system.PropertySelection;
import poolcheck.system.SuccessorSink;

/**
 * When a lasso of the symmetry quotient fails its check on the model, the unreduced graph
 * decides and the failure is reported in the result's channel (Explorer, EachProperty), not
 * printed by the explorer. A system whose symmetry is unsound (every state in the initial
 * state's orbit) is the only way to make a lift fail: a sound symmetry never does.
 */
class LiftFailureIsReportedTest {
  private static final String ONE_STEP = """
      var x : 0..1 = 0;
      process inc { go: { x = 1; } }
      fairness weak: inc;
      liveness reaches_one: eventually x == 1;
      """;

  @Test
  void theUnreducedGraphDecidesAndTheExplorerReportsTheFailedLift() throws Exception {
    CompiledModel m = Models.fromText("one_step.pool", ONE_STEP);
    Explorer sound = new Explorer(m);
    assertEquals(Verdict.VERIFIED, sound.run().verdict());
    assertEquals(List.of(), sound.liftFailures());

    // the quotient is the initial state alone, whose step to itself serves inc for ever
    // without x == 1: a violation there, which the model does not have
    Explorer lying = new Explorer(new OneOrbit(m));
    CheckResult r = lying.run();
    assertEquals(Verdict.VERIFIED, r.verdict(), "the unreduced graph decided");
    assertEquals(1, lying.liftFailures().size(), lying.liftFailures().toString());
    assertTrue(lying.liftFailures().get(0).startsWith("reaches_one: "),
        lying.liftFailures().get(0));
    assertTrue(lying.liftFailures().get(0).endsWith("; decided on the unreduced graph instead"),
        lying.liftFailures().get(0));
  }

  @Test
  void eachPropertyReportsTheFailedLiftBesideTheVerdicts() throws Exception {
    CompiledModel m = Models.fromText("one_step.pool", ONE_STEP);
    EachProperty.Report report = new EachProperty(new OneOrbit(m),
        SearchOptions.reproducible()).run();
    assertEquals(1, report.liftFailures().size(), report.liftFailures().toString());
    int id = m.property("reaches_one").orElseThrow().id();
    CheckResult live = report.properties().stream()
        .filter(r -> r.checked().contains("reaches_one")).findFirst().orElseThrow();
    assertEquals(Verdict.VERIFIED, live.verdict(), "property " + id);
  }

  @Test
  void theCheckerCountsEachFallback() throws Exception {
    CompiledModel m = Models.fromText("one_step.pool", ONE_STEP);
    PropertySelection alone = PropertySelection.of(m, List.of("reaches_one"), false);
    LivenessChecker checker = new LivenessChecker(new OneOrbit(m), alone);
    assertTrue(checker.check(alone).isEmpty());
    assertEquals(1, checker.liftFallbacks());
    assertEquals(1, checker.liftFailures().size());
  }

  /** The model with every state declared symmetric to its initial state: unsound on purpose. */
  private record OneOrbit(CompiledModel delegate) implements ForwardingSystem {
    @Override
    public boolean reducesSymmetry() {
      return true;
    }

    @Override
    public int[] canonical(int[] s) {
      List<int[]> initial = new ArrayList<>();
      delegate.stepper(PropertySelection.of(delegate, List.of(), false)).initialStates(new SuccessorSink() {
        @Override
        public void successor(int[] next, int transition) {
          initial.add(next.clone());
        }

        @Override
        public void violation(int property, int[] at, int transition) {}
      });
      return initial.get(0);
    }
  }
}
