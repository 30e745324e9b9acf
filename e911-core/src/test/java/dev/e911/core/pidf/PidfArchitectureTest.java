package dev.e911.core.pidf;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.validation.SchemaFactory;

@AnalyzeClasses(packages = {"dev.e911.core.pidf", "dev.e911.core.sip"}, importOptions = ImportOption.DoNotIncludeTests.class)
class PidfArchitectureTest {

    /**
     * The writer and reader ({@code PidfLoWriter}, {@code PidfLoReader}) map the domain model by design;
     * the hardened XML plumbing underneath them stays free of it.
     */
    @ArchTest
    static final ArchRule the_internal_xml_layer_does_not_depend_on_the_domain_model = noClasses()
            .that().resideInAPackage("dev.e911.core.pidf.internal..")
            .should().dependOnClassesThat().resideInAPackage("dev.e911.api..");

    @ArchTest
    static final ArchRule sip_conveyance_does_not_parse_xml = noClasses()
            .that().resideInAPackage("dev.e911.core.sip..")
            .should().dependOnClassesThat().resideInAnyPackage("javax.xml..", "org.w3c..", "org.xml..");

    @ArchTest
    static final ArchRule the_xml_layer_only_uses_the_jdk_built_in_parsers_it_hardens = noClasses()
            .that().resideInAnyPackage("dev.e911.core.pidf..", "dev.e911.core.sip..")
            .should().callMethod(XMLInputFactory.class, "newInstance")
            .orShould().callMethod(XMLInputFactory.class, "newFactory")
            .orShould().callMethod(SAXParserFactory.class, "newInstance")
            .orShould().callMethod(SchemaFactory.class, "newInstance", String.class)
            .orShould().callMethod(DocumentBuilderFactory.class, "newInstance");
}
