package poolcheck.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCheckTest {
  private static final String LOST = """
      model lost_update;
      const CPUS : 1 .. 4 = 2;
      type Cpu = 0 .. CPUS - 1;
      var counter : 0 .. CPUS = 0;
      process cpu[CPUS] {
        var tmp : 0 .. CPUS = 0;
        load @atomic_read:  { tmp = counter; }
        store @atomic_set:  { counter = tmp + 1; }
      }
      invariant counter_bounded: counter <= CPUS;
      invariant no_lost_update: (forall c in Cpu: at(cpu[c], done)) => counter == CPUS;
      """;

  private static final ModelCheck MODEL = ModelCheck.ofText("lost.pool", LOST);

  @Test
  void exhaustiveCheckFindsTheLostUpdateInFourSteps() {
    ModelCheckResult r = MODEL.exhaustive().assertViolates("no_lost_update");
    assertEquals(4, r.counterexample().orElseThrow().length());
  }

  @Test
  void exhaustiveCheckOfTheBoundHolds() {
    ModelCheckResult r = MODEL.constant("CPUS", 3).properties("counter_bounded").exhaustive()
        .assertHolds();
    assertEquals(Verdict.VERIFIED, r.verdict());
    assertEquals(3, r.constants().get("CPUS"));
  }

  @Test
  void failedAssertHoldsCarriesTheShrunkTraceAndTheSeed() {
    AssertionError e = assertThrows(AssertionError.class,
        () -> MODEL.simulate(100, 50).seed(42).assertHolds());
    String m = e.getMessage();
    assertTrue(m.startsWith("expected every checked property to hold, but no_lost_update "
        + "(invariant) is violated in 4 steps"), m);
    assertTrue(m.contains("seed 42; reproduce with .seed(42)"), m);
    assertTrue(m.contains("Step 4: cpu["), m);
  }

  @Test
  void assertViolatesPassesOnTheViolatedPropertyAndFailsOnAnother() {
    MODEL.simulate(100, 50).seed(1).assertViolates("no_lost_update");
    AssertionError e = assertThrows(AssertionError.class,
        () -> MODEL.simulate(100, 50).seed(1).assertViolates("counter_bounded"));
    assertTrue(e.getMessage().startsWith("expected a violation of counter_bounded, but "
        + "no_lost_update"), e.getMessage());
  }

  @Test
  void simulationThatFindsNothingHoldsButSaysItIsNoProof() {
    ModelCheckResult r = MODEL.properties("counter_bounded").simulate(30, 10).seed(3)
        .assertHolds();
    assertEquals(Verdict.INCOMPLETE, r.verdict());
    assertEquals(3, r.seed().orElseThrow());
    AssertionError e = assertThrows(AssertionError.class,
        () -> r.assertViolates("counter_bounded"));
    assertTrue(e.getMessage().contains("no violation in 30 runs of depth 10 (not a proof)"),
        e.getMessage());
  }

  @Test
  void anExhaustiveCheckCutShortByTheStateLimitDoesNotHold() {
    ModelCheckResult r = MODEL.properties("counter_bounded").exhaustive(5);
    assertEquals(Verdict.INCOMPLETE, r.verdict());
    AssertionError e = assertThrows(AssertionError.class, r::assertHolds);
    assertTrue(e.getMessage().startsWith("expected every checked property to hold, but "
        + "incomplete: state limit 5 reached"), e.getMessage());
  }

  @Test
  void badModelTextThrowsWithItsPosition(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.pool");
    Files.writeString(file, "model bad;\nvar x : 0 .. 3 = y;\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ModelCheck.of(file).exhaustive());
    assertTrue(e.getMessage().startsWith(file + ":2:18: error PC104"), e.getMessage());
  }
}
