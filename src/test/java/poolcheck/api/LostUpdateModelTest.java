package poolcheck.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The example of docs/testing.md, kept compiling and passing here. */
class LostUpdateModelTest {
  static final ModelCheck MODEL = ModelCheck.of("src/test/resources/examples/lost_update.pool");

  @Test
  void counterStaysInBoundsInEveryReachableState() {
    ModelCheckResult r = MODEL.properties("counter_bounded").exhaustive().assertHolds();
    // 13 states, counted by hand: (counter, cpu[0], cpu[1]) over load / store / done.
    assertEquals(13, r.statistics().distinct());
  }

  @Test
  void twoCpusLoseAnUpdateInFourSteps() {
    ModelCheckResult r = MODEL.exhaustive().assertViolates("no_lost_update");
    assertEquals(4, r.counterexample().orElseThrow().length());
  }

  @Test
  void eightCpusStillLoseItAndTheShrunkTraceIsAsShortAsWithTwo() {
    ModelCheckResult r = MODEL.constant("CPUS", 8)
        .simulate(200, 100).seed(42)
        .assertViolates("no_lost_update");
    // Shrinking keeps the two CPUs that collide and the six that must still finish: 4 + 2 * 6.
    assertEquals(16, r.counterexample().orElseThrow().length());
  }
}
