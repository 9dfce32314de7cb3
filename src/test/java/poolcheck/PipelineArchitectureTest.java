package poolcheck;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.LocationProvider;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Path;
import java.util.Set;

/**
 * Holds the one-way pipeline language -> compile -> explore -> result -> trace -> cli: no stage
 * imports a stage downstream of it, and the searches (explore, simulate) and what they produce
 * (result, trace) know models only through the contract in poolcheck.system, never the compiler
 * or the front end. A shortcut that breaks this fails the build with the offending import named.
 */
@AnalyzeClasses(locations = PipelineArchitectureTest.MainClasses.class,
    importOptions = ImportOption.DoNotIncludeTests.class)
class PipelineArchitectureTest {
  /** The compiled main classes only: scanning the whole class path for them costs seconds. */
  static final class MainClasses implements LocationProvider {
    @Override
    public Set<Location> get(Class<?> testClass) {
      return Set.of(Location.of(Path.of("target/classes")));
    }
  }

  @ArchTest
  static final ArchRule languageImportsNoOtherStage = noClasses()
      .that().resideInAPackage("poolcheck.language..")
      .should().dependOnClassesThat().resideInAnyPackage("poolcheck.check..", "poolcheck.compile..",
          "poolcheck.explore..", "poolcheck.result..", "poolcheck.trace..", "poolcheck.cli..",
          "poolcheck.api..", "poolcheck.system..");

  @ArchTest
  static final ArchRule compileImportsOnlyTheLanguage = noClasses()
      .that().resideInAPackage("poolcheck.compile..")
      .should().dependOnClassesThat().resideInAnyPackage("poolcheck.explore..",
          "poolcheck.result..", "poolcheck.trace..", "poolcheck.cli..", "poolcheck.api..");

  @ArchTest
  static final ArchRule searchesAndResultsSeeModelsOnlyThroughTheContract = noClasses()
      .that().resideInAnyPackage("poolcheck.explore..", "poolcheck.simulate..",
          "poolcheck.trace..", "poolcheck.result..")
      .should().dependOnClassesThat().resideInAPackage("poolcheck.compile..");

  @ArchTest
  static final ArchRule theContractStandsAlone = noClasses()
      .that().resideInAPackage("poolcheck.system..")
      .should().dependOnClassesThat().resideInAnyPackage("poolcheck.compile..",
          "poolcheck.explore..", "poolcheck.simulate..", "poolcheck.result..",
          "poolcheck.trace..", "poolcheck.cli..", "poolcheck.api..", "poolcheck.proofs..",
          "poolcheck.export..");

  @ArchTest
  static final ArchRule exploreNeverSeesTheFrontEnd = noClasses()
      .that().resideInAPackage("poolcheck.explore..")
      .should().dependOnClassesThat().resideInAnyPackage("poolcheck.language..",
          "poolcheck.trace..", "poolcheck.cli..", "poolcheck.api..");

  @ArchTest
  static final ArchRule resultImportsNothingDownstream = noClasses()
      .that().resideInAPackage("poolcheck.result..")
      .should().dependOnClassesThat().resideInAnyPackage("poolcheck.explore..",
          "poolcheck.trace..", "poolcheck.cli..", "poolcheck.api..");

  @ArchTest
  static final ArchRule traceImportsNeitherExplorerNorCli = noClasses()
      .that().resideInAPackage("poolcheck.trace..")
      .should().dependOnClassesThat().resideInAnyPackage("poolcheck.explore..",
          "poolcheck.cli..", "poolcheck.api..");

  @ArchTest
  static final ArchRule apiIsNotBuiltOnTheCli = noClasses()
      .that().resideInAPackage("poolcheck.api..")
      .should().dependOnClassesThat().resideInAPackage("poolcheck.cli..");

  @ArchTest
  static final ArchRule onlyTheCliImportsTheCli = noClasses()
      .that().resideOutsideOfPackage("poolcheck.cli..")
      .should().dependOnClassesThat().resideInAPackage("poolcheck.cli..");

  @ArchTest
  static final ArchRule theCheckedModelSitsBetweenLanguageAndCompile = noClasses()
      .that().resideInAPackage("poolcheck.check..")
      .should().dependOnClassesThat().resideInAnyPackage("poolcheck.compile..",
          "poolcheck.explore..", "poolcheck.result..", "poolcheck.trace..", "poolcheck.cli..",
          "poolcheck.api..", "poolcheck.export..");
}
