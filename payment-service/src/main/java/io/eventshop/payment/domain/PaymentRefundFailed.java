package io.eventshop.payment.domain;

import java.util.UUID;

/**
 * The provider refused the refund {@code attempts} times, enough for the order to need an operator's attention. It is
 * registered once per refund, which stays pending and is tried again. {@code correlationId} and {@code causationId} are
 * those of the event that asked for the refund.
 */
public record PaymentRefundFailed(
        PaymentId paymentId,
        OrderId orderId,
        Money amount,
        String reason,
        int attempts,
        UUID correlationId,
        UUID causationId)
        implements PaymentEvent {}
