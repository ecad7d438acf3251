package io.eventshop.shipping.messaging;

import io.eventshop.events.inventory.StockReserved;
import io.eventshop.events.order.OrderCancellationRequested;
import io.eventshop.events.order.ShippingAddress;
import io.eventshop.messaging.listener.EventHandlers;
import io.eventshop.shipping.application.ShipmentScheduling;
import io.eventshop.shipping.domain.Destination;
import io.eventshop.shipping.domain.OrderId;
import io.eventshop.shipping.domain.Parcel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which use case handles each event on shipping-service's queue. The types are exactly those of its subscription's
 * filter policy in infra/topology.yaml; each handler runs once per event, in the transaction of the inbox. The
 * contracts stop here: the use cases get the domain's types.
 */
@Configuration(proxyBeanMethods = false)
class ShippingEventHandlers {

    @Bean
    EventHandlers eventHandlers(ShipmentScheduling scheduling) {
        return new EventHandlers()
                .on(
                        StockReserved.class,
                        (event, envelope) -> scheduling.schedule(
                                new OrderId(event.orderId()),
                                event.customerId(),
                                destination(event.shippingAddress()),
                                event.lines().stream()
                                        .map(line -> new Parcel(line.sku(), line.quantity()))
                                        .toList()))
                .on(
                        OrderCancellationRequested.class,
                        (event, envelope) -> scheduling.cancel(new OrderId(event.orderId()), event.reason()));
    }

    private static Destination destination(ShippingAddress address) {
        return new Destination(
                address.name(), address.street(), address.city(), address.postalCode(), address.country());
    }
}
