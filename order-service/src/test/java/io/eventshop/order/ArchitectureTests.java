package io.eventshop.order;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The shape of order-service, checked. */
@AnalyzeClasses(packages = "io.eventshop.order", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule theDomainHasNoFrameworkSqlOrAwsCode = noClasses()
            .that()
            .resideInAPackage("io.eventshop.order.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "jakarta..",
                    "java.sql..",
                    "software.amazon..",
                    "io.awspring..",
                    "io.eventshop.messaging..",
                    "tools.jackson..");

    @ArchTest
    static final ArchRule theApplicationKnowsNothingOfHttpOrSql = noClasses()
            .that()
            .resideInAPackage("io.eventshop.order.application..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.web..", "org.springframework.http..", "java.sql..");

    @ArchTest
    static final ArchRule onlyTheWebLayerUsesTheWebLayer = noClasses()
            .that()
            .resideOutsideOfPackage("io.eventshop.order.web..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.eventshop.order.web..");

    @ArchTest
    static final ArchRule orderServiceDependsOnNoOtherService = noClasses()
            .that()
            .resideInAPackage("io.eventshop.order..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.eventshop.payment..",
                    "io.eventshop.inventory..",
                    "io.eventshop.shipping..",
                    "io.eventshop.notification..",
                    "io.eventshop.devstack..");

    @ArchTest
    static final ArchRule packagesHaveNoCycles =
            slices().matching("io.eventshop.order.(*)..").should().beFreeOfCycles();
}
