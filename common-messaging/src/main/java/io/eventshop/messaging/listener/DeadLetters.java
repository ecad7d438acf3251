package io.eventshop.messaging.listener;

import io.eventshop.messaging.metrics.HandlerOutcomes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a message that can never succeed to its queue's dead-letter queue at once, rather than after
 * {@code maxReceiveCount} futile attempts. The copy keeps the body, the message attributes and, on FIFO queues, the
 * message group, and adds {@value #REASON} and {@value #SOURCE_QUEUE}, so that an operator can see why it failed and
 * redrive it where it came from.
 *
 * <p>The dead-letter queue is the one named by the source queue's {@code RedrivePolicy}.
 *
 * <p>Each dead letter sent counts as {@code dead_lettered} in {@code eventshop.messages.handled}, under its event type,
 * and is told to the dead-letter queue's gauges ({@code metrics/QueueMetrics}), whose oldest age starts with it.
 */
final class DeadLetters {

    static final String REASON = "eventshop.failure.reason";
    static final String SOURCE_QUEUE = "eventshop.failure.source-queue";

    private final SqsAsyncClient sqs;
    private final HandlerOutcomes outcomes;
    private final EnvelopeUnwrapper unwrapper;
    private final Consumer<String> sentTo;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, String> deadLetterQueueUrls = new ConcurrentHashMap<>();

    /**
     * @param outcomes where dead letters are counted
     * @param unwrapper tells a dead letter's event type, for counting it
     * @param sentTo told the name of the dead-letter queue after each dead letter sent
     */
    DeadLetters(SqsAsyncClient sqs, HandlerOutcomes outcomes, EnvelopeUnwrapper unwrapper, Consumer<String> sentTo) {
        this.sqs = sqs;
        this.outcomes = outcomes;
        this.unwrapper = unwrapper;
        this.sentTo = sentTo;
    }

    /**
     * Sends a copy of {@code message} to the dead-letter queue of {@code queueUrl}, and returns once SQS has it; the
     * caller then acknowledges (deletes) the original.
     *
     * @throws IllegalStateException if the queue has no dead-letter queue; the message is then left to be retried
     */
    void send(String queueUrl, Message message, String reason) {
        String deadLetterQueueUrl = deadLetterQueueUrls.computeIfAbsent(queueUrl, this::deadLetterQueueOf);
        var attributes = new LinkedHashMap<>(message.messageAttributes());
        attributes.put(REASON, text(reason));
        attributes.put(SOURCE_QUEUE, text(queueName(queueUrl)));
        var request = SendMessageRequest.builder()
                .queueUrl(deadLetterQueueUrl)
                .messageBody(message.body())
                .messageAttributes(attributes);
        String groupId = message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
        if (groupId != null) {
            request.messageGroupId(groupId).messageDeduplicationId(message.messageId());
        }
        sqs.sendMessage(request.build()).join();
        outcomes.count(unwrapper.eventTypeOf(message), HandlerOutcomes.Outcome.DEAD_LETTERED);
        sentTo.accept(queueName(deadLetterQueueUrl));
    }

    private String deadLetterQueueOf(String queueUrl) {
        String redrivePolicy = sqs.getQueueAttributes(
                        request -> request.queueUrl(queueUrl).attributeNames(QueueAttributeName.REDRIVE_POLICY))
                .join()
                .attributes()
                .get(QueueAttributeName.REDRIVE_POLICY);
        if (redrivePolicy == null) {
            throw new IllegalStateException("queue " + queueUrl + " has no RedrivePolicy, so no dead-letter queue");
        }
        JsonNode targetArn = json.readTree(redrivePolicy).get("deadLetterTargetArn");
        // arn:aws:sqs:<region>:<account>:<queue name>
        String[] arn = targetArn.asString().split(":");
        return sqs.getQueueUrl(request -> request.queueName(arn[5]).queueOwnerAWSAccountId(arn[4]))
                .join()
                .queueUrl();
    }

    private static String queueName(String queueUrl) {
        return queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder()
                .dataType("String")
                .stringValue(value)
                .build();
    }
}
