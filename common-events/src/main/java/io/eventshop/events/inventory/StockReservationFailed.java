package io.eventshop.events.inventory;

import io.eventshop.events.Fields;
import java.util.List;
import java.util.UUID;

/** The order's stock could not be reserved, and nothing is held: payment refunds the order. */
public record StockReservationFailed(UUID orderId, String reason, List<String> unavailableSkus)
        implements InventoryEvent {

    public StockReservationFailed {
        Fields.required(orderId, "orderId");
        Fields.notBlank(reason, "reason");
        unavailableSkus = Fields.list(unavailableSkus, "unavailableSkus");
    }
}
