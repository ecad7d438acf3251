package io.eventshop.order.domain;

import jakarta.persistence.Embeddable;
import java.util.Objects;

/** A quantity of one product at the unit price the order was placed with; a row of {@code order_line}. */
@Embeddable
public record OrderLine(Sku sku, int quantity, Money unitPrice) {

    public OrderLine {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive, was " + quantity);
        }
    }

    public Money total() {
        return unitPrice.times(quantity);
    }
}
