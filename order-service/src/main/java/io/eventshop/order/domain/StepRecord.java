package io.eventshop.order.domain;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.Objects;

/** One step of an order's saga and when it happened (the occurredAt of the event that reported it). */
@Embeddable
public record StepRecord(@Enumerated(EnumType.STRING) SagaStep step, Instant at) {

    public StepRecord {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(at, "at");
    }
}
