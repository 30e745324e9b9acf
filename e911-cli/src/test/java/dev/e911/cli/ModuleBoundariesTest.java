package dev.e911.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * Rules across all modules (the CLI sees every module on its classpath): nobody reaches into
 * another module's internals, and adapters never depend on each other.
 */
@AnalyzeClasses(packages = "dev.e911", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

  @ArchTest
  static final ArchRule nothing_outside_a_package_tree_uses_its_internal_package = noClasses()
      .should(new ArchCondition<JavaClass>("use another package tree's .internal package") {
        @Override
        public void check(JavaClass item, ConditionEvents events) {
          item.getDirectDependenciesFromSelf().forEach(d -> {
            String target = d.getTargetClass().getPackageName();
            int internal = target.indexOf(".internal");
            if (target.startsWith("dev.e911.") && internal >= 0
                && !item.getPackageName().startsWith(target.substring(0, internal))) {
              events.add(SimpleConditionEvent.violated(item, d.getDescription()));
            }
          });
        }
      });

  @ArchTest
  static final ArchRule carrier_adapters_do_not_depend_on_each_other_or_on_genesys = noClasses()
      .that().resideInAPackage("dev.e911.carrier.bandwidth..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.e911.carrier.intelepeer..", "dev.e911.genesys..");

  @ArchTest
  static final ArchRule the_api_depends_on_no_other_e911_module = noClasses()
      .that().resideInAPackage("dev.e911.api..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.e911.core..", "dev.e911.genesys..", "dev.e911.carrier..",
          "dev.e911.cli..", "dev.e911.testkit..");
}
