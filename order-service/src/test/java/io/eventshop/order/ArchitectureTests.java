package io.eventshop.order;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.eventshop.messaging.testing.ServiceArchitecture;

/** The shape of order-service, checked with the rules every service runs (common-messaging's test jar). */
@AnalyzeClasses(packages = "io.eventshop.order", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchTests serviceArchitecture = ArchTests.in(ServiceArchitecture.class);
}
