package io.eventshop.inventory.messaging;

import io.eventshop.events.order.OrderCancellationRequested;
import io.eventshop.events.order.OrderConfirmed;
import io.eventshop.events.order.OrderPlaced;
import io.eventshop.events.payment.PaymentAuthorized;
import io.eventshop.events.shipping.ShipmentFailed;
import io.eventshop.inventory.application.StockReservations;
import io.eventshop.inventory.domain.OrderId;
import io.eventshop.inventory.domain.OrderRequest;
import io.eventshop.inventory.domain.ReservationLine;
import io.eventshop.inventory.domain.ShippingAddress;
import io.eventshop.inventory.domain.Sku;
import io.eventshop.messaging.listener.EventHandlers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which use case handles each event on inventory-service's queue. The types are exactly those of its subscription's
 * filter policy in infra/topology.yaml; each handler runs once per event, in the transaction of the inbox. The
 * contracts stop here: the use cases get the domain's types.
 */
@Configuration(proxyBeanMethods = false)
class InventoryEventHandlers {

    @Bean
    EventHandlers eventHandlers(StockReservations reservations) {
        return new EventHandlers()
                .on(OrderPlaced.class, (event, envelope) -> reservations.remember(orderRequest(event)))
                .on(PaymentAuthorized.class, (event, envelope) -> reservations.reserve(new OrderId(event.orderId())))
                .on(
                        ShipmentFailed.class,
                        (event, envelope) -> reservations.release(
                                new OrderId(event.orderId()), "shipment failed: " + event.reason()))
                .on(
                        OrderCancellationRequested.class,
                        (event, envelope) -> reservations.release(
                                new OrderId(event.orderId()), "order cancelled: " + event.reason()))
                .on(OrderConfirmed.class, (event, envelope) -> reservations.commit(new OrderId(event.orderId())));
    }

    private static OrderRequest orderRequest(OrderPlaced event) {
        var address = event.shippingAddress();
        return new OrderRequest(
                new OrderId(event.orderId()),
                event.customerId(),
                event.lines().stream()
                        .map(line -> new ReservationLine(new Sku(line.sku()), line.quantity()))
                        .toList(),
                new ShippingAddress(
                        address.name(), address.street(), address.city(), address.postalCode(), address.country()));
    }
}
