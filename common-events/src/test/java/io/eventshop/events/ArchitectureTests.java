package io.eventshop.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.eventshop.events", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule eventContractsStayAPlainJar = noClasses()
            .that()
            .resideInAPackage("io.eventshop.events..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "jakarta.persistence..", "software.amazon..", "io.awspring..")
            .because("common-events is a plain jar that every service can share (ARCHITECTURE §2)");

    @ArchTest
    static final ArchRule onlyTheJsonMappingKnowsJackson = noClasses()
            .that()
            .resideInAPackage("io.eventshop.events..")
            .and()
            .doNotHaveSimpleName("EventJson")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("tools.jackson..", "com.fasterxml.jackson..")
            .because("the event records are plain Java; their JSON mapping lives in EventJson alone");
}
