package io.eventshop.notification.web;

import io.eventshop.notification.domain.Notification;
import io.eventshop.notification.domain.Priority;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A notification as the API shows it. */
record NotificationResponse(UUID id, UUID orderId, String type, Priority priority, String message, Instant sentAt) {

    static NotificationResponse of(Notification notification) {
        return new NotificationResponse(
                notification.id().value(),
                notification.orderId().value(),
                notification.type(),
                notification.priority(),
                notification.message(),
                Objects.requireNonNull(notification.sentAt(), "a stored notification was sent"));
    }
}
