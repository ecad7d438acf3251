package io.eventshop.events;

import io.eventshop.events.inventory.InventoryEvent;
import io.eventshop.events.notification.NotificationEvent;
import io.eventshop.events.order.OrderEvent;
import io.eventshop.events.payment.PaymentEvent;
import io.eventshop.events.shipping.ShippingEvent;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

/**
 * An event that one service publishes for the others: the {@code data} of an {@link EventEnvelope}.
 *
 * <p>The hierarchy is sealed, with one sub-interface per producing service, so a {@code switch} over events is checked
 * for exhaustiveness by the compiler.
 */
public sealed interface IntegrationEvent
        permits OrderEvent, PaymentEvent, InventoryEvent, ShippingEvent, NotificationEvent {

    /**
     * The order whose saga this event belongs to, or {@code null} for an event outside any order (catalogue events such
     * as {@code ProductPriceChanged}).
     */
    UUID orderId();

    /**
     * The key that orders this event among others: it becomes the message group. Saga events are ordered per order;
     * catalogue events override this with their sku.
     */
    default String orderingKey() {
        return orderId().toString();
    }

    /** The money this event is about, published as the {@code amount} message attribute; empty when there is none. */
    default Optional<BigDecimal> monetaryAmount() {
        return Optional.empty();
    }
}
