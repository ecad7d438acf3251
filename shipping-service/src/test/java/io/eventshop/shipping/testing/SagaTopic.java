package io.eventshop.shipping.testing;

import io.eventshop.devstack.junit.LocalAwsExtension;
import io.eventshop.events.EventEnvelope;
import io.eventshop.events.EventJson;
import io.eventshop.events.IntegrationEvent;
import io.eventshop.messaging.testing.AwsFixtures;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The saga's SNS topic as a test sees it: it publishes other services' events as they would, redelivers a message
 * to a consumer queue as SQS does, and collects what the service under test published.
 */
public final class SagaTopic implements AutoCloseable {

    public static final String TOPIC = "order-events.fifo";

    private final EventJson json = new EventJson();
    private final AwsFixtures aws = new AwsFixtures(LocalAwsExtension.endpoint());
    private final SnsClient sns = SnsClient.builder()
            .endpointOverride(LocalAwsExtension.endpoint().url())
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .build();
    private final String topicArn = sns.createTopic(request ->
                    request.name(TOPIC).attributes(Map.of("FifoTopic", "true", "ContentBasedDeduplication", "false")))
            .topicArn();
    private final List<EventEnvelope> received = new CopyOnWriteArrayList<>();
    private String collector;

    /** Publishes {@code event} as {@code source} would, as the first event of its saga. */
    public EventEnvelope publish(IntegrationEvent event, String source) {
        EventEnvelope envelope = EventEnvelope.of(event, source, UUID.randomUUID(), null, Clock.systemUTC());
        publish(envelope);
        return envelope;
    }

    /** Publishes the envelope as the outbox relay does: the ordering key as group, the eventId as deduplication id. */
    public void publish(EventEnvelope envelope) {
        sns.publish(request -> request.topicArn(topicArn)
                .message(json.write(envelope))
                .messageGroupId(envelope.orderingKey())
                .messageDeduplicationId(envelope.eventId().toString())
                .messageAttributes(Map.of(
                        "eventType",
                        MessageAttributeValue.builder()
                                .dataType("String")
                                .stringValue(envelope.eventType())
                                .build())));
    }

    /** Delivers the envelope to {@code queue} again, as SQS does when a consumer failed to delete it in time. */
    public void redeliver(EventEnvelope envelope, String queue) {
        aws.sqs().sendMessage(request -> request.queueUrl(aws.queueUrl(queue))
                .messageBody(json.write(envelope))
                .messageGroupId(envelope.orderingKey())
                .messageDeduplicationId(UUID.randomUUID().toString())
                .messageAttributes(Map.of(
                        "eventType",
                        software.amazon.awssdk.services.sqs.model.MessageAttributeValue.builder()
                                .dataType("String")
                                .stringValue(envelope.eventType())
                                .build())));
    }

    /** Subscribes a fresh queue to the topic for the events of {@code eventTypes}, from now on. */
    public SagaTopic collecting(String... eventTypes) {
        collector = aws.queue(
                "test-collector-" + UUID.randomUUID() + ".fifo", Map.of(QueueAttributeName.FIFO_QUEUE, "true"));
        String filterPolicy = "{\"eventType\":[\"" + String.join("\",\"", eventTypes) + "\"]}";
        sns.subscribe(request -> request.topicArn(topicArn)
                .protocol("sqs")
                .endpoint(aws.arnOf(collector))
                .attributes(Map.of("RawMessageDelivery", "true", "FilterPolicy", filterPolicy)));
        return this;
    }

    /** Waits (at most 20 seconds) for the service to publish an event of {@code type} for the order. */
    public <E extends IntegrationEvent> E awaitEvent(Class<E> type, UUID orderId) {
        return type.cast(Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> find(type, orderId), Optional::isPresent)
                .orElseThrow()
                .data());
    }

    /** Every collected event of {@code type}, after waiting a poll for more. */
    public <E extends IntegrationEvent> List<E> collected(Class<E> type) {
        poll();
        return received.stream()
                .map(EventEnvelope::data)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    /** Every collected envelope. */
    public List<EventEnvelope> collectedEnvelopes() {
        poll();
        return List.copyOf(received);
    }

    /** The messages in the queue, visible or in flight: zero once its consumer has handled everything. */
    public int messagesIn(String queue) {
        return aws.messagesIn(aws.queueUrl(queue));
    }

    private Optional<EventEnvelope> find(Class<?> type, UUID orderId) {
        poll();
        return received.stream()
                .filter(envelope -> type.isInstance(envelope.data()) && orderId.equals(envelope.orderId()))
                .findFirst();
    }

    private void poll() {
        aws.receiveAvailable(collector).forEach(message -> received.add(json.read(message.body())));
    }

    @Override
    public void close() {
        sns.close();
        aws.close();
    }
}
