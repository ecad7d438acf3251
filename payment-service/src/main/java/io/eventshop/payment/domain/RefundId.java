package io.eventshop.payment.domain;

import jakarta.persistence.Embeddable;
import java.util.Objects;
import java.util.UUID;

/**
 * The identity of a refund; it is also the provider's idempotency key for the refund. The {@code @EmbeddedId} of
 * {@link Refund}, in the column {@code id}.
 */
@Embeddable
public record RefundId(UUID value) {

    public RefundId {
        Objects.requireNonNull(value, "a refund id needs a value");
    }

    public static RefundId random() {
        return new RefundId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
