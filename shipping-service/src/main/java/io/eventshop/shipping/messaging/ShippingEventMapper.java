package io.eventshop.shipping.messaging;

import io.eventshop.events.shipping.ShipmentFailed;
import io.eventshop.events.shipping.ShipmentScheduled;
import io.eventshop.events.shipping.ShippingEvent;
import io.eventshop.messaging.outbox.Outbox;
import io.eventshop.shipping.domain.ShipmentEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The one place where shipping-service's domain events become the shared contracts of {@code io.eventshop.events}.
 * The use cases publish the events their shipments registered; Spring calls this listener at once, on the same thread
 * and in the same transaction, so each contract reaches the outbox in the transaction that stored the shipment, and
 * is lost with it on a rollback. The outbox chains it to the message being handled.
 */
@Component
class ShippingEventMapper {

    private final Outbox outbox;

    ShippingEventMapper(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(ShipmentEvent event) {
        outbox.add(contract(event));
    }

    static ShippingEvent contract(ShipmentEvent event) {
        return switch (event) {
            case ShipmentEvent.ShipmentScheduled scheduled ->
                new ShipmentScheduled(
                        scheduled.orderId().value(),
                        scheduled.shipmentId().value(),
                        scheduled.customerId(),
                        scheduled.carrier(),
                        scheduled.trackingNumber());
            case ShipmentEvent.ShipmentFailed failed ->
                new ShipmentFailed(
                        failed.orderId().value(), failed.shipmentId().value(), failed.customerId(), failed.reason());
        };
    }
}
