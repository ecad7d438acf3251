package io.eventshop.events;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * The envelope every message carries: the identity, type and origin of one event, the ids that chain it to the rest of
 * its saga, and the event itself as {@code data}.
 *
 * <p>{@code eventId} is the consumers' idempotency key. {@code correlationId} is shared by every event of one saga, and
 * {@code causationId} is the {@code eventId} of the event that caused this one (null for the first). {@code orderId}
 * repeats the event's order (null for catalogue events). {@code occurredAt} is kept to the millisecond, the precision of
 * the wire format.
 */
public record EventEnvelope(
        UUID eventId,
        String eventType,
        int eventVersion,
        String source,
        Instant occurredAt,
        UUID orderId,
        UUID correlationId,
        UUID causationId,
        IntegrationEvent data) {

    public EventEnvelope {
        Fields.required(eventId, "eventId");
        Fields.notBlank(eventType, "eventType");
        if (eventVersion < 1) {
            throw InvalidFieldException.invalid("eventVersion", "must be positive, was " + eventVersion);
        }
        Fields.notBlank(source, "source");
        occurredAt = Fields.required(occurredAt, "occurredAt").truncatedTo(ChronoUnit.MILLIS);
        Fields.required(correlationId, "correlationId");
        Fields.required(data, "data");
        if (!eventType.equals(EventTypes.nameOf(data))) {
            throw InvalidFieldException.invalid(
                    "eventType", "must name the type of data, " + EventTypes.nameOf(data) + ", was " + eventType);
        }
        if (!Objects.equals(orderId, data.orderId())) {
            throw InvalidFieldException.invalid(
                    "orderId", "must be the orderId of data, " + data.orderId() + ", was " + orderId);
        }
    }

    /**
     * Wraps {@code data} in a new envelope with a random eventId, deriving eventType and orderId from the event.
     *
     * @param source the publishing service, for example {@code "payment-service"}
     * @param correlationId the id shared by every event of the saga
     * @param causationId the eventId of the event that caused this one, or null for the first event of a saga
     */
    public static EventEnvelope of(
            IntegrationEvent data, String source, UUID correlationId, UUID causationId, Clock clock) {
        return new EventEnvelope(
                UUID.randomUUID(),
                EventTypes.nameOf(data),
                EventTypes.CURRENT_VERSION,
                source,
                clock.instant(),
                data.orderId(),
                correlationId,
                causationId,
                data);
    }

    /**
     * Wraps {@code data}, an event caused by {@code cause}, in a new envelope: it keeps the cause's correlationId and
     * takes the cause's eventId as its causationId.
     */
    public static EventEnvelope causedBy(EventEnvelope cause, IntegrationEvent data, String source, Clock clock) {
        return of(data, source, cause.correlationId(), cause.eventId(), clock);
    }

    /** The message group of this event: the orderId for saga events, the sku for catalogue events. */
    public String orderingKey() {
        return data.orderingKey();
    }
}
