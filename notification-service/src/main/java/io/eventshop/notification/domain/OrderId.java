package io.eventshop.notification.domain;

import jakarta.persistence.Embeddable;
import java.util.Objects;
import java.util.UUID;

/** The order a notification is about; stored in the notification's column {@code order_id}. */
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
