package dev.e911.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.e911.api.archfixture.Violations;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Each architecture rule fails on a class that breaks it, so a green ArchitectureTests means something. */
class ArchitectureRulesCatchViolationsTest {

  private static EvaluationResult evaluate(ArchRule rule, Class<?>... classes) {
    JavaClasses imported = new ClassFileImporter().importClasses(classes);
    return rule.evaluate(imported);
  }

  @Test
  @DisplayName("the dependency rule catches a dependency on javax.xml")
  void dependencies() {
    assertThat(evaluate(ArchitectureRules.API_DEPENDS_ONLY_ON_JDK_VALIDATION_AND_LIBPHONENUMBER,
        Violations.UsesJavaxXml.class).hasViolation()).isTrue();
    assertThat(evaluate(ArchitectureRules.API_DEPENDS_ONLY_ON_JDK_VALIDATION_AND_LIBPHONENUMBER,
        Violations.ReadsMillis.class).hasViolation()).isFalse();
  }

  @Test
  @DisplayName("the I/O and logging rule catches files, System.out, java.util.logging and DNS")
  void ioAndLogging() {
    for (Class<?> c : new Class<?>[] {Violations.UsesFiles.class, Violations.PrintsToStdout.class, Violations.Logs.class,
        Violations.ResolvesNames.class}) {
      assertThat(evaluate(ArchitectureRules.API_USES_NO_IO_AND_NO_LOGGING, c).hasViolation()).as(c.getSimpleName()).isTrue();
    }
    assertThat(evaluate(ArchitectureRules.API_USES_NO_IO_AND_NO_LOGGING, Violations.ReadsMillis.class).hasViolation())
        .isFalse();
  }

  @Test
  @DisplayName("the wall-clock rule catches Instant.now, System.currentTimeMillis and LocalDateTime.now")
  void wallClock() {
    for (Class<?> c : new Class<?>[] {Violations.ReadsInstantNow.class, Violations.ReadsMillis.class,
        Violations.ReadsLocalDateTimeNow.class}) {
      assertThat(evaluate(ArchitectureRules.NO_API_CLASS_READS_THE_WALL_CLOCK, c).hasViolation()).as(c.getSimpleName()).isTrue();
    }
    assertThat(evaluate(ArchitectureRules.NO_API_CLASS_READS_THE_WALL_CLOCK, Violations.UsesFiles.class).hasViolation())
        .isFalse();
  }

  @Test
  @DisplayName("the final-fields rule catches a mutable field in a builder-based value and spares its builder")
  void finalFields() {
    EvaluationResult mutable = evaluate(ArchitectureRules.API_VALUE_CLASSES_HAVE_ONLY_FINAL_FIELDS,
        Violations.MutableValue.class, Violations.MutableValue.Builder.class);
    assertThat(mutable.hasViolation()).isTrue();
    assertThat(mutable.getFailureReport().getDetails()).hasSize(1).allMatch(d -> d.contains("MutableValue.name"));
    assertThat(evaluate(ArchitectureRules.API_VALUE_CLASSES_HAVE_ONLY_FINAL_FIELDS,
        Violations.ImmutableValue.class, Violations.ImmutableValue.Builder.class).hasViolation()).isFalse();
  }

  @Test
  @DisplayName("the final-fields rule covers every builder-based value class of the api and its records")
  void valueClassesSelected() {
    JavaClasses api = new ClassFileImporter()
        .withImportOption(new com.tngtech.archunit.core.importer.ImportOption.DoNotIncludeTests())
        .importPackages("dev.e911.api");
    assertThat(api.stream().filter(ArchitectureRules.VALUE_CLASSES).filter(c -> !c.isRecord()).map(c -> c.getSimpleName()))
        .containsExactlyInAnyOrder("DispatchableAddress", "NetworkObservation", "AgentLocation", "Agent", "Emergency");
    assertThat(api.stream().filter(ArchitectureRules.VALUE_CLASSES).filter(c -> c.isRecord()).map(c -> c.getSimpleName()))
        .contains("E164Number", "Elin", "IpAddress", "Location", "Site", "EmergencyRoutingRule", "GeoPoint");
  }
}
