package dev.e911.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules of e911-core, one rule per sentence. */
@AnalyzeClasses(packages = "dev.e911.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

  @ArchTest
  static final ArchRule core_never_imports_an_adapter = noClasses()
      .should().dependOnClassesThat().resideInAnyPackage("dev.e911.genesys..", "dev.e911.carrier..", "dev.e911.cli..",
          "dev.e911.testkit..");

  @ArchTest
  static final ArchRule only_the_json_package_uses_jackson = noClasses()
      .that().resideOutsideOfPackage("dev.e911.core.json..")
      .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..");

  @ArchTest
  static final ArchRule nothing_reads_the_wall_clock = noClasses()
      .should().callMethod(java.time.Instant.class, "now")
      .orShould().callMethod(System.class, "currentTimeMillis")
      .orShould().callMethod(java.time.LocalDateTime.class, "now")
      .orShould().callMethod(java.time.OffsetDateTime.class, "now")
      .orShould().callMethod(java.time.ZonedDateTime.class, "now")
      .orShould().callMethod(java.time.Clock.class, "systemDefaultZone");

  /** A builder may default to the system clock when the caller injects none; nobody else picks a clock. */
  @ArchTest
  static final ArchRule only_builders_default_to_the_system_clock = noClasses()
      .that().haveSimpleNameNotEndingWith("Builder")
      .should().callMethod(java.time.Clock.class, "systemUTC");

  // "nothing outside a package tree uses its .internal package" is checked across every module by
  // e911-cli's ModuleBoundariesTest, which sees all of them on its class path.

  @ArchTest
  static final ArchRule core_does_not_print_to_the_console = noClasses()
      .should().accessField(System.class, "out")
      .orShould().accessField(System.class, "err");
}
