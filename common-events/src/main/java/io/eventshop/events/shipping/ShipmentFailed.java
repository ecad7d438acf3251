package io.eventshop.events.shipping;

import io.eventshop.events.Fields;
import java.util.UUID;

/** No carrier could take the shipment: inventory releases the stock and payment refunds the order. */
public record ShipmentFailed(UUID orderId, UUID shipmentId, String customerId, String reason) implements ShippingEvent {

    public ShipmentFailed {
        Fields.required(orderId, "orderId");
        Fields.required(shipmentId, "shipmentId");
        Fields.notBlank(customerId, "customerId");
        Fields.notBlank(reason, "reason");
    }
}
