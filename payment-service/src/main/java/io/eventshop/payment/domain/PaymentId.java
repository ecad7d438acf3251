package io.eventshop.payment.domain;

import jakarta.persistence.Embeddable;
import java.util.Objects;
import java.util.UUID;

/** The identity of a payment: the {@code @EmbeddedId} of {@link Payment}, in the column {@code id}. */
@Embeddable
public record PaymentId(UUID value) {

    public PaymentId {
        Objects.requireNonNull(value, "a payment id needs a value");
    }

    public static PaymentId random() {
        return new PaymentId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
