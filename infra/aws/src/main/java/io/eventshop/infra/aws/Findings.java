package io.eventshop.infra.aws;

import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.Validations;
import software.constructs.IConstruct;

/**
 * Acknowledges a cdk-nag finding on one construct, with the reason it is accepted. Every call sits next to the
 * construct it concerns, so that the reason is read where the choice is made.
 */
final class Findings {

    private Findings() {}

    static void acknowledge(IConstruct construct, String ruleId, String reason) {
        Validations.of(construct)
                .acknowledge(Acknowledgment.builder().id(ruleId).reason(reason).build());
    }
}
