package io.eventshop.shipping.shipment.domain;

import java.util.Objects;
import java.util.UUID;

/** The identity of a shipment. */
public record ShipmentId(UUID value) {

    public ShipmentId {
        Objects.requireNonNull(value, "value");
    }

    public static ShipmentId random() {
        return new ShipmentId(UUID.randomUUID());
    }
}
