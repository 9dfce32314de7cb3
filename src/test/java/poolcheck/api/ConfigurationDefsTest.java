package poolcheck.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A def of constants in a configuration's setting and in an instance count is evaluated with
 * the configuration's values of the constants before it, as a constant there would be
 * (corpus/verified/defs_size_declarations.pool holds the other places a constant is needed).
 */
class ConfigurationDefsTest {
  private static final String MODEL = """
      model cpus;
      const CPUS = 2;
      const PAGES = 2;
      def DOUBLE_CPUS = CPUS * 2;
      def CPU_COUNT = CPUS;
      var taken : 0 .. 8 = 0;
      process cpu[CPU_COUNT] {
        take @page_pool_alloc_pages: { taken = taken + 1; }
      }
      invariant within: taken <= PAGES;
      config wide { CPUS = 3; PAGES = DOUBLE_CPUS; }
      config short { CPUS = 3; PAGES = DOUBLE_CPUS - 4; }
      config loop { CPUS = DOUBLE_CPUS; }
      """;
  private static final ModelCheck CPUS = ModelCheck.ofText("cpus.pool", MODEL);

  @Test
  void aSettingThroughADefUsesTheConfiguredConstantsBeforeIt() {
    ModelCheckResult r = CPUS.config("wide").exhaustive().assertHolds();
    assertEquals(Map.of("CPUS", 3, "PAGES", 6), r.constants());
    // three CPUs (the instance count through a def) each take once: every subset of them, 2^3
    assertEquals(8, r.statistics().distinct());
  }

  @Test
  void theDefaultsStandWithoutAConfiguration() {
    ModelCheckResult r = CPUS.exhaustive().assertHolds();
    assertEquals(Map.of("CPUS", 2, "PAGES", 2), r.constants());
    assertEquals(4, r.statistics().distinct());
  }

  @Test
  void aSettingFromADefCanMakeTheModelFail() {
    // PAGES = 3 * 2 - 4 = 2 with three CPUs: the third take breaks the invariant (with the
    // default CPUS = 2 the def would give 0 and the first take would)
    ModelCheckResult r = CPUS.config("short").exhaustive().assertViolates("within");
    assertEquals(3, r.counterexample().orElseThrow().length());
  }

  @Test
  void aSettingThatNamesItsOwnConstantSaysSo() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> CPUS.config("loop").exhaustive());
    assertEquals("cpus.pool:13:15: error PC109: not a constant expression: constant 'CPUS' is "
        + "used in its own setting in configuration 'loop', directly or through a def; a value "
        + "may use only constants declared before it", e.getMessage());
  }

  @Test
  void aDefineTakesALiteralAndSaysWhereADefGoes() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> CPUS.constant("PAGES", "DOUBLE_CPUS").exhaustive());
    assertTrue(e.getMessage().endsWith("-D PAGES=DOUBLE_CPUS: expected an integer (a -D value "
        + "is a literal; a constant, def or expression goes in a config block)"),
        e.getMessage());
  }
}
