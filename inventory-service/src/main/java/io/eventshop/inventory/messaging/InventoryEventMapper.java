package io.eventshop.inventory.messaging;

import io.eventshop.events.inventory.InventoryEvent;
import io.eventshop.events.inventory.ProductPriceChanged;
import io.eventshop.events.inventory.ReservedLine;
import io.eventshop.events.inventory.StockReleased;
import io.eventshop.events.inventory.StockReservationFailed;
import io.eventshop.events.inventory.StockReserved;
import io.eventshop.events.order.ShippingAddress;
import io.eventshop.inventory.domain.ProductEvent;
import io.eventshop.inventory.domain.ReservationEvent;
import io.eventshop.inventory.domain.Sku;
import io.eventshop.messaging.outbox.Outbox;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The one place where inventory-service's domain events become the shared contracts of {@code io.eventshop.events}.
 * The use cases publish the events their aggregates registered; Spring calls these listeners at once, on the same
 * thread and in the same transaction, so each contract reaches the outbox in the transaction that changed the stock
 * or the price, and is lost with it on a rollback. The outbox chains it to the message being handled, if any.
 */
@Component
class InventoryEventMapper {

    private final Outbox outbox;

    InventoryEventMapper(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(ReservationEvent event) {
        outbox.add(contract(event));
    }

    @EventListener
    void on(ProductEvent event) {
        outbox.add(contract(event));
    }

    static InventoryEvent contract(ReservationEvent event) {
        return switch (event) {
            case ReservationEvent.StockReserved reserved ->
                new StockReserved(
                        reserved.orderId().value(),
                        reserved.reservationId().value(),
                        reserved.customerId(),
                        reserved.lines().stream()
                                .map(line -> new ReservedLine(line.sku().value(), line.quantity()))
                                .toList(),
                        new ShippingAddress(
                                reserved.shippingAddress().name(),
                                reserved.shippingAddress().street(),
                                reserved.shippingAddress().city(),
                                reserved.shippingAddress().postalCode(),
                                reserved.shippingAddress().country()));
            case ReservationEvent.StockReservationFailed failed ->
                new StockReservationFailed(
                        failed.orderId().value(),
                        failed.reason(),
                        failed.unavailableSkus().stream().map(Sku::value).toList());
            case ReservationEvent.StockReleased released ->
                new StockReleased(
                        released.orderId().value(), released.reservationId().value(), released.reason());
        };
    }

    static InventoryEvent contract(ProductEvent event) {
        return switch (event) {
            case ProductEvent.ProductPriceChanged changed ->
                new ProductPriceChanged(
                        changed.sku().value(),
                        changed.name(),
                        changed.price().amount(),
                        changed.price().currency().getCurrencyCode());
        };
    }
}
