package io.eventshop.inventory.domain;

import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** The identity of a reservation. */
@Embeddable
public record ReservationId(UUID value) implements Serializable {

    public ReservationId {
        Objects.requireNonNull(value, "value");
    }

    public static ReservationId random() {
        return new ReservationId(UUID.randomUUID());
    }
}
