package io.eventshop.devstack.aws.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventshop.devstack.aws.AwsAccount;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An SQS queue that a rule sends its events to, with how the message body is made and where failed deliveries go.
 * It counts its deliveries for the devstack's state page.
 */
final class Target {

    private final String id;
    private final String queueArn;
    private final TargetInput input;
    private final String messageGroupId;
    private final String deadLetterArn;
    private final ObjectNode definition;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    private Target(ObjectNode definition) {
        this.definition = definition;
        this.id = definition.path("Id").asText();
        this.queueArn = definition.path("Arn").asText();
        this.input = TargetInput.of(definition);
        JsonNode groupId = definition.path("SqsParameters").path("MessageGroupId");
        this.messageGroupId = groupId.isTextual() ? groupId.asText() : null;
        JsonNode deadLetter = definition.path("DeadLetterConfig").path("Arn");
        this.deadLetterArn = deadLetter.isTextual() ? deadLetter.asText() : null;
    }

    /**
     * Reads a target of PutTargets. An input that breaks the rules fails the whole request; an ARN this endpoint
     * cannot deliver to fails only its entry, which the caller reports.
     */
    static Target of(JsonNode definition) {
        if (!definition.path("Id").isTextual() || !definition.path("Arn").isTextual()) {
            throw EventBridgeException.validation("A target must have an Id and an Arn.");
        }
        Target target = new Target(definition.deepCopy());
        if (target.fifo() && target.messageGroupId == null) {
            throw EventBridgeException.validation(
                    "Parameter(s) SqsParameters must be specified for target: " + target.id + ".");
        }
        return target;
    }

    /** Whether this endpoint can deliver to the target's ARN: only SQS queues. */
    boolean isQueue() {
        try {
            return AwsAccount.serviceOf(queueArn).equals("sqs");
        } catch (IllegalArgumentException notAnArn) {
            return false;
        }
    }

    boolean fifo() {
        return queueArn.endsWith(".fifo");
    }

    String body(RoutedEvent routed) {
        return input.render(routed);
    }

    void countDelivered() {
        delivered.incrementAndGet();
    }

    void countFailed() {
        failed.incrementAndGet();
    }

    String id() {
        return id;
    }

    String queueArn() {
        return queueArn;
    }

    String messageGroupId() {
        return messageGroupId;
    }

    String deadLetterArn() {
        return deadLetterArn;
    }

    /** The target as it was put, for ListTargetsByRule. */
    ObjectNode definition() {
        return definition.deepCopy();
    }

    long delivered() {
        return delivered.get();
    }

    long failed() {
        return failed.get();
    }
}
