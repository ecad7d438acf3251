package io.eventshop.shipping.shipment.messaging;

import io.eventshop.events.inventory.StockReserved;
import io.eventshop.events.order.OrderCancellationRequested;
import io.eventshop.messaging.listener.EventHandlers;
import io.eventshop.shipping.shipment.application.ShipmentScheduling;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which use case handles each event on shipping-service's queue. The types are exactly those of its subscription's
 * filter policy in infra/topology.yaml; each handler runs once per event, in the transaction of the inbox.
 */
@Configuration(proxyBeanMethods = false)
class ShipmentEventsConfiguration {

    @Bean
    EventHandlers eventHandlers(ShipmentScheduling scheduling) {
        return new EventHandlers()
                .on(StockReserved.class, scheduling::schedule)
                .on(OrderCancellationRequested.class, scheduling::cancel);
    }
}
