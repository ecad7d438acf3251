package io.eventshop.messaging.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** The shared rules pass on a service of the right shape, and each one catches the fault it is about. */
class ServiceArchitectureTests {

    private static final JavaClasses GOOD = new ClassFileImporter().importPackages("io.eventshop.goodshape");
    private static final JavaClasses BAD = new ClassFileImporter().importPackages("io.eventshop.badshape");

    @Test
    void aServiceOfTheRightShapeBreaksNoRule() {
        for (ArchRule rule : rules()) {
            assertThat(rule.evaluate(GOOD).hasViolation())
                    .as(rule.getDescription())
                    .isFalse();
        }
    }

    @Test
    void springInTheDomainIsCaught() {
        assertThat(violations(ServiceArchitecture.theDomainUsesNoFramework)).contains("Leaky");
    }

    @Test
    void httpInTheApplicationIsCaught() {
        assertThat(violations(ServiceArchitecture.theApplicationKnowsNoHttpOrSql))
                .contains("Reporter")
                .contains("HttpStatus");
    }

    @Test
    void anApplicationThatCallsTheWebLayerIsCaught() {
        assertThat(violations(ServiceArchitecture.layersDependInwards))
                .contains("Reporter")
                .contains("Endpoint");
    }

    @Test
    void aCycleBetweenPackagesIsCaught() {
        assertThat(violations(ServiceArchitecture.packagesHaveNoCycles)).contains("Cycle");
    }

    @Test
    void aDependencyOnTheDevstackIsCaught() {
        assertThat(violations(ServiceArchitecture.aServiceDependsOnNoOtherService))
                .contains("Borrowed")
                .contains("LocalAwsEndpoint");
    }

    private static String violations(ArchRule rule) {
        EvaluationResult result = rule.evaluate(BAD);
        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        return result.getFailureReport().toString();
    }

    private static ArchRule[] rules() {
        return new ArchRule[] {
            ServiceArchitecture.layersDependInwards,
            ServiceArchitecture.theDomainUsesNoFramework,
            ServiceArchitecture.theApplicationKnowsNoHttpOrSql,
            ServiceArchitecture.packagesHaveNoCycles,
            ServiceArchitecture.aServiceDependsOnNoOtherService
        };
    }
}
