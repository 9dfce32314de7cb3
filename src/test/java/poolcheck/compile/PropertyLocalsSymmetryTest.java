package poolcheck.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import poolcheck.explore.Explorer;
import poolcheck.language.ModelException;
import poolcheck.result.CheckResult;
import poolcheck.result.Verdict;

/**
 * A property that names an instance (taker[0].got) under symmetry reduction: reduction permutes
 * scalarset values, never instances, so the verdicts are those of the unreduced search and the
 * reduced count is the number of orbits, both worked out by hand below.
 */
class PropertyLocalsSymmetryTest {
  // Two takers each take a different page of two. Unreduced: the start, one taker holding
  // page 0 or 1 (2 x 2 = 4), both holding different pages (2): 7 states. Swapping the pages
  // maps "taker 0 has 0, taker 1 has 1" to "taker 0 has 1, taker 1 has 0" (one orbit); the
  // one-taker states do not pair up (the other taker's default page 0 moves to 1): 1 + 4 + 1 = 6.
  private static final String TAKERS = """
      type Page = scalarset(2);
      var taken : bool[Page] = false;
      process taker[2] {
        var got : Page;
        var has : bool = false;
        take: { choose p in Page { when (!taken[p]); taken[p] = true; got = p; has = true; } }
      }
      invariant owned: forall t in 0 .. 1: taker[t].has => taken[taker[t].got];
      """;

  private static CheckResult run(String text, boolean symmetry) throws ModelException {
    return new Explorer(Models.fromText("t.pool", text).withSymmetry(symmetry)).run();
  }

  @Test
  void aPropertyNamingAnInstanceKeepsItsVerdictAndCountsOrbits() throws ModelException {
    String text = TAKERS + "invariant distinct: (taker[0].has && taker[1].has) => "
        + "taker[0].got != taker[1].got;\n";
    CheckResult plain = run(text, false);
    CheckResult reduced = run(text, true);
    assertEquals(Verdict.VERIFIED, plain.verdict());
    assertEquals(Verdict.VERIFIED, reduced.verdict());
    assertEquals(7, plain.statistics().distinct());
    assertEquals(6, reduced.statistics().distinct());
  }

  @Test
  void aViolationNamingAnInstanceIsFoundWithAndWithoutReduction() throws ModelException {
    // taker 1 can never hold the page taker 0 holds: broken as soon as both hold one (2 steps)
    String text = TAKERS + "invariant same: (taker[0].has && taker[1].has) => "
        + "taker[0].got == taker[1].got;\n";
    for (boolean symmetry : new boolean[] {false, true}) {
      CheckResult r = run(text, symmetry);
      assertEquals(Verdict.VIOLATED, r.verdict());
      assertEquals("same", r.counterexample().orElseThrow().property().name());
      assertEquals(2, r.counterexample().orElseThrow().length());
    }
  }

  @Test
  void aScalarsetValueIsNoInstanceNumber() {
    ModelException e = assertThrows(ModelException.class, () -> Models.fromText("t.pool", TAKERS
        + "invariant bad: forall p in Page: taker[p].has;\n"));
    assertEquals("PC106", e.diagnostics().get(0).code());
    assertTrue(e.getMessage().contains("an instance number"), e.getMessage());
  }
}
