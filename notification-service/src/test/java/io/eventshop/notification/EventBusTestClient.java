package io.eventshop.notification;

import io.eventshop.devstack.junit.LocalAwsExtension;
import io.eventshop.events.EventEnvelope;
import io.eventshop.events.EventJson;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Puts events on the bus {@code eventshop} as the services' outbox relays do, so that the rules of
 * infra/topology.yaml route them; and tells how many messages wait in notification-service's queue.
 */
final class EventBusTestClient implements AutoCloseable {

    private final EventJson json = new EventJson();
    private final EventBridgeClient events;
    private final SqsClient sqs;

    EventBusTestClient() {
        URI endpoint = LocalAwsExtension.endpoint().url();
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        events = EventBridgeClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .build();
        sqs = SqsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .build();
    }

    /** Puts {@code envelope} on the bus with Source {@code eventshop.<source>} and DetailType its event type. */
    void put(EventEnvelope envelope) {
        PutEventsResponse response =
                events.putEvents(request -> request.entries(entry -> entry.eventBusName("eventshop")
                        .source("eventshop." + envelope.source())
                        .detailType(envelope.eventType())
                        .detail(json.write(envelope))));
        if (response.failedEntryCount() > 0) {
            throw new IllegalStateException("PutEvents failed: " + response.entries());
        }
    }

    /** The messages in notification-service's queue, visible or being handled. */
    int messagesWaiting() {
        String queueUrl = sqs.getQueueUrl(request -> request.queueName("notification-service-events"))
                .queueUrl();
        var attributes = sqs.getQueueAttributes(request -> request.queueUrl(queueUrl)
                        .attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    @Override
    public void close() {
        events.close();
        sqs.close();
    }
}
