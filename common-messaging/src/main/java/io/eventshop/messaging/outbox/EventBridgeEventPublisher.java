package io.eventshop.messaging.outbox;

import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Publishes to the EventBridge bus with PutEvents: {@code Source} is {@code eventshop.<service>}, {@code DetailType}
 * the event type and {@code Detail} the envelope, so that rules can route on any field of the event.
 */
final class EventBridgeEventPublisher implements EventPublisher {

    private final EventBridgeClient eventBridge;
    private final String eventBusName;

    EventBridgeEventPublisher(EventBridgeClient eventBridge, String eventBusName) {
        this.eventBridge = eventBridge;
        this.eventBusName = eventBusName;
    }

    @Override
    public Destination destination() {
        return Destination.EVENT_BRIDGE;
    }

    @Override
    public PublishResult publish(List<OutboxEvent> events) {
        PutEventsResponse response;
        try {
            response = eventBridge.putEvents(
                    request -> request.entries(events.stream().map(this::entry).toList()));
        } catch (SdkException e) {
            return PublishResult.allFailed(events, e.getMessage());
        }
        // The result entries come back in the order of the request's.
        var result = new PublishResult.Builder();
        for (int i = 0; i < events.size(); i++) {
            long id = events.get(i).id();
            PutEventsResultEntry entry = response.entries().get(i);
            if (entry.errorCode() == null) {
                result.published(id);
            } else {
                result.failed(id, entry.errorCode() + ": " + entry.errorMessage());
            }
        }
        return result.build();
    }

    private PutEventsRequestEntry entry(OutboxEvent event) {
        return PutEventsRequestEntry.builder()
                .eventBusName(eventBusName)
                .source("eventshop." + event.source())
                .detailType(event.eventType())
                .detail(event.payload())
                .time(event.createdAt())
                .build();
    }
}
