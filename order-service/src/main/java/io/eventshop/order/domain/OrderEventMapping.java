package io.eventshop.order.domain;

import io.eventshop.events.order.OrderPlaced;

/** Maps the order to the OrderPlaced contract, which uses the events' own types, never the domain's. */
final class OrderEventMapping {

    private OrderEventMapping() {}

    static OrderPlaced orderPlaced(Order order) {
        ShippingAddress address = order.shippingAddress();
        return new OrderPlaced(
                order.id().value(),
                order.customerId(),
                order.lines().stream()
                        .map(line -> new io.eventshop.events.order.OrderLine(
                                line.sku().value(),
                                line.quantity(),
                                line.unitPrice().amount()))
                        .toList(),
                order.total().amount(),
                order.total().currency(),
                order.paymentToken(),
                new io.eventshop.events.order.ShippingAddress(
                        address.name(), address.street(), address.city(), address.postalCode(), address.country()));
    }
}
