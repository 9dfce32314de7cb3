package poolcheck.simulate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Simulation is a search like the explorer: it sees the model contract and produces results. */
class SimulateDependenciesTest {
  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("poolcheck");

  @Test
  void simulateSeesOnlyTheModelContractAndResults() {
    classes().that().resideInAPackage("poolcheck.simulate..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("poolcheck.simulate..",
            "poolcheck.system..", "poolcheck.result..", "java..", "com.google.common..")
        .check(MAIN);
  }

  @Test
  void nothingUpstreamImportsTheSimulator() {
    classes().that().resideInAnyPackage("poolcheck.language..", "poolcheck.compile..",
            "poolcheck.explore..", "poolcheck.result..", "poolcheck.trace..")
        .should().onlyDependOnClassesThat().resideOutsideOfPackage("poolcheck.simulate..")
        .check(MAIN);
  }
}
