package io.eventshop.devstack;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The devstack is two things in one jar: an AWS emulator that knows nothing of eventshop ({@code aws}), and eventshop's
 * launcher, which starts PostgreSQL, the emulator and the five services ({@code launcher}). These rules keep them apart,
 * so the emulator could move to a module of its own, or serve another system, unchanged.
 */
@AnalyzeClasses(packages = "io.eventshop.devstack", importOptions = ImportOption.DoNotIncludeTests.class)
class DevstackArchitectureTests {

    @ArchTest
    static final ArchRule theEmulatorKnowsNothingOfEventshop = noClasses()
            .that()
            .resideInAPackage("io.eventshop.devstack.aws..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.eventshop.devstack",
                    "io.eventshop.devstack.launcher..",
                    "io.eventshop.events..",
                    "io.eventshop.messaging..",
                    "io.eventshop.topology..");

    @ArchTest
    static final ArchRule theLauncherUsesTheEmulatorOnlyThroughItsEndpoint = noClasses()
            .that()
            .resideInAPackage("io.eventshop.devstack.launcher..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.eventshop.devstack.aws.sns..",
                    "io.eventshop.devstack.aws.sqs..",
                    "io.eventshop.devstack.aws.events..",
                    "io.eventshop.devstack.aws.http..");
}
