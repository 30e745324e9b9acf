package dev.e911.core.store;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Where the store's dependencies may appear, one rule per sentence. */
@AnalyzeClasses(packages = "dev.e911.core", importOptions = ImportOption.DoNotIncludeTests.class)
class StoreArchitectureTest {

  @ArchTest
  static final ArchRule only_the_store_package_uses_jdbc = noClasses()
      .that().resideOutsideOfPackage("dev.e911.core.store..")
      .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..");

  @ArchTest
  static final ArchRule the_store_names_no_database_driver = noClasses()
      .that().resideInAPackage("dev.e911.core.store..")
      .should().dependOnClassesThat().resideInAnyPackage("org.h2..", "org.postgresql..");
}
