package io.eventshop.order.domain;

/** No order has this id. */
public class OrderNotFoundException extends RuntimeException {

    public OrderNotFoundException(OrderId id) {
        super("order " + id + " does not exist");
    }
}
