package io.eventshop.order.domain;

/** Every step of the saga succeeded: the order is paid, reserved and scheduled for shipment. */
public record OrderConfirmed(OrderId orderId, String customerId, Money total) implements OrderEvent {}
