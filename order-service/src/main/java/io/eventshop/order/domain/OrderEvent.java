package io.eventshop.order.domain;

/**
 * What happened to an order, as the {@link Order} registers it ({@link Order#releaseEvents()}). These are domain
 * events, in the domain's own types; the messaging package's {@code OrderEventMapper} turns each one into the shared
 * contract of the same name and adds it to the outbox, in the transaction that saved the order.
 */
public sealed interface OrderEvent permits OrderPlaced, OrderConfirmed, OrderCancellationRequested, OrderCancelled {

    OrderId orderId();
}
