package io.eventshop.inventory.reservation.domain;

import java.util.Objects;
import java.util.UUID;

/** The identity of a reservation. */
public record ReservationId(UUID value) {

    public ReservationId {
        Objects.requireNonNull(value, "value");
    }

    public static ReservationId random() {
        return new ReservationId(UUID.randomUUID());
    }
}
