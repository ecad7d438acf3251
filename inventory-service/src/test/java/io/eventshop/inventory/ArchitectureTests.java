package io.eventshop.inventory;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.eventshop.messaging.testing.ServiceArchitecture;

/** inventory-service has the shape of every service: common-messaging's rules, run on its classes. */
@AnalyzeClasses(packages = "io.eventshop.inventory", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchTests serviceArchitecture = ArchTests.in(ServiceArchitecture.class);
}
