package io.eventshop.events.order;

import io.eventshop.events.Fields;
import java.util.UUID;

/** The saga ended without the order: a step failed or the cancellation was carried out, and all was compensated. */
public record OrderCancelled(UUID orderId, String customerId, String reason) implements OrderEvent {

    public OrderCancelled {
        Fields.required(orderId, "orderId");
        Fields.notBlank(customerId, "customerId");
        Fields.notBlank(reason, "reason");
    }
}
