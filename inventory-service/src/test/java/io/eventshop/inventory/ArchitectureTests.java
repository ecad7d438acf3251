package io.eventshop.inventory;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.eventshop.inventory", importOptions = ImportOption.DoNotIncludeTests.class)
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
                    "io.eventshop.shipping..",
                    "io.eventshop.notification..");

    @ArchTest
    static final ArchRule controllersAreReachedOnlyOverHttp = noClasses()
            .that()
            .resideOutsideOfPackage("io.eventshop.inventory..web..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.eventshop.inventory..web..");
}
