package io.eventshop.shipping;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.eventshop.shipping", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule theDomainKnowsNoFrameworkNorMessaging = noClasses()
            .that()
            .resideInAPackage("..domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "software.amazon..",
                    "io.awspring..",
                    "io.github.resilience4j..",
                    "io.eventshop.messaging..",
                    "io.eventshop.events..",
                    "jakarta.servlet..");

    @ArchTest
    static final ArchRule theServiceDependsOnNoOtherService = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.eventshop.order..",
                    "io.eventshop.payment..",
                    "io.eventshop.inventory..",
                    "io.eventshop.notification..");

    @ArchTest
    static final ArchRule controllersAreReachedOnlyOverHttp = noClasses()
            .that()
            .resideOutsideOfPackage("io.eventshop.shipping..web..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.eventshop.shipping..web..");

    @ArchTest
    static final ArchRule onlyTheAdapterKnowsTheSimulatedCarrier = noClasses()
            .that()
            .resideOutsideOfPackage("io.eventshop.shipping..carrier..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.eventshop.shipping..carrier..");
}
