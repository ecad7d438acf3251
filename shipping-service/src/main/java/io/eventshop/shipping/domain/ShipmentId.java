package io.eventshop.shipping.domain;

import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** The identity of a shipment. */
@Embeddable
public record ShipmentId(UUID value) implements Serializable {

    public ShipmentId {
        Objects.requireNonNull(value, "value");
    }

    public static ShipmentId random() {
        return new ShipmentId(UUID.randomUUID());
    }
}
