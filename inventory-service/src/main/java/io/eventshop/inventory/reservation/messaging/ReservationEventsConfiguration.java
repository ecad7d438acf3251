package io.eventshop.inventory.reservation.messaging;

import io.eventshop.events.order.OrderCancellationRequested;
import io.eventshop.events.order.OrderConfirmed;
import io.eventshop.events.order.OrderPlaced;
import io.eventshop.events.payment.PaymentAuthorized;
import io.eventshop.events.shipping.ShipmentFailed;
import io.eventshop.inventory.reservation.application.StockReservations;
import io.eventshop.messaging.listener.EventHandlers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which use case handles each event on inventory-service's queue. The types are exactly those of its subscription's
 * filter policy in infra/topology.yaml; each handler runs once per event, in the transaction of the inbox.
 */
@Configuration(proxyBeanMethods = false)
class ReservationEventsConfiguration {

    @Bean
    EventHandlers eventHandlers(StockReservations reservations) {
        return new EventHandlers()
                .on(OrderPlaced.class, (event, envelope) -> reservations.remember(event))
                .on(PaymentAuthorized.class, reservations::reserve)
                .on(
                        ShipmentFailed.class,
                        (event, envelope) ->
                                reservations.release(event.orderId(), "shipment failed: " + event.reason(), envelope))
                .on(
                        OrderCancellationRequested.class,
                        (event, envelope) ->
                                reservations.release(event.orderId(), "order cancelled: " + event.reason(), envelope))
                .on(OrderConfirmed.class, (event, envelope) -> reservations.commit(event));
    }
}
