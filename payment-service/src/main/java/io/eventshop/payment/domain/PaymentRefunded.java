package io.eventshop.payment.domain;

import java.util.UUID;

/**
 * The provider accepted the refund: the amount is back with the customer. {@code correlationId} and
 * {@code causationId} are those of the event that asked for the refund ({@link Refund}), as the refund may be made
 * long after that event was handled.
 */
public record PaymentRefunded(
        PaymentId paymentId,
        OrderId orderId,
        RefundId refundId,
        Money amount,
        String reason,
        UUID correlationId,
        UUID causationId)
        implements PaymentEvent {}
