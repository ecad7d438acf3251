package io.eventshop.payment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The shape of payment-service: a domain free of frameworks, and no dependency on any other service. */
@AnalyzeClasses(packages = "io.eventshop.payment", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule domainHasNoFrameworkImports = noClasses()
            .that()
            .resideInAPackage("..payment.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "software.amazon..",
                    "io.awspring..",
                    "io.eventshop.messaging..",
                    "io.github.resilience4j..",
                    "jakarta.persistence..",
                    "java.sql..");

    @ArchTest
    static final ArchRule domainDependsOnNothingElseInTheService = noClasses()
            .that()
            .resideInAPackage("..payment.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "..payment.application..",
                    "..payment.web..",
                    "..payment.messaging..",
                    "..payment.persistence..",
                    "..payment.provider..");

    @ArchTest
    static final ArchRule dependsOnNoOtherService = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.eventshop.order..",
                    "io.eventshop.inventory..",
                    "io.eventshop.shipping..",
                    "io.eventshop.notification..");

    @ArchTest
    static final ArchRule onlyTheProviderPackageKnowsResilience4j = noClasses()
            .that()
            .resideOutsideOfPackage("..payment.provider..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.github.resilience4j..");
}
