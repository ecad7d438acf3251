package io.eventshop.order.domain;

import java.util.List;

/** An order was placed, PENDING: the start of its saga, with everything the other services need for their steps. */
public record OrderPlaced(
        OrderId orderId,
        String customerId,
        List<OrderLine> lines,
        Money total,
        String paymentToken,
        ShippingAddress shippingAddress)
        implements OrderEvent {

    public OrderPlaced {
        lines = List.copyOf(lines);
    }
}
