package io.eventshop.payment.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The payment of one order, and its refund. Each transition checks the current state:
 *
 * <pre>
 * AUTHORIZED ──requestRefund──▶ REFUND_PENDING ──refundAccepted──▶ REFUNDED
 *                                  │   ▲
 *                                  └───┘ refundRefused (retried with backoff)
 * DECLINED (final: nothing was charged, nothing to refund)
 * </pre>
 */
public final class Payment {

    private final PaymentId id;
    private final OrderId orderId;
    private final String customerId;
    private final Money amount;
    private final Instant createdAt;
    private final @Nullable String providerReference;
    private final @Nullable String declineReason;
    private PaymentStatus status;
    private @Nullable Refund refund;

    /** A payment as stored; new payments come from {@link #authorized} and {@link #declined}. */
    public Payment(
            PaymentId id,
            OrderId orderId,
            String customerId,
            Money amount,
            PaymentStatus status,
            @Nullable String providerReference,
            @Nullable String declineReason,
            Instant createdAt,
            @Nullable Refund refund) {
        this.id = Objects.requireNonNull(id, "id");
        this.orderId = Objects.requireNonNull(orderId, "orderId");
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.amount = Objects.requireNonNull(amount, "amount");
        this.status = Objects.requireNonNull(status, "status");
        this.providerReference = providerReference;
        this.declineReason = declineReason;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.refund = refund;
    }

    /** The provider authorized {@code amount} under {@code providerReference}. */
    public static Payment authorized(
            OrderId orderId, String customerId, Money amount, String providerReference, Instant now) {
        Objects.requireNonNull(providerReference, "providerReference");
        return new Payment(
                PaymentId.random(),
                orderId,
                customerId,
                amount,
                PaymentStatus.AUTHORIZED,
                providerReference,
                null,
                now,
                null);
    }

    /** Nothing was charged, for {@code reason}. */
    public static Payment declined(OrderId orderId, String customerId, Money amount, String reason, Instant now) {
        Objects.requireNonNull(reason, "reason");
        return new Payment(
                PaymentId.random(), orderId, customerId, amount, PaymentStatus.DECLINED, null, reason, now, null);
    }

    /** Whether money was taken and not yet given back or asked back: only then does a compensation refund. */
    public boolean isRefundable() {
        return status == PaymentStatus.AUTHORIZED;
    }

    /**
     * Starts the refund that compensates the order, asked for by the event {@code causationId}.
     *
     * @throws IllegalStateException unless the payment is {@link PaymentStatus#AUTHORIZED}
     */
    public Refund requestRefund(String reason, UUID correlationId, UUID causationId, Instant now) {
        requireStatus(PaymentStatus.AUTHORIZED, "request a refund");
        refund = Refund.requested(reason, correlationId, causationId, now);
        status = PaymentStatus.REFUND_PENDING;
        return refund;
    }

    /** The provider accepted the refund: the money is back with the customer. */
    public void refundAccepted(Instant now) {
        requireStatus(PaymentStatus.REFUND_PENDING, "complete a refund");
        pendingRefund().complete(now);
        status = PaymentStatus.REFUNDED;
    }

    /**
     * The provider refused the refund; it stays pending and is tried again later.
     *
     * @return true exactly once: for the refusal after which the order needs an operator's attention
     */
    public boolean refundRefused(String failure, Instant now, RefundSchedule schedule) {
        requireStatus(PaymentStatus.REFUND_PENDING, "record a refused refund");
        return pendingRefund().refuse(failure, now, schedule);
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
