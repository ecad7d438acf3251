package io.eventshop.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The shape of notification-service: a domain free of frameworks, and no dependency on any other service. */
@AnalyzeClasses(packages = "io.eventshop.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule domainHasNoFrameworkImports = noClasses()
            .that()
            .resideInAPackage("..notification.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "software.amazon..",
                    "io.awspring..",
                    "io.eventshop.messaging..",
                    "jakarta.mail..",
                    "java.sql..");

    @ArchTest
    static final ArchRule dependsOnNoOtherService = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.eventshop.order..",
                    "io.eventshop.payment..",
                    "io.eventshop.inventory..",
                    "io.eventshop.shipping..");

    @ArchTest
    static final ArchRule onlyTheChannelPackageKnowsMail = noClasses()
            .that()
            .resideOutsideOfPackage("..notification.channel..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.mail..", "jakarta.mail..");
}
