package io.eventshop.notification.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A message sent to a customer about an order, caused by one event ({@code eventId}): one event, one notification.
 *
 * @param type the type of the event it tells about, such as {@code OrderConfirmed}
 */
public record Notification(
        NotificationId id,
        UUID eventId,
        UUID orderId,
        String customerId,
        String type,
        Priority priority,
        String message,
        Instant sentAt) {

    public Notification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(orderId, "orderId");
        requireText(customerId, "customerId");
        requireText(type, "type");
        Objects.requireNonNull(priority, "priority");
        requireText(message, "message");
        Objects.requireNonNull(sentAt, "sentAt");
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
