package io.eventshop.shipping.domain;

import java.util.Objects;

/**
 * What happened to a shipment, as the shipment registers it. The messaging adapter turns each one into the shared
 * contract of the same name and adds it to the outbox, in the transaction that stored the shipment.
 */
public sealed interface ShipmentEvent {

    ShipmentId shipmentId();

    OrderId orderId();

    /** A carrier took the shipment and tracks it under {@code trackingNumber}. */
    record ShipmentScheduled(
            ShipmentId shipmentId, OrderId orderId, String customerId, String carrier, String trackingNumber)
            implements ShipmentEvent {

        public ShipmentScheduled {
            Objects.requireNonNull(shipmentId, "shipmentId");
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(trackingNumber, "trackingNumber");
        }
    }

    /**
     * The order will not ship: no carrier could take it, its order was cancelled before it was booked, or it was
     * cancelled after.
     */
    record ShipmentFailed(ShipmentId shipmentId, OrderId orderId, String customerId, String reason)
            implements ShipmentEvent {

        public ShipmentFailed {
            Objects.requireNonNull(shipmentId, "shipmentId");
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
