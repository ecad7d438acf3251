package io.eventshop.payment.domain;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The refund of a payment, part of the {@link Payment} aggregate and changed only through it: PENDING until the
 * provider accepts it, then COMPLETED. It remembers the event that asked for it ({@code correlationId},
 * {@code causationId}), so that the events it leads to, however late, join the same saga.
 *
 * <p>A JPA entity on the table {@code refund}, whose {@code payment_id} joins it to its payment. Its own
 * {@code version} guards the changes that leave the payment's row alone (a refusal counted, an attempt started).
 */
@Entity
@Table(name = "refund")
public class Refund {

    /** Where a refund stands. */
    public enum Status {
        PENDING,
        COMPLETED
    }

    @EmbeddedId
    @AttributeOverride(name = "value", column = @Column(name = "id"))
    private RefundId id;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "payment_id")
    private Payment payment;

    private String reason;

    private UUID correlationId;

    private UUID causationId;

    private Instant requestedAt;

    @Enumerated(EnumType.STRING)
    private Status status;

    private int failedAttempts;

    private @Nullable Instant nextAttemptAt;

    private @Nullable String lastFailure;

    private boolean attentionRaised;

    private @Nullable Instant refundedAt;

    /** Null until the refund is first stored, so that it is inserted without being looked for first. */
    @Version
    private @Nullable Long version;

    /** For JPA. */
    protected Refund() {}

    private Refund(Payment payment, String reason, UUID correlationId, UUID causationId, Instant now) {
        this.id = RefundId.random();
        this.payment = payment;
        this.reason = Objects.requireNonNull(reason, "reason");
        this.correlationId = Objects.requireNonNull(correlationId, "correlationId");
        this.causationId = Objects.requireNonNull(causationId, "causationId");
        this.requestedAt = Objects.requireNonNull(now, "now");
        this.status = Status.PENDING;
        this.nextAttemptAt = now;
    }

    static Refund requested(Payment payment, String reason, UUID correlationId, UUID causationId, Instant now) {
        return new Refund(payment, reason, correlationId, causationId, now);
    }

    void attemptUntil(Instant leaseEnd) {
        nextAttemptAt = leaseEnd;
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
