package io.eventshop.payment.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The refund of a payment: PENDING until the provider accepts it, then COMPLETED. It remembers the event that asked for
 * it ({@code correlationId}, {@code causationId}), so that the events it leads to, however late, join the same saga.
 */
public final class Refund {

    /** Where a refund stands. */
    public enum Status {
        PENDING,
        COMPLETED
    }

    private final RefundId id;
    private final String reason;
    private final UUID correlationId;
    private final UUID causationId;
    private final Instant requestedAt;
    private Status status;
    private int failedAttempts;
    private @Nullable Instant nextAttemptAt;
    private @Nullable String lastFailure;
    private boolean attentionRaised;
    private @Nullable Instant refundedAt;

    /** A refund as stored; new refunds come from {@link Payment#requestRefund}. */
    public Refund(
            RefundId id,
            String reason,
            UUID correlationId,
            UUID causationId,
            Instant requestedAt,
            Status status,
            int failedAttempts,
            @Nullable Instant nextAttemptAt,
            @Nullable String lastFailure,
            boolean attentionRaised,
            @Nullable Instant refundedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.correlationId = Objects.requireNonNull(correlationId, "correlationId");
        this.causationId = Objects.requireNonNull(causationId, "causationId");
        this.requestedAt = Objects.requireNonNull(requestedAt, "requestedAt");
        this.status = Objects.requireNonNull(status, "status");
        this.failedAttempts = failedAttempts;
        this.nextAttemptAt = nextAttemptAt;
        this.lastFailure = lastFailure;
        this.attentionRaised = attentionRaised;
        this.refundedAt = refundedAt;
    }

    static Refund requested(String reason, UUID correlationId, UUID causationId, Instant now) {
        return new Refund(
                RefundId.random(), reason, correlationId, causationId, now, Status.PENDING, 0, now, null, false, null);
    }

    void complete(Instant now) {
        status = Status.COMPLETED;
        nextAttemptAt = null;
        refundedAt = now;
    }

    /** Records a refusal and schedules the next attempt; true when this refusal is the one that needs attention. */
    boolean refuse(String failure, Instant now, RefundSchedule schedule) {
        failedAttempts++;
        lastFailure = failure;
        nextAttemptAt = schedule.nextAttempt(failedAttempts, now);
        if (!attentionRaised && failedAttempts >= schedule.attentionAfter()) {
            attentionRaised = true;
            return true;
        }
        return false;
    }

    public RefundId id() {
        return id;
    }

    public String reason() {
        return reason;
    }

    public UUID correlationId() {
        return correlationId;
    }

    public UUID causationId() {
        return causationId;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Status status() {
        return status;
    }

    public int failedAttempts() {
        return failedAttempts;
    }

    public @Nullable Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public @Nullable String lastFailure() {
        return lastFailure;
    }

    public boolean attentionRaised() {
        return attentionRaised;
    }

    public @Nullable Instant refundedAt() {
        return refundedAt;
    }
}
