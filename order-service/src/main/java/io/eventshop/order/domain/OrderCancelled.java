package io.eventshop.order.domain;

/** The saga ended without the order: a step failed or the cancellation was carried out, and all was compensated. */
public record OrderCancelled(OrderId orderId, String customerId, String reason) implements OrderEvent {}
