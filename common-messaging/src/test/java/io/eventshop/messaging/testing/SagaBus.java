package io.eventshop.messaging.testing;

import io.eventshop.devstack.aws.junit.LocalAwsExtension;
import io.eventshop.events.EventEnvelope;
import io.eventshop.events.EventJson;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/**
 * The saga's EventBridge bus as a service's test sees it: it puts events on the bus {@code eventshop} as the relays do,
 * so that the rules of infra/topology.yaml route them, and counts what waits in a consumer's queue.
 */
public final class SagaBus implements AutoCloseable {

    /** The bus of infra/topology.yaml. */
    public static final String BUS = "eventshop";

    private final EventJson json = new EventJson();
    private final AwsFixtures aws = new AwsFixtures(LocalAwsExtension.endpoint());

    /** Puts {@code envelope} on the bus with Source {@code eventshop.<source>} and DetailType its event type. */
    public void put(EventEnvelope envelope) {
        PutEventsResponse response = aws.events()
                .putEvents(request -> request.entries(entry -> entry.eventBusName(BUS)
                        .source("eventshop." + envelope.source())
                        .detailType(envelope.eventType())
                        .detail(json.write(envelope))));
        if (response.failedEntryCount() > 0) {
            throw new IllegalStateException("PutEvents failed: " + response.entries());
        }
    }

    /** The messages in {@code queue}, visible or being handled. */
    public int messagesIn(String queue) {
        return aws.messagesIn(aws.queueUrl(queue));
    }

    @Override
    public void close() {
        aws.close();
    }
}
