package io.eventshop.events.shipping;

import io.eventshop.events.Fields;
import java.util.UUID;

/** A carrier accepted the shipment of the reserved stock: the last step of the saga succeeded. */
public record ShipmentScheduled(UUID orderId, UUID shipmentId, String customerId, String carrier, String trackingNumber)
        implements ShippingEvent {

    public ShipmentScheduled {
        Fields.required(orderId, "orderId");
        Fields.required(shipmentId, "shipmentId");
        Fields.notBlank(customerId, "customerId");
        Fields.notBlank(carrier, "carrier");
        Fields.notBlank(trackingNumber, "trackingNumber");
    }
}
