package io.eventshop.shipping.web;

import io.eventshop.shipping.domain.Shipment;
import io.eventshop.shipping.domain.ShipmentStatus;
import java.util.UUID;

/** A shipment as the API shows it. */
record ShipmentResponse(
        UUID id, UUID orderId, ShipmentStatus status, String carrier, String trackingNumber, String failureReason) {

    static ShipmentResponse of(Shipment shipment) {
        return new ShipmentResponse(
                shipment.id().value(),
                shipment.orderId().value(),
                shipment.status(),
                shipment.carrier(),
                shipment.trackingNumber(),
                shipment.failureReason());
    }
}
