package io.eventshop.messaging.benchmark;

import io.eventshop.devstack.aws.LocalAwsEndpoint;
import io.eventshop.events.EventEnvelope;
import io.eventshop.events.EventJson;
import java.util.List;
import java.util.Map;
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
 * The benchmark's baseline: publishes envelopes straight to the SNS topic and the EventBridge bus, as the relay does
 * (PublishBatch and PutEvents, the same attributes), but with no outbox and no database in between.
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
        List<String> payloads = batch.stream().map(json::write).toList();
        var snsEntries = new PublishBatchRequestEntry[batch.size()];
        var eventEntries = new PutEventsRequestEntry[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            EventEnvelope envelope = batch.get(i);
            snsEntries[i] = PublishBatchRequestEntry.builder()
                    .id(Integer.toString(i))
                    .message(payloads.get(i))
                    .messageGroupId(envelope.orderingKey())
                    .messageDeduplicationId(envelope.eventId().toString())
                    .messageAttributes(Map.of(
                            "eventType", string(envelope.eventType()),
                            "source", string(envelope.source()),
                            "orderId", string(envelope.orderingKey())))
                    .build();
            eventEntries[i] = PutEventsRequestEntry.builder()
                    .eventBusName(eventBus)
                    .source("eventshop." + envelope.source())
                    .detailType(envelope.eventType())
                    .detail(payloads.get(i))
                    .build();
        }
        int snsFailed = sns.publishBatch(request -> request.topicArn(topicArn).publishBatchRequestEntries(snsEntries))
                .failed()
                .size();
        int eventsFailed =
                events.putEvents(request -> request.entries(eventEntries)).failedEntryCount();
        if (snsFailed + eventsFailed > 0) {
            throw new IllegalStateException(
                    "the baseline failed to publish " + (snsFailed + eventsFailed) + " entries");
        }
    }

    private static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder()
                .dataType("String")
                .stringValue(value)
                .build();
    }

    @Override
    public void close() {
        sns.close();
        events.close();
    }
}
