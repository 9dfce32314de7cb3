package poolcheck;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.LocationProvider;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Holds the one-way pipeline language -> check -> compile -> explore -> result -> trace -> cli
 * (export reads check, beside compile): no stage
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

  /** The searches run on one machine or many alike: Pekko stays in poolcheck.cluster.pekko. */
  @ArchTest
  static final ArchRule exploreNeverImportsPekko = noClasses()
      .that().resideInAnyPackage("poolcheck.explore..", "poolcheck.system..",
          "poolcheck.cluster")
      .should().dependOnClassesThat().resideInAnyPackage("org.apache.pekko..", "scala..",
          "com.typesafe..");

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

  /**
   * What checking publishes, for compile, the reference interpreter, the exporters and the
   * language server: the frozen {@code CheckedModel} and the values it is made of (checked
   * steps, actions, types), the {@code Checker} entry that returns it (with the runtime
   * property names), and two rules both sides apply alike ({@code Arithmetic}'s 32-bit
   * overflow, the {@code Limits} in force). Nested classes count as their outer class.
   */
  private static final Set<String> CHECK_PUBLISHES = Set.of("CheckedModel", "CheckedStep",
      "Action", "Type", "Checker", "Arithmetic", "Limits");

  /**
   * The checker's working tables ({@code Symbols}, filled in place while checking), its scopes,
   * reports and sub-checkers stay inside poolcheck.check: every later stage reads the frozen
   * checked model instead, so nothing it reads can change under it.
   */
  @ArchTest
  static final ArchRule laterStagesReadOnlyWhatCheckingPublishes = noClasses()
      .that().resideOutsideOfPackage("poolcheck.check..")
      .should().dependOnClassesThat(new DescribedPredicate<JavaClass>(
          "are in poolcheck.check but not among " + new java.util.TreeSet<>(CHECK_PUBLISHES)) {
        @Override
        public boolean test(JavaClass type) {
          JavaClass c = type.getBaseComponentType(); // an array counts as its elements
          String outer = c.getName().replaceFirst("\\$.*", "");
          return c.getPackageName().startsWith("poolcheck.check")
              && !CHECK_PUBLISHES.contains(outer.substring(outer.lastIndexOf('.') + 1));
        }
      });

  /**
   * The exporters translate the checked model (names, types, resolved steps) and read the rest
   * (initial states, properties) through the system contract: never the compiler's code.
   */
  private static final DescribedPredicate<JavaClass> DECLARATIONS =
      new DescribedPredicate<>("are the parsed declarations (poolcheck.language.Decl)") {
        @Override
        public boolean test(JavaClass type) {
          String name = type.getBaseComponentType().getName();
          return name.equals("poolcheck.language.Decl")
              || name.startsWith("poolcheck.language.Decl$");
        }
      };

  private static final DescribedPredicate<JavaClass> PARSED_MODEL_OR_DECLARATIONS =
      new DescribedPredicate<>("are the parsed model or its declarations") {
        @Override
        public boolean test(JavaClass type) {
          return DECLARATIONS.test(type)
              || type.getBaseComponentType().getName().equals("poolcheck.language.ParsedModel");
        }
      };

  @ArchTest
  static final ArchRule exportReadsTheCheckedModelNotTheCompiler = noClasses()
      .that().resideInAPackage("poolcheck.export..")
      .should().dependOnClassesThat().resideInAnyPackage("poolcheck.compile..",
          "poolcheck.explore..", "poolcheck.cli..", "poolcheck.api..");

  /**
   * The exporters translate what the checker accepted, as the compiler does, so the two cannot
   * drift: not the parsed declarations (a property, fairness or initialiser read from the text
   * again could say what the checker refused).
   */
  @ArchTest
  static final ArchRule exportReadsNoParsedDeclarations = noClasses()
      .that().resideInAPackage("poolcheck.export..")
      .should().dependOnClassesThat(PARSED_MODEL_OR_DECLARATIONS);

  /**
   * The compiler compiles what the checker resolved (steps, labels, initialisers, the init's
   * position), never the declarations again, so what runs is what was checked. Its entry points
   * that run the whole front end take a parsed model and hand it whole to the checker, so
   * reading one (a method of ParsedModel) counts as a use too. The values both sides share stay
   * allowed: positions, diagnostics and error codes, the expression tree the checked steps
   * carry, and its printer.
   */
  @ArchTest
  static final ArchRule compileReadsNoParsedDeclarations = noClasses()
      .that().resideInAPackage("poolcheck.compile..")
      .should().dependOnClassesThat(DECLARATIONS)
      .orShould().callMethodWhere(new DescribedPredicate<JavaMethodCall>(
          "the parsed model is read") {
        @Override
        public boolean test(JavaMethodCall call) {
          return call.getTargetOwner().getName().equals("poolcheck.language.ParsedModel");
        }
      });

  /** The commands parse options, call the API and print: they never assemble the pipeline. */
  @ArchTest
  static final ArchRule cliUsesOnlyTheApi = classes()
      .that().resideInAPackage("poolcheck.cli..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("poolcheck.cli..",
          "poolcheck.api..", "poolcheck.browse..", "poolcheck.lsp", "picocli..", "java..", "" /* primitives */);

  /** The explorer's web server is a face of the API, as the command line is: built on it alone. */
  @ArchTest
  static final ArchRule theBrowserFaceUsesOnlyTheApi = classes()
      .that().resideInAPackage("poolcheck.browse..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("poolcheck.browse..",
          "poolcheck.api..", "com.sun.net.httpserver..", "com.fasterxml.jackson..", "java..",
          "" /* primitives */);

  @ArchTest
  static final ArchRule onlyTheCliStartsTheBrowserFace = noClasses()
      .that().resideOutsideOfPackages("poolcheck.browse..", "poolcheck.cli..")
      .should().dependOnClassesThat().resideInAPackage("poolcheck.browse..");

  /**
   * The language server is a front end like the CLI: only the CLI starts it, and nothing
   * upstream knows it or LSP4J (the language stays free of any editor protocol).
   */
  @ArchTest
  static final ArchRule onlyTheCliImportsTheLanguageServer = noClasses()
      .that().resideOutsideOfPackages("poolcheck.lsp..", "poolcheck.cli..")
      .should().dependOnClassesThat().resideInAPackage("poolcheck.lsp..");

  @ArchTest
  static final ArchRule onlyTheLanguageServerSpeaksLsp = noClasses()
      .that().resideOutsideOfPackage("poolcheck.lsp..")
      .should().dependOnClassesThat().resideInAPackage("org.eclipse.lsp4j..");

  /**
   * The API's public face speaks only its own types and the JDK's: no engine type (so the
   * engine can change behind it) and no library type (guava, jackson and picocli are relocated
   * in the published jar, so such a type would not be the one a user's code names).
   */
  @ArchTest
  static final ArchRule apiSignaturesUseOnlyApiAndJdkTypes = classes()
      .that().resideInAPackage("poolcheck.api").and().arePublic()
      .should(new ArchCondition<JavaClass>("expose only poolcheck.api and JDK types") {
        @Override
        public void check(JavaClass c, ConditionEvents events) {
          List<JavaType> exposed = new ArrayList<>();
          List<String> where = new ArrayList<>();
          for (JavaCodeUnit u : c.getCodeUnits()) {
            if (!u.getModifiers().contains(JavaModifier.PUBLIC)) continue;
            exposed.add(u.getReturnType());
            where.add(u.getFullName());
            for (JavaType t : u.getParameterTypes()) {
              exposed.add(t);
              where.add(u.getFullName());
            }
          }
          for (JavaField f : c.getFields()) {
            if (!f.getModifiers().contains(JavaModifier.PUBLIC)) continue;
            exposed.add(f.getType());
            where.add(f.getFullName());
          }
          for (JavaType t : c.getInterfaces()) {
            exposed.add(t);
            where.add(c.getName() + " implements");
          }
          c.getRawSuperclass().ifPresent(s -> {
            exposed.add(s);
            where.add(c.getName() + " extends");
          });
          for (int i = 0; i < exposed.size(); i++) {
            for (JavaClass raw : exposed.get(i).getAllInvolvedRawTypes()) {
              JavaClass base = raw.isArray() ? raw.getBaseComponentType() : raw;
              String pkg = base.getPackageName();
              boolean ok = base.isPrimitive() || pkg.equals("poolcheck.api")
                  || pkg.startsWith("java.");
              if (!ok) {
                events.add(SimpleConditionEvent.violated(c, where.get(i) + " exposes "
                    + base.getName()));
              }
            }
          }
        }
      });
}
