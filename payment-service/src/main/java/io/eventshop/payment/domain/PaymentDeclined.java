package io.eventshop.payment.domain;

/** Nothing was charged: the provider declined, or the order had been cancelled before it arrived. */
public record PaymentDeclined(PaymentId paymentId, OrderId orderId, String customerId, Money amount, String reason)
        implements PaymentEvent {}
