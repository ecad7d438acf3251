package io.eventshop.order.messaging;

import io.eventshop.messaging.outbox.Outbox;
import io.eventshop.messaging.sealing.Sealer;
import io.eventshop.order.domain.OrderCancellationRequested;
import io.eventshop.order.domain.OrderCancelled;
import io.eventshop.order.domain.OrderConfirmed;
import io.eventshop.order.domain.OrderEvent;
import io.eventshop.order.domain.OrderPlaced;
import io.eventshop.order.domain.ShippingAddress;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The one place where order-service's domain events become the shared contracts of {@code io.eventshop.events.order}
 * and go to the outbox. Spring calls {@link #on} synchronously, in the thread and the transaction of the application
 * service that published the event, so the outbox row commits with the order or not at all. {@link Outbox#add} makes
 * the event caused by the message being handled, if any; otherwise it starts the saga's correlation with the order id.
 *
 * <p>The customer's payment token is sealed for payment-service here, bound to the order's id: the published OrderPlaced
 * carries only the sealed form (see {@link Sealer}).
 */
@Component
class OrderEventMapper {

    private final Outbox outbox;
    private final Sealer sealer;

    OrderEventMapper(Outbox outbox, Sealer sealer) {
        this.outbox = outbox;
        this.sealer = sealer;
    }

    @EventListener
    void on(OrderEvent event) {
        outbox.add(contractOf(event));
    }

    /** The contract published for {@code event}: the events' own types, never the domain's. */
    io.eventshop.events.order.OrderEvent contractOf(OrderEvent event) {
        return switch (event) {
            case OrderPlaced placed -> orderPlaced(placed);
            case OrderConfirmed confirmed ->
                new io.eventshop.events.order.OrderConfirmed(
                        confirmed.orderId().value(),
                        confirmed.customerId(),
                        confirmed.total().amount(),
                        confirmed.total().currency());
            case OrderCancellationRequested requested ->
                new io.eventshop.events.order.OrderCancellationRequested(
                        requested.orderId().value(), requested.customerId(), requested.reason());
            case OrderCancelled cancelled ->
                new io.eventshop.events.order.OrderCancelled(
                        cancelled.orderId().value(), cancelled.customerId(), cancelled.reason());
        };
    }

    private io.eventshop.events.order.OrderPlaced orderPlaced(OrderPlaced placed) {
        ShippingAddress address = placed.shippingAddress();
        return new io.eventshop.events.order.OrderPlaced(
                placed.orderId().value(),
                placed.customerId(),
                placed.lines().stream()
                        .map(line -> new io.eventshop.events.order.OrderLine(
                                line.sku().value(),
                                line.quantity(),
                                line.unitPrice().amount()))
                        .toList(),
                placed.total().amount(),
                placed.total().currency(),
                sealer.seal(placed.paymentToken(), placed.orderId().value().toString()),
                new io.eventshop.events.order.ShippingAddress(
                        address.name(), address.street(), address.city(), address.postalCode(), address.country()));
    }
}
