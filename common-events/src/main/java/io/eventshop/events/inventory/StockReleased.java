package io.eventshop.events.inventory;

import io.eventshop.events.Fields;
import java.util.UUID;

/** A reservation was released, compensating it after shipping failed or the order was cancelled. */
public record StockReleased(UUID orderId, UUID reservationId, String reason) implements InventoryEvent {

    public StockReleased {
        Fields.required(orderId, "orderId");
        Fields.required(reservationId, "reservationId");
        Fields.notBlank(reason, "reason");
    }
}
