package io.eventshop.messaging.outbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.PublishBatchResultEntry;
import software.amazon.awssdk.services.sns.model.Topic;

/**
 * Publishes to the SNS FIFO topic with PublishBatch: the message group is the event's ordering key, the deduplication
 * id its eventId, and the outbox attributes become message attributes (so that subscriptions can filter on
 * {@code eventType} and raw deliveries carry {@code traceparent}).
 *
 * <p>Given the topic's ARN (as on AWS), it publishes to it and makes no other call. Given its name, it looks the ARN up
 * with ListTopics the first time it is needed. It never creates the topic: provisioning is the topology's job. Until
 * the topic exists, every publish fails and the relay retries with backoff.
 */
final class SnsEventPublisher implements EventPublisher {

    /** The attributes that SNS filter policies compare as numbers; all others are strings. */
    private static final Set<String> NUMBER_ATTRIBUTES = Set.of("amount");

    private final SnsClient sns;
    private final String topicName;
    private volatile @Nullable String topicArn;

    /**
     * @param topicName the topic's name
     * @param topicArn the topic's ARN, or {@code null} to look it up by name
     */
    SnsEventPublisher(SnsClient sns, String topicName, @Nullable String topicArn) {
        this.sns = sns;
        this.topicName = topicName;
        this.topicArn = topicArn;
    }

    @Override
    public Destination destination() {
        return Destination.SNS;
    }

    @Override
    public String destinationName() {
        return topicName;
    }

    @Override
    public PublishResult publish(List<OutboxEvent> events) {
        PublishBatchResponse response;
        try {
            response = sns.publishBatch(request -> request.topicArn(topicArn())
                    .publishBatchRequestEntries(events.stream().map(this::entry).toList())
                    .overrideConfiguration(call -> call.apiCallTimeout(CALL_TIMEOUT)));
        } catch (SdkException | TopicNotFoundException e) {
            return PublishResult.allFailed(events, e.getMessage());
        }
        var result = new PublishResult.Builder();
        for (PublishBatchResultEntry entry : response.successful()) {
            result.published(Long.parseLong(entry.id()));
        }
        for (BatchResultErrorEntry entry : response.failed()) {
            result.failed(Long.parseLong(entry.id()), entry.code() + ": " + entry.message());
        }
        return result.build();
    }

    private PublishBatchRequestEntry entry(OutboxEvent event) {
        return PublishBatchRequestEntry.builder()
                .id(Long.toString(event.id()))
                .message(event.payload())
                .messageGroupId(event.orderingKey())
                .messageDeduplicationId(event.eventId().toString())
                .messageAttributes(messageAttributes(event.attributes()))
                .build();
    }

    private static Map<String, MessageAttributeValue> messageAttributes(Map<String, String> attributes) {
        var values = new LinkedHashMap<String, MessageAttributeValue>();
        attributes.forEach((name, value) -> values.put(
                name,
                MessageAttributeValue.builder()
                        .dataType(NUMBER_ATTRIBUTES.contains(name) ? "Number" : "String")
                        .stringValue(value)
                        .build()));
        return values;
    }

    private String topicArn() {
        String arn = topicArn;
        if (arn == null) {
            arn = sns.listTopicsPaginator().topics().stream()
                    .map(Topic::topicArn)
                    .filter(candidate -> candidate.endsWith(":" + topicName))
                    .findFirst()
                    .orElseThrow(() -> new TopicNotFoundException(topicName));
            topicArn = arn;
        }
        return arn;
    }

    /** The topic does not exist (yet): provisioning has not run, or the name is wrong. */
    private static final class TopicNotFoundException extends RuntimeException {
        TopicNotFoundException(String topicName) {
            super("SNS topic not found: " + topicName);
        }
    }
}
