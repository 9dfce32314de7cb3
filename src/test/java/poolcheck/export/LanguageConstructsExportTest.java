package poolcheck.export;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import poolcheck.compile.ModelShape;
import poolcheck.language.ModelException;

/**
 * Another process's local in a property, def and assume in both exports. The SPIN and TLA+
 * cross-checks run the corpus models that use them (readers_disagree, property_reads_locals,
 * defs_take_slots, assume_*) for the verdicts and counts; these pin what the exports write.
 */
class LanguageConstructsExportTest {
  private static final String READERS = """
      var counter : 0 .. 1 = 0;
      process writer { var wrote : bool = false; inc: { wrote = true; counter = 1; } }
      process reader[2] { var got : 0 .. 1 = 0; read: { got = counter; } }
      def agree(a, b) = a == b;
      invariant fixed: writer.wrote => reader[1].got <= counter;
      invariant every: forall r in 0 .. 1: agree(reader[r].got, reader[r].got);
      """;

  @Test
  void promelaReadsTheFlattenedLocalOfTheNamedInstance() throws ModelException {
    String pml = PromelaExport.render(PromelaExportTest.shape(READERS, Map.of()));
    assertTrue(pml.contains(InstanceNames.local(process("reader"), 1, "got") + " <= counter"),
        pml);
  }

  @Test
  void tlaReadsTheFlattenedLocalOfTheNamedInstance() throws ModelException {
    String tla = TlaExport.render(PromelaExportTest.shape(READERS, Map.of()), "M").module();
    assertTrue(tla.contains(InstanceNames.local(process("reader"), 1, "got") + " <= counter"),
        tla);
  }

  @Test
  void aComputedInstanceBecomesAChoiceOverTheInstances() throws ModelException {
    ModelShape shape = PromelaExportTest.shape("""
        var x : 0 .. 1 = 0;
        process reader[2] { var got : 0 .. 1 = 0; read: { got = x; } }
        invariant i: x == 0 || reader[x].got == 0;
        """, Map.of());
    String r0 = InstanceNames.local(shape.process("reader"), 0, "got");
    String r1 = InstanceNames.local(shape.process("reader"), 1, "got");
    assertTrue(PromelaExport.render(shape).contains("(x == 0 -> " + r0 + " : " + r1 + ")"));
    assertTrue(TlaExport.render(shape, "M").module().contains("(IF x = 0 THEN " + r0 + " ELSE "
        + r1 + ")"));
  }

  private static final String ASSUMES = """
      var x : 0 .. 3 = 0;
      process p { s: { x = x + 1; goto s; } }
      assume x <= 2;
      """;

  /** The assumption guards every step; the deadlock monitor spares a state outside it. */
  @Test
  void promelaGuardsEveryStepWithTheAssumption() throws ModelException {
    String pml = PromelaExport.render(PromelaExportTest.shape(ASSUMES, Map.of()));
    assertTrue(pml.contains("#define poolcheck_assumed ((x <= 2))"), pml);
    assertTrue(pml.contains("(pc_p == 0) && poolcheck_assumed ->"), pml);
    assertTrue(pml.contains("|| !poolcheck_assumed)"), pml);
  }

  /** Every action has the assumption as a conjunct, and Done lets a state outside it stutter. */
  @Test
  void tlaGuardsEveryActionAndLetsAStateOutsideStutter() throws ModelException {
    String tla = TlaExport.render(PromelaExportTest.shape(ASSUMES, Map.of()), "M").module();
    assertTrue(tla.contains("Assumption ==\n  (x <= 2)\n"), tla);
    assertTrue(tla.contains("/\\ Assumption = TRUE"), tla);
    assertTrue(tla.contains("\\/ ~(Assumption = TRUE)"), tla);
  }

  private static ModelShape.Process process(String name) throws ModelException {
    return PromelaExportTest.shape(READERS, Map.of()).process(name);
  }
}
