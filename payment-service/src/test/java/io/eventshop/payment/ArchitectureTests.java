package io.eventshop.payment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.eventshop.messaging.testing.ServiceArchitecture;

/**
 * The shape every service has (common-messaging's {@link ServiceArchitecture}), and one rule of payment-service's
 * own: resilience4j stays in the integration package, behind the PaymentProvider port.
 */
@AnalyzeClasses(packages = "io.eventshop.payment", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchTests serviceArchitecture = ArchTests.in(ServiceArchitecture.class);

    @ArchTest
    static final ArchRule onlyTheIntegrationPackageKnowsResilience4j = noClasses()
            .that()
            .resideOutsideOfPackage("..payment.integration..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.github.resilience4j..");
}
