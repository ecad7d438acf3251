package io.eventshop.inventory.domain;

import jakarta.persistence.Embeddable;
import java.util.Objects;

/** A quantity of one sku that an order asks for, or that a reservation holds (a row of {@code reservation_line}). */
@Embeddable
public record ReservationLine(Sku sku, int quantity) {

    public ReservationLine {
        Objects.requireNonNull(sku, "sku");
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive, was " + quantity);
        }
    }
}
