package io.eventshop.inventory.reservation.domain;

import io.eventshop.inventory.catalog.domain.Sku;
import java.util.Objects;

/** A quantity of one sku that an order asks for, or that a reservation holds. */
public record ReservationLine(Sku sku, int quantity) {

    public ReservationLine {
        Objects.requireNonNull(sku, "sku");
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive, was " + quantity);
        }
    }
}
