package io.eventshop.payment.domain;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The payment of one order, and its refund. Each transition checks the current state, and registers the domain event
 * it publishes ({@link #releaseEvents()}):
 *
 * <pre>
 * AUTHORIZED ──requestRefund──▶ REFUND_PENDING ──refundAccepted──▶ REFUNDED
 *                                  │   ▲
 *                                  └───┘ refundRefused (retried with backoff)
 * DECLINED (final: nothing was charged, nothing to refund)
 * </pre>
 *
 * <p>The payment is a JPA entity on the table {@code payment}, its refund one on {@code refund}. Both have a
 * {@code version}: a compensating event, the refund retry job and an attempt started right after a compensation can
 * read the same payment at once, and of two that change it, the second to commit fails instead of overwriting the
 * first.
 */
@Entity
@Table(name = "payment")
public class Payment {

    @EmbeddedId
    @AttributeOverride(name = "value", column = @Column(name = "id"))
    private PaymentId id;

    @Embedded
    @AttributeOverride(name = "value", column = @Column(name = "order_id"))
    private OrderId orderId;

    private String customerId;

    /** The currency is a {@code char(3)}, which PostgreSQL calls {@code bpchar}, as JPA's schema validation sees. */
    @Embedded
    @AttributeOverride(name = "currency", column = @Column(name = "currency", columnDefinition = "bpchar(3)"))
    private Money amount;

    @Enumerated(EnumType.STRING)
    private PaymentStatus status;

    private @Nullable String providerReference;

    private @Nullable String declineReason;

    private Instant createdAt;

    @OneToOne(mappedBy = "payment", cascade = CascadeType.ALL)
    private @Nullable Refund refund;

    /** Null until the payment is first stored, which tells Spring Data to insert it without looking for it first. */
    @Version
    private @Nullable Long version;

    @Transient
    private final List<PaymentEvent> events = new ArrayList<>();

    /** For JPA. */
    protected Payment() {}

    private Payment(
            OrderId orderId,
            String customerId,
            Money amount,
            PaymentStatus status,
            @Nullable String providerReference,
            @Nullable String declineReason,
            Instant createdAt) {
        this.id = PaymentId.random();
        this.orderId = Objects.requireNonNull(orderId, "orderId");
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.amount = Objects.requireNonNull(amount, "amount");
        this.status = status;
        this.providerReference = providerReference;
        this.declineReason = declineReason;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The provider authorized {@code amount} under {@code providerReference}. */
    public static Payment authorized(
            OrderId orderId, String customerId, Money amount, String providerReference, Instant now) {
        Objects.requireNonNull(providerReference, "providerReference");
        var payment = new Payment(orderId, customerId, amount, PaymentStatus.AUTHORIZED, providerReference, null, now);
        payment.events.add(new PaymentAuthorized(payment.id, orderId, customerId, amount));
        return payment;
    }

    /** Nothing was charged, for {@code reason}. */
    public static Payment declined(OrderId orderId, String customerId, Money amount, String reason, Instant now) {
        Objects.requireNonNull(reason, "reason");
        var payment = new Payment(orderId, customerId, amount, PaymentStatus.DECLINED, null, reason, now);
        payment.events.add(new PaymentDeclined(payment.id, orderId, customerId, amount, reason));
        return payment;
    }

    /** Whether money was taken and not yet given back or asked back: only then does a compensation refund. */
    public boolean isRefundable() {
        return status == PaymentStatus.AUTHORIZED;
    }

    /**
     * Starts the refund that compensates the order, asked for by the event {@code causationId} of the saga
     * {@code correlationId}. The refund is pending, and due at once.
     *
     * @throws IllegalStateException unless the payment is {@link PaymentStatus#AUTHORIZED}
     */
    public Refund requestRefund(String reason, UUID correlationId, UUID causationId, Instant now) {
        requireStatus(PaymentStatus.AUTHORIZED, "request a refund");
        Refund requested = Refund.requested(this, reason, correlationId, causationId, now);
        refund = requested;
        status = PaymentStatus.REFUND_PENDING;
        events.add(new RefundRequested(id, orderId, requested.id()));
        return requested;
    }

    /**
     * An attempt to refund is under way: the refund is not due again for {@code lease}, so that no one else asks the
     * provider meanwhile. If the attempt never reports back (its instance stopped), the refund is due again after it.
     *
     * @throws IllegalStateException unless a refund is pending
     */
    public Refund startRefundAttempt(Instant now, Duration lease) {
        requireStatus(PaymentStatus.REFUND_PENDING, "attempt a refund");
        Refund pending = pendingRefund();
        pending.attemptUntil(now.plus(lease));
        return pending;
    }

    /** The provider accepted the refund: the money is back with the customer. */
    public void refundAccepted(Instant now) {
        requireStatus(PaymentStatus.REFUND_PENDING, "complete a refund");
        Refund completed = pendingRefund();
        completed.complete(now);
        status = PaymentStatus.REFUNDED;
        events.add(new PaymentRefunded(
                id,
                orderId,
                completed.id(),
                amount,
                completed.reason(),
                completed.correlationId(),
                completed.causationId()));
    }

    /**
     * The provider refused the refund; it stays pending and is tried again later.
     *
     * @return true exactly once: for the refusal after which the order needs an operator's attention
     */
    public boolean refundRefused(String failure, Instant now, RefundSchedule schedule) {
        requireStatus(PaymentStatus.REFUND_PENDING, "record a refused refund");
        Refund refused = pendingRefund();
        boolean needsAttention = refused.refuse(failure, now, schedule);
        if (needsAttention) {
            events.add(new PaymentRefundFailed(
                    id,
                    orderId,
                    amount,
                    failure,
                    refused.failedAttempts(),
                    refused.correlationId(),
                    refused.causationId()));
        }
        return needsAttention;
    }

    /** The events registered since the last call, oldest first; the payment forgets them. */
    public List<PaymentEvent> releaseEvents() {
        List<PaymentEvent> released = List.copyOf(events);
        events.clear();
        return released;
    }

    private Refund pendingRefund() {
        return Objects.requireNonNull(refund, "a pending payment has a refund");
    }

    private void requireStatus(PaymentStatus expected, String action) {
        if (status != expected) {
            throw new IllegalStateException(
                    "cannot " + action + " for payment " + id + ": it is " + status + ", not " + expected);
        }
    }

    public PaymentId id() {
        return id;
    }

    public OrderId orderId() {
        return orderId;
    }

    public String customerId() {
        return customerId;
    }

    public Money amount() {
        return amount;
    }

    public PaymentStatus status() {
        return status;
    }

    public Optional<String> providerReference() {
        return Optional.ofNullable(providerReference);
    }

    public Optional<String> declineReason() {
        return Optional.ofNullable(declineReason);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Refund> refund() {
        return Optional.ofNullable(refund);
    }
}
