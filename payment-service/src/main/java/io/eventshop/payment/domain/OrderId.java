package io.eventshop.payment.domain;

import jakarta.persistence.Embeddable;
import java.util.Objects;
import java.util.UUID;

/**
 * The order a payment pays for; it is the provider's idempotency key for the authorization. Stored in the payment's
 * column {@code order_id}.
 */
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
