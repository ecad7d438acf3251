package io.eventshop.events.notification;

import io.eventshop.events.Fields;
import java.util.UUID;

/**
 * A customer was sent a notification about their order. {@code type} names what it was about (for example
 * {@code ORDER_CONFIRMED}) and {@code priority} how urgently it was sent (for example {@code HIGH} for high-value
 * orders).
 */
public record CustomerNotified(UUID orderId, String customerId, UUID notificationId, String type, String priority)
        implements NotificationEvent {

    public CustomerNotified {
        Fields.required(orderId, "orderId");
        Fields.notBlank(customerId, "customerId");
        Fields.required(notificationId, "notificationId");
        Fields.notBlank(type, "type");
        Fields.notBlank(priority, "priority");
    }
}
