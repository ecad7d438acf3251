package io.eventshop.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.eventshop.messaging.testing.ServiceArchitecture;

/**
 * The shape every service has (common-messaging's {@link ServiceArchitecture}), and one rule of notification-service's
 * own: mail stays in the integration package, behind the NotificationChannel port.
 */
@AnalyzeClasses(packages = "io.eventshop.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchTests serviceArchitecture = ArchTests.in(ServiceArchitecture.class);

    @ArchTest
    static final ArchRule onlyTheIntegrationPackageKnowsMail = noClasses()
            .that()
            .resideOutsideOfPackage("..notification.integration..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.mail..", "jakarta.mail..");
}
