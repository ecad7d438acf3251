package io.eventshop.messaging.benchmark;

import io.eventshop.devstack.aws.LocalAwsEndpoint;
import io.eventshop.events.EventEnvelope;
import io.eventshop.events.EventJson;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.Topic;

/**
 * The benchmark's baseline: publishes envelopes straight to the SNS topic and the EventBridge bus, as the relay does,
 * but with no outbox and no database in between. The calls are the relay's: PublishBatch with the same message
 * attributes (the event's type, source and order, its amount as a number, a {@code traceparent}), and PutEvents whose
 * detail is the envelope with that {@code traceparent} added, as its last field. Its methods can be called from several
 * threads at once, as the benchmark does to make as many calls at a time as the relay.
 */
final class DirectPublisher implements AutoCloseable {

    private final SnsClient sns;
    private final EventBridgeClient events;
    private final EventJson json = new EventJson();
    private final String topicArn;
    private final String eventBus;

    DirectPublisher(LocalAwsEndpoint endpoint, String topic, String eventBus) {
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        this.sns = SnsClient.builder()
                .endpointOverride(endpoint.url())
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .build();
        this.events = EventBridgeClient.builder()
                .endpointOverride(endpoint.url())
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .build();
        this.topicArn = sns.listTopicsPaginator().topics().stream()
                .map(Topic::topicArn)
                .filter(arn -> arn.endsWith(":" + topic))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the topology has no topic " + topic));
        this.eventBus = eventBus;
    }

    /** Publishes up to 10 envelopes with one PublishBatch and one PutEvents call. */
    void publish(List<EventEnvelope> batch) {
        publishToTopic(batch);
        putEvents(batch);
    }

    /** Publishes up to 10 envelopes to the topic with one PublishBatch call. */
    void publishToTopic(List<EventEnvelope> batch) {
        var entries = new PublishBatchRequestEntry[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            EventEnvelope envelope = batch.get(i);
            entries[i] = PublishBatchRequestEntry.builder()
                    .id(Integer.toString(i))
                    .message(json.write(envelope))
                    .messageGroupId(envelope.orderingKey())
                    .messageDeduplicationId(envelope.eventId().toString())
                    .messageAttributes(attributes(envelope, traceParent()))
                    .build();
        }
        failIfAny(sns.publishBatch(request -> request.topicArn(topicArn).publishBatchRequestEntries(entries))
                .failed()
                .size());
    }

    /** Publishes up to 10 envelopes to the bus with one PutEvents call. */
    void putEvents(List<EventEnvelope> batch) {
        var entries = new PutEventsRequestEntry[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            EventEnvelope envelope = batch.get(i);
            String detail = json.write(envelope);
            entries[i] = PutEventsRequestEntry.builder()
                    .eventBusName(eventBus)
                    .source("eventshop." + envelope.source())
                    .detailType(envelope.eventType())
                    .detail(detail.substring(0, detail.lastIndexOf('}')) + ",\"traceparent\":\"" + traceParent()
                            + "\"}")
                    .time(Instant.now())
                    .build();
        }
        failIfAny(events.putEvents(request -> request.entries(entries)).failedEntryCount());
    }

    /**
     * A new trace per event and call, not sampled: what the relay sends when no trace backend takes its spans (each
     * destination's call has a publish span of its own).
     */
    private static String traceParent() {
        return "00-" + hex(16) + "-" + hex(8) + "-00";
    }

    private static void failIfAny(int failed) {
        if (failed > 0) {
            throw new IllegalStateException("the baseline failed to publish " + failed + " entries");
        }
    }

    private static Map<String, MessageAttributeValue> attributes(EventEnvelope envelope, String traceParent) {
        var attributes = new LinkedHashMap<String, MessageAttributeValue>();
        attributes.put("eventType", value("String", envelope.eventType()));
        attributes.put("source", value("String", envelope.source()));
        attributes.put("orderId", value("String", envelope.orderingKey()));
        envelope.data()
                .monetaryAmount()
                .ifPresent(amount -> attributes.put("amount", value("Number", amount.toPlainString())));
        attributes.put("traceparent", value("String", traceParent));
        return attributes;
    }

    private static MessageAttributeValue value(String dataType, String value) {
        return MessageAttributeValue.builder()
                .dataType(dataType)
                .stringValue(value)
                .build();
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    @Override
    public void close() {
        sns.close();
        events.close();
    }
}
