package io.eventshop.shipping.shipment.web;

import io.eventshop.shipping.shipment.domain.Shipment;
import io.eventshop.shipping.shipment.domain.ShipmentStatus;
import java.util.UUID;

/** A shipment as the API shows it. */
record ShipmentResponse(
        UUID id, UUID orderId, ShipmentStatus status, String carrier, String trackingNumber, String failureReason) {

    static ShipmentResponse of(Shipment shipment) {
        return new ShipmentResponse(
                shipment.id().value(),
                shipment.orderId(),
                shipment.status(),
                shipment.carrier(),
                shipment.trackingNumber(),
                shipment.failureReason());
    }
}
