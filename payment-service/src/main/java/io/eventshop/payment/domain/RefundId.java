package io.eventshop.payment.domain;

import java.util.Objects;
import java.util.UUID;

/** The identity of a refund; it is also the provider's idempotency key for the refund. */
public record RefundId(UUID value) {

    public RefundId {
        Objects.requireNonNull(value, "value");
    }

    public static RefundId random() {
        return new RefundId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
