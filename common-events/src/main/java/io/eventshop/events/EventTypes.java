package io.eventshop.events;

import io.eventshop.events.inventory.ProductPriceChanged;
import io.eventshop.events.inventory.StockReleased;
import io.eventshop.events.inventory.StockReservationFailed;
import io.eventshop.events.inventory.StockReserved;
import io.eventshop.events.notification.CustomerNotified;
import io.eventshop.events.order.OrderCancellationRequested;
import io.eventshop.events.order.OrderCancelled;
import io.eventshop.events.order.OrderConfirmed;
import io.eventshop.events.order.OrderPlaced;
import io.eventshop.events.payment.PaymentAuthorized;
import io.eventshop.events.payment.PaymentDeclined;
import io.eventshop.events.payment.PaymentRefundFailed;
import io.eventshop.events.payment.PaymentRefunded;
import io.eventshop.events.shipping.ShipmentFailed;
import io.eventshop.events.shipping.ShipmentScheduled;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The registry of event types: it maps each {@code eventType} name (the record's simple name) to its record class and
 * back.
 */
public final class EventTypes {

    /** The version of every event type. Changes are additive only, so it stays 1. */
    public static final int CURRENT_VERSION = 1;

    private static final List<Class<? extends IntegrationEvent>> ALL = List.of(
            OrderPlaced.class,
            OrderConfirmed.class,
            OrderCancelled.class,
            OrderCancellationRequested.class,
            PaymentAuthorized.class,
            PaymentDeclined.class,
            PaymentRefunded.class,
            PaymentRefundFailed.class,
            StockReserved.class,
            StockReservationFailed.class,
            StockReleased.class,
            ProductPriceChanged.class,
            ShipmentScheduled.class,
            ShipmentFailed.class,
            CustomerNotified.class);

    private static final Map<String, Class<? extends IntegrationEvent>> BY_NAME = byName();

    private EventTypes() {}

    /** Every registered event class, grouped by producing service. */
    public static List<Class<? extends IntegrationEvent>> all() {
        return ALL;
    }

    /** Every registered event type name. */
    public static Set<String> names() {
        return BY_NAME.keySet();
    }

    /** The event type name of {@code event}. */
    public static String nameOf(IntegrationEvent event) {
        return nameOf(event.getClass());
    }

    /** The event type name of an event class. */
    public static String nameOf(Class<? extends IntegrationEvent> type) {
        return type.getSimpleName();
    }

    /** The event class registered under {@code eventType}, if there is one. */
    public static Optional<Class<? extends IntegrationEvent>> find(String eventType) {
        return Optional.ofNullable(BY_NAME.get(eventType));
    }

    /**
     * The event class registered under {@code eventType}.
     *
     * @throws IllegalArgumentException naming the unknown type and the known ones
     */
    public static Class<? extends IntegrationEvent> classOf(String eventType) {
        return find(eventType)
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown event type: " + eventType + " (known: " + String.join(", ", names()) + ")"));
    }

    private static Map<String, Class<? extends IntegrationEvent>> byName() {
        var byName = new LinkedHashMap<String, Class<? extends IntegrationEvent>>();
        for (var type : ALL) {
            if (byName.put(nameOf(type), type) != null) {
                throw new IllegalStateException("duplicate event type: " + nameOf(type));
            }
        }
        return Collections.unmodifiableMap(byName);
    }
}
