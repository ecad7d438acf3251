package io.eventshop.devstack.aws.sqs;

import io.eventshop.devstack.aws.AwsAccount;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Puts messages on SQS queues for SNS subscriptions and EventBridge targets, by queue ARN. It hands them to ElasticMQ's
 * queues in this JVM ({@link QueueSends}), with no SQS request made. A delivery that fails (a missing queue, a message
 * that SQS would refuse) is reported to the caller, never thrown, so a bad subscription cannot take the endpoint down.
 */
public final class QueueDelivery {

    /** A message for a queue. The group and deduplication ids are used only when the queue is FIFO. */
    public record Message(
            String body,
            Map<String, MessageAttributeValue> attributes,
            String messageGroupId,
            String deduplicationId) {}

    /** The outcome of one message: {@code error} is null when it was delivered. */
    public record Outcome(String error) {

        static final Outcome DELIVERED = new Outcome(null);

        public boolean delivered() {
            return error == null;
        }
    }

    private final EmbeddedElasticMq elasticMq;

    public QueueDelivery(EmbeddedElasticMq elasticMq) {
        this.elasticMq = elasticMq;
    }

    /** Sends the messages to the queue in order; the outcomes come back in the same order. */
    public CompletableFuture<List<Outcome>> send(String queueArn, List<Message> messages) {
        String queueName;
        try {
            queueName = AwsAccount.resourceOf(queueArn);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(
                    messages.stream().map(m -> new Outcome(e.getMessage())).toList());
        }
        return elasticMq
                .sends()
                .send(queueName, messages)
                .toCompletableFuture()
                .exceptionally(failure -> messages.stream()
                        .map(m -> new Outcome(reasonOf(failure)))
                        .toList());
    }

    private static String reasonOf(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
