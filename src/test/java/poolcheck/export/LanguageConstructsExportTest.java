package poolcheck.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import poolcheck.language.ModelException;

/**
 * Another process's local in a property, def, assume and records in both exports. The SPIN and
 * TLA+ cross-checks run the corpus models that use them (readers_disagree,
 * property_reads_locals, defs_take_slots, assume_*, records_*) for the verdicts and counts;
 * these pin what the exports write.
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

  private static final String PAGES = """
      type Page = record { pp_ref : 0 .. 3, mapped : bool };
      var page : Page[0 .. 1] = {mapped: true};
      var stats : record { allocs : 0 .. 3 };
      process napi { get: { page[1].pp_ref = 1; stats.allocs = 1; } }
      invariant mapped_while_used: page[1].pp_ref > 0 => page[1].mapped;
      """;

  @Test
  void aRecordFieldIsAVariableOfItsOwnInBothTargets() throws ModelException {
    ModelShape shape = PromelaExportTest.shape(PAGES, Map.of());
    String pml = PromelaExport.render(shape);
    assertTrue(pml.contains("byte page_pp_ref[2];"), pml);
    assertTrue(pml.contains("bool page_mapped[2];"), pml);
    assertTrue(pml.contains("page_pp_ref[1] = 1;"), pml);
    assertTrue(pml.contains("stats_allocs = 1;"), pml);
    String tla = TlaExport.render(shape, "M").module();
    assertTrue(tla.contains("VARIABLES page_pp_ref, page_mapped, stats_allocs"), tla);
    assertTrue(tla.contains("page_pp_ref[1] > 0"), tla);
  }

  @Test
  void aFieldSpelledLikeAnotherNameIsRefusedWithItsPosition() throws ModelException {
    ModelShape shape = PromelaExportTest.shape(PAGES + "var page_mapped : bool;\n", Map.of());
    for (boolean promela : new boolean[] {true, false}) {
      ModelException e = assertThrows(ModelException.class, () -> {
        if (promela) {
          PromelaExport.render(shape);
        } else {
          TlaExport.render(shape, "M");
        }
      });
      assertEquals("PC201", e.diagnostics().get(0).code());
      assertEquals(2, e.diagnostics().get(0).position().line());
      assertTrue(e.getMessage().contains("record field 'page[].mapped' is written page_mapped in "
          + (promela ? "Promela" : "TLA+") + ", the name of variable 'page_mapped' too"),
          e.getMessage());
    }
  }
}
