package io.eventshop.order.domain;

/** A cancellation was asked for an order that is past the point where it can be cancelled. */
public class OrderCannotBeCancelledException extends RuntimeException {

    public OrderCannotBeCancelledException(OrderId id, String why) {
        super("order " + id + " cannot be cancelled: " + why);
    }
}
