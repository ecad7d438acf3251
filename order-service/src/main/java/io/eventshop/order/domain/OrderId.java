package io.eventshop.order.domain;

import jakarta.persistence.Embeddable;
import java.util.Objects;
import java.util.UUID;

/**
 * The identity of an order: a UUID, so that the client sees the same id in the API and in every event. The order's
 * {@code @EmbeddedId}, stored in the column {@code id}.
 */
@Embeddable
public record OrderId(UUID value) {

    public OrderId {
        Objects.requireNonNull(value, "an order id needs a value");
    }

    public static OrderId newId() {
        return new OrderId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
