package io.eventshop.order.domain;

/** The customer, or the saga's deadline, asked to cancel the order before its shipment; the others undo their steps. */
public record OrderCancellationRequested(OrderId orderId, String customerId, String reason) implements OrderEvent {}
