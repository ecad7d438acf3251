package io.eventshop.shipping;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.eventshop.messaging.testing.ServiceArchitecture;

/**
 * shipping-service has the shape of every service: common-messaging's rules, run on its classes, and one of its own
 * about the carrier adapter.
 */
@AnalyzeClasses(packages = "io.eventshop.shipping", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchTests serviceArchitecture = ArchTests.in(ServiceArchitecture.class);

    /** The use cases book through the Carrier port; resilience4j and the simulator stay behind it. */
    @ArchTest
    static final ArchRule onlyTheIntegrationPackageKnowsResilience4j = noClasses()
            .that()
            .resideOutsideOfPackage("io.eventshop.shipping.integration..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.github.resilience4j..");
}
