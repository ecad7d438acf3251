package io.eventshop.events.order;

import io.eventshop.events.Fields;
import java.util.UUID;

/**
 * The customer cancelled the order, or its saga passed its deadline, before shipment. Each consumer decides from its own
 * state what it has to undo (refund a payment, release a reservation).
 */
public record OrderCancellationRequested(UUID orderId, String customerId, String reason) implements OrderEvent {

    public OrderCancellationRequested {
        Fields.required(orderId, "orderId");
        Fields.notBlank(customerId, "customerId");
        Fields.notBlank(reason, "reason");
    }
}
