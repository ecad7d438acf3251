package io.eventshop.messaging.testing;

import io.eventshop.devstack.aws.junit.LocalAwsExtension;
import io.eventshop.events.EventEnvelope;
import io.eventshop.events.EventJson;
import io.eventshop.events.IntegrationEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The saga's SNS FIFO topic as a service's test sees it, shared by every service's tests. It publishes the other
 * services' events as their relays would, delivers a message to a consumer queue again as SQS does, and collects what
 * the service under test publishes, through a fresh queue subscribed with raw delivery and a filter on event types.
 *
 * <pre>{@code
 * try (SagaTopic topic = new SagaTopic().collecting("PaymentAuthorized", "PaymentDeclined")) {
 *     topic.publish(new OrderPlaced(...), "order-service");
 *     PaymentAuthorized authorized = topic.awaitEvent(PaymentAuthorized.class, orderId);
 * }
 * }</pre>
 */
public final class SagaTopic implements AutoCloseable {

    /** The topic of infra/topology.yaml. */
    public static final String TOPIC = "order-events.fifo";

    /** An event the service under test published, with its SNS message attributes. */
    public record Published(EventEnvelope envelope, Map<String, String> attributes) {

        public String eventType() {
            return envelope.eventType();
        }

        public IntegrationEvent data() {
            return envelope.data();
        }
    }

    private final EventJson json = new EventJson();
    private final AwsFixtures aws = new AwsFixtures(LocalAwsExtension.endpoint());
    private final String topicArn = aws.sns()
            .createTopic(request ->
                    request.name(TOPIC).attributes(Map.of("FifoTopic", "true", "ContentBasedDeduplication", "false")))
            .topicArn();
    private final List<Published> published = new CopyOnWriteArrayList<>();
    private String collector;
    private String subscriptionArn;

    /** Publishes {@code event} as {@code source} would, as the first event of its saga. */
    public EventEnvelope publish(IntegrationEvent event, String source) {
        EventEnvelope envelope = EventEnvelope.of(event, source, UUID.randomUUID(), null, Clock.systemUTC());
        publish(envelope);
        return envelope;
    }

    /** Publishes the envelope as a relay does: the ordering key as group, the eventId as deduplication id. */
    public void publish(EventEnvelope envelope) {
        publish(envelope, envelope.eventId().toString());
    }

    /**
     * Publishes {@code envelope} again under a new deduplication id, so that SNS delivers it a second time: what
     * happens when a relay publishes, crashes before it records the publication, and publishes again later.
     */
    public void republish(EventEnvelope envelope) {
        publish(envelope, UUID.randomUUID().toString());
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
        subscriptionArn = aws.sns()
                .subscribe(request -> request.topicArn(topicArn)
                        .protocol("sqs")
                        .endpoint(aws.arnOf(collector))
                        .attributes(Map.of("RawMessageDelivery", "true", "FilterPolicy", filterPolicy)))
                .subscriptionArn();
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

    /** Every collected event of {@code type}, after a receive for more. */
    public <E extends IntegrationEvent> List<E> collected(Class<E> type) {
        return collectedEnvelopes().stream()
                .map(EventEnvelope::data)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    /** Every collected envelope, after a receive for more. */
    public List<EventEnvelope> collectedEnvelopes() {
        poll();
        return published.stream().map(Published::envelope).toList();
    }

    /** What the service published about {@code orderId} so far, in order, with the message attributes. */
    public List<Published> publishedFor(UUID orderId) {
        poll();
        return published.stream()
                .filter(event -> orderId.equals(event.envelope().orderId()))
                .toList();
    }

    /** The types of {@link #publishedFor}. */
    public List<String> eventTypesFor(UUID orderId) {
        return publishedFor(orderId).stream().map(Published::eventType).toList();
    }

    /** The messages in the queue, visible or in flight: zero once its consumer has handled everything. */
    public int messagesIn(String queue) {
        return aws.messagesIn(aws.queueUrl(queue));
    }

    private void publish(EventEnvelope envelope, String deduplicationId) {
        aws.sns().publish(request -> request.topicArn(topicArn)
                .message(json.write(envelope))
                .messageGroupId(envelope.orderingKey())
                .messageDeduplicationId(deduplicationId)
                .messageAttributes(Map.of(
                        "eventType",
                        MessageAttributeValue.builder()
                                .dataType("String")
                                .stringValue(envelope.eventType())
                                .build())));
    }

    private Optional<Published> find(Class<?> type, UUID orderId) {
        poll();
        return published.stream()
                .filter(event -> type.isInstance(event.data())
                        && orderId.equals(event.envelope().orderId()))
                .findFirst();
    }

    private synchronized void poll() {
        if (collector == null) {
            throw new IllegalStateException("call collecting(eventTypes) first");
        }
        aws.receiveAvailable(collector).forEach(message -> {
            Map<String, String> attributes = new LinkedHashMap<>();
            message.messageAttributes().forEach((name, value) -> attributes.put(name, value.stringValue()));
            published.add(new Published(json.read(message.body()), attributes));
        });
    }

    @Override
    public void close() {
        if (subscriptionArn != null) {
            aws.sns().unsubscribe(request -> request.subscriptionArn(subscriptionArn));
            aws.sqs().deleteQueue(request -> request.queueUrl(collector));
        }
        aws.close();
    }
}
