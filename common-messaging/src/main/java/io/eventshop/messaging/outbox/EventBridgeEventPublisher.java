package io.eventshop.messaging.outbox;

import io.eventshop.messaging.tracing.TraceParent;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Publishes to the EventBridge bus with PutEvents: {@code Source} is {@code eventshop.<service>}, {@code DetailType}
 * the event type and {@code Detail} the envelope, so that rules can route on any field of the event.
 *
 * <p>A rule delivers an event to SQS with no message attributes, so the trace context travels in the envelope: a
 * {@code traceparent} field beside the envelope's own, which readers of the envelope ignore as an unknown field.
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
    public String destinationName() {
        return eventBusName;
    }

    @Override
    public PublishResult publish(List<OutboxEvent> events) {
        PutEventsResponse response;
        try {
            response = eventBridge.putEvents(
                    request -> request.entries(events.stream().map(this::entry).toList())
                            .overrideConfiguration(call -> call.apiCallTimeout(CALL_TIMEOUT)));
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
                .detail(withTraceParent(event.payload(), event.traceParent()))
                .time(event.createdAt())
                .build();
    }

    /**
     * The envelope with a {@code traceparent} field added as its last field. The payload is the JSON object that
     * EventJson wrote; it is not parsed and written again, which would cost a parse per event and could change how
     * its numbers are written. The value is a validated traceparent: hex digits and dashes, nothing to escape.
     */
    static String withTraceParent(String envelope, @Nullable String traceParent) {
        Optional<TraceParent> context = TraceParent.parse(traceParent);
        int end = envelope.lastIndexOf('}');
        if (context.isEmpty() || end < 0) {
            return envelope;
        }
        String fields = envelope.substring(0, end).stripTrailing();
        String field = "\"" + TraceParent.NAME + "\":\"" + context.get() + "\"";
        return fields + (fields.endsWith("{") ? "" : ",") + field + envelope.substring(end);
    }
}
