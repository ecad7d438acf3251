package io.eventshop.order.domain;

import java.time.Instant;
import java.util.Objects;

/** One step of an order's saga and when it happened (the occurredAt of the event that reported it). */
public record StepRecord(SagaStep step, Instant at) {

    public StepRecord {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(at, "at");
    }
}
