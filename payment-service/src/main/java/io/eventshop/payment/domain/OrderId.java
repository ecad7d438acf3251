package io.eventshop.payment.domain;

import java.util.Objects;
import java.util.UUID;

/** The order a payment pays for; it is the provider's idempotency key for the authorization. */
public record OrderId(UUID value) {

    public OrderId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
