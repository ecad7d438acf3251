package io.eventshop.payment.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a refused refund is tried again: the delay doubles with every refusal, from {@code initialDelay} up to
 * {@code maxDelay}, and after {@code attentionAfter} refusals the order needs an operator's attention.
 */
public record RefundSchedule(Duration initialDelay, Duration maxDelay, int attentionAfter) {

    public RefundSchedule {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.isNegative() || initialDelay.isZero() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException(
                    "need 0 < initialDelay <= maxDelay, was " + initialDelay + ", " + maxDelay);
        }
        if (attentionAfter < 1) {
            throw new IllegalArgumentException("attentionAfter must be positive, was " + attentionAfter);
        }
    }

    /** The time of the next attempt after {@code failedAttempts} refusals, the last one at {@code now}. */
    Instant nextAttempt(int failedAttempts, Instant now) {
        Duration delay = initialDelay;
        for (int i = 1; i < failedAttempts && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return now.plus(delay.compareTo(maxDelay) < 0 ? delay : maxDelay);
    }
}
