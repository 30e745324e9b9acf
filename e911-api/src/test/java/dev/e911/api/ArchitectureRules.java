package dev.e911.api;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchRule;
import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Date;

/**
 * The dependency and purity rules of e911-api, written down once: {@link ArchitectureTests} checks
 * them against the real classes, {@link ArchitectureRulesCatchViolationsTest} proves each one fails on
 * a class that breaks it.
 */
public final class ArchitectureRules {

  static final String API = "dev.e911.api..";

  private ArchitectureRules() {}

  /** api depends only on the JDK, jakarta.validation, libphonenumber and itself. */
  public static final ArchRule API_DEPENDS_ONLY_ON_JDK_VALIDATION_AND_LIBPHONENUMBER = classes()
      .that().resideInAPackage(API)
      .should().onlyDependOnClassesThat()
      .resideInAnyPackage("java..", "jakarta.validation..", "com.google.i18n.phonenumbers..", API)
      .because("e911-api is the contract every adapter compiles against (ARCHITECTURE.md)");

  /** api uses no I/O and no logging. */
  public static final ArchRule API_USES_NO_IO_AND_NO_LOGGING = noClasses()
      .that().resideInAPackage(API)
      .should().dependOnClassesThat(resideInAnyPackage("java.io..").and(DescribedPredicate.not(
          belongToAnyOf(Serializable.class, java.io.Serial.class))))
      .orShould().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.nio.channels..", "java.net.http..",
          "java.util.logging..", "org.slf4j..", "org.apache.logging..", "org.apache.commons.logging..", "ch.qos.logback..")
      .orShould().dependOnClassesThat(resideInAnyPackage("java.net..").and(DescribedPredicate.not(
          belongToAnyOf(URI.class, URISyntaxException.class))))
      .orShould().accessField(System.class, "out")
      .orShould().accessField(System.class, "err")
      .orShould().callMethod(System.class, "getLogger", String.class)
      .orShould().callMethod(Throwable.class, "printStackTrace")
      .because("the api is pure values and contracts; I/O, sockets, DNS and logging belong to core and adapters (java.net only for URI)");

  private static final DescribedPredicate<JavaMethodCall> WALL_CLOCK_READ = describe(
      "java.time *.now(), System.currentTimeMillis(), System.nanoTime() or Clock.systemUTC()/systemDefaultZone()",
      call -> {
        String owner = call.getTargetOwner().getName();
        String method = call.getName();
        return (owner.startsWith("java.time.") && method.equals("now"))
            || (owner.equals(System.class.getName()) && (method.equals("currentTimeMillis") || method.equals("nanoTime")))
            || (owner.equals(Clock.class.getName()) && (method.equals("systemUTC") || method.equals("systemDefaultZone")));
      });

  /** no class in api reads the wall clock. */
  public static final ArchRule NO_API_CLASS_READS_THE_WALL_CLOCK = noClasses()
      .that().resideInAPackage(API)
      .should().callMethodWhere(WALL_CLOCK_READ)
      .orShould().callConstructor(Date.class)
      .because("time comes from an injected java.time.Clock, so tests and replays are deterministic");

  /** Records, and final classes built by their own nested Builder. */
  static final DescribedPredicate<JavaClass> VALUE_CLASSES = describe("are records or final builder-based classes",
      c -> c.isRecord() || (c.getModifiers().contains(JavaModifier.FINAL) && hasOwnBuilder(c)));

  private static boolean hasOwnBuilder(JavaClass c) {
    return c.getMethods().stream().map(m -> m.getRawReturnType()).anyMatch(
        t -> t.getSimpleName().equals("Builder") && t.getEnclosingClass().map(c::equals).orElse(false));
  }

  /** value classes in api have only final fields. */
  public static final ArchRule API_VALUE_CLASSES_HAVE_ONLY_FINAL_FIELDS = fields()
      .that().areDeclaredInClassesThat(VALUE_CLASSES)
      .and().areDeclaredInClassesThat().resideInAPackage(API)
      .should().beFinal()
      .because("values are immutable and shared between threads without locks (hot path snapshot)");
}
