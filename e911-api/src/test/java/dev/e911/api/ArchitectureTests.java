package dev.e911.api;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The rules of ARCHITECTURE.md for e911-api, checked against the compiled main classes. */
@AnalyzeClasses(packages = "dev.e911.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

  @ArchTest
  static final ArchRule api_depends_only_on_the_jdk_jakarta_validation_and_libphonenumber =
      ArchitectureRules.API_DEPENDS_ONLY_ON_JDK_VALIDATION_AND_LIBPHONENUMBER;

  @ArchTest
  static final ArchRule api_uses_no_io_and_no_logging = ArchitectureRules.API_USES_NO_IO_AND_NO_LOGGING;

  @ArchTest
  static final ArchRule no_class_in_api_reads_the_wall_clock = ArchitectureRules.NO_API_CLASS_READS_THE_WALL_CLOCK;

  @ArchTest
  static final ArchRule value_classes_in_api_have_only_final_fields =
      ArchitectureRules.API_VALUE_CLASSES_HAVE_ONLY_FINAL_FIELDS;
}
