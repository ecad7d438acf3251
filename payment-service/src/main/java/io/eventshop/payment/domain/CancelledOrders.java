package io.eventshop.payment.domain;

/**
 * Tombstones: orders whose cancellation arrived before anything was authorized for them. An OrderPlaced that arrives
 * later (messages can be delayed or redriven from a dead-letter queue) is then declined instead of charged.
 */
public interface CancelledOrders {

    /** Remembers that {@code orderId} was cancelled; recording it again changes nothing. */
    void record(OrderId orderId, String reason);

    boolean contains(OrderId orderId);
}
