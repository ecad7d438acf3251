package io.eventshop.inventory.domain;

import jakarta.persistence.Embeddable;
import java.util.Objects;
import java.util.UUID;

/** The order a reservation holds stock for: the id order-service gave it, as every saga event carries it. */
@Embeddable
public record OrderId(UUID value) {

    public OrderId {
        Objects.requireNonNull(value, "an order id needs a value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
