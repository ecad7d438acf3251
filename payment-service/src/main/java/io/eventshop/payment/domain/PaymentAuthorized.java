package io.eventshop.payment.domain;

/** The provider authorized the order's total. */
public record PaymentAuthorized(PaymentId paymentId, OrderId orderId, String customerId, Money amount)
        implements PaymentEvent {}
