package io.eventshop.payment.domain;

/**
 * A refund was requested and is pending: the provider is asked once the request has committed, outside the
 * transaction that stored it. Not published to other services; PaymentRefunded (or PaymentRefundFailed) follows.
 */
public record RefundRequested(PaymentId paymentId, OrderId orderId, RefundId refundId) implements PaymentEvent {}
