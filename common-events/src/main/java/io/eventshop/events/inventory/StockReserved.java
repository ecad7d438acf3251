package io.eventshop.events.inventory;

import io.eventshop.events.Fields;
import io.eventshop.events.order.ShippingAddress;
import java.util.List;
import java.util.UUID;

/**
 * The stock of every line of the order is held. It carries the customer and the address from {@code OrderPlaced}, so
 * that shipping can schedule the shipment from this event alone.
 */
public record StockReserved(
        UUID orderId, UUID reservationId, String customerId, List<ReservedLine> lines, ShippingAddress shippingAddress)
        implements InventoryEvent {

    public StockReserved {
        Fields.required(orderId, "orderId");
        Fields.required(reservationId, "reservationId");
        Fields.notBlank(customerId, "customerId");
        lines = Fields.nonEmptyList(lines, "lines");
        Fields.required(shippingAddress, "shippingAddress");
    }
}
