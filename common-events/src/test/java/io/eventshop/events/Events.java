package io.eventshop.events;

import io.eventshop.events.inventory.InventoryEvent;
import io.eventshop.events.inventory.ProductPriceChanged;
import io.eventshop.events.inventory.ReservedLine;
import io.eventshop.events.inventory.StockReleased;
import io.eventshop.events.inventory.StockReservationFailed;
import io.eventshop.events.inventory.StockReserved;
import io.eventshop.events.notification.CustomerNotified;
import io.eventshop.events.notification.NotificationEvent;
import io.eventshop.events.order.OrderCancellationRequested;
import io.eventshop.events.order.OrderCancelled;
import io.eventshop.events.order.OrderConfirmed;
import io.eventshop.events.order.OrderEvent;
import io.eventshop.events.order.OrderLine;
import io.eventshop.events.order.OrderPlaced;
import io.eventshop.events.order.ShippingAddress;
import io.eventshop.events.payment.PaymentAuthorized;
import io.eventshop.events.payment.PaymentDeclined;
import io.eventshop.events.payment.PaymentEvent;
import io.eventshop.events.payment.PaymentRefundFailed;
import io.eventshop.events.payment.PaymentRefunded;
import io.eventshop.events.shipping.ShipmentFailed;
import io.eventshop.events.shipping.ShipmentScheduled;
import io.eventshop.events.shipping.ShippingEvent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Test fixtures: one sample of every event type, all of them about the same order, and their envelopes. */
public final class Events {

    public static final UUID ORDER_ID = UUID.fromString("8d6f2a3e-1b4c-4e5f-9a7b-0c1d2e3f4a5b");
    public static final UUID CORRELATION_ID = UUID.fromString("c0a8e1f2-3b4d-4c5e-8f6a-7b8c9d0e1f2a");
    public static final UUID CAUSATION_ID = UUID.fromString("ca05a710-0000-4000-8000-000000000001");
    public static final Instant OCCURRED_AT = Instant.parse("2026-11-22T10:15:30.123Z");
    public static final String CUSTOMER_ID = "c-42";

    static final UUID PAYMENT_ID = UUID.fromString("a1b2c3d4-0000-4000-8000-000000000002");
    static final UUID REFUND_ID = UUID.fromString("a1b2c3d4-0000-4000-8000-000000000003");
    static final UUID RESERVATION_ID = UUID.fromString("a1b2c3d4-0000-4000-8000-000000000004");
    static final UUID SHIPMENT_ID = UUID.fromString("a1b2c3d4-0000-4000-8000-000000000005");
    static final UUID NOTIFICATION_ID = UUID.fromString("a1b2c3d4-0000-4000-8000-000000000006");

    private Events() {}

    /** One sample of every event type, in the order of {@link EventTypes#all()}. */
    public static List<IntegrationEvent> oneOfEachType() {
        return List.of(
                orderPlaced(),
                orderConfirmed(),
                orderCancelled(),
                orderCancellationRequested(),
                paymentAuthorized(),
                paymentDeclined(),
                paymentRefunded(),
                paymentRefundFailed(),
                stockReserved(),
                stockReservationFailed(),
                stockReleased(),
                productPriceChanged(),
                shipmentScheduled(),
                shipmentFailed(),
                customerNotified());
    }

    /**
     * The envelope of {@code event} with fixed ids and time: its eventId is derived from its type, and the first event
     * of a saga (or a catalogue event) has no causationId.
     */
    public static EventEnvelope envelopeOf(IntegrationEvent event) {
        String eventType = EventTypes.nameOf(event);
        boolean first = event instanceof OrderPlaced || event instanceof ProductPriceChanged;
        return new EventEnvelope(
                UUID.nameUUIDFromBytes(eventType.getBytes(StandardCharsets.UTF_8)),
                eventType,
                1,
                sourceOf(event),
                OCCURRED_AT,
                event.orderId(),
                CORRELATION_ID,
                first ? null : CAUSATION_ID,
                event);
    }

    /** The service that publishes {@code event}: an exhaustive switch over the sealed hierarchy, with no default. */
    public static String sourceOf(IntegrationEvent event) {
        return switch (event) {
            case OrderEvent ignored -> "order-service";
            case PaymentEvent ignored -> "payment-service";
            case InventoryEvent ignored -> "inventory-service";
            case ShippingEvent ignored -> "shipping-service";
            case NotificationEvent ignored -> "notification-service";
        };
    }

    public static ShippingAddress shippingAddress() {
        return new ShippingAddress("Ada", "1 Main St", "Berlin", "10115", "DE");
    }

    public static OrderLine orderLine(String sku, int quantity, String unitPrice) {
        return new OrderLine(sku, quantity, new BigDecimal(unitPrice));
    }

    public static OrderPlaced orderPlaced() {
        return new OrderPlaced(
                ORDER_ID,
                CUSTOMER_ID,
                List.of(orderLine("SKU-1001", 2, "19.99"), orderLine("SKU-1002", 1, "5.50")),
                new BigDecimal("45.48"),
                "EUR",
                "v1.sealed-for-the-tests",
                shippingAddress());
    }

    public static OrderConfirmed orderConfirmed() {
        return new OrderConfirmed(ORDER_ID, CUSTOMER_ID, new BigDecimal("45.48"), "EUR");
    }

    public static OrderCancelled orderCancelled() {
        return new OrderCancelled(ORDER_ID, CUSTOMER_ID, "payment declined: insufficient funds");
    }

    public static OrderCancellationRequested orderCancellationRequested() {
        return new OrderCancellationRequested(ORDER_ID, CUSTOMER_ID, "cancelled by the customer");
    }

    public static PaymentAuthorized paymentAuthorized() {
        return new PaymentAuthorized(ORDER_ID, PAYMENT_ID, CUSTOMER_ID, new BigDecimal("45.48"), "EUR");
    }

    public static PaymentDeclined paymentDeclined() {
        return new PaymentDeclined(
                ORDER_ID, PAYMENT_ID, CUSTOMER_ID, new BigDecimal("45.48"), "EUR", "insufficient funds");
    }

    public static PaymentRefunded paymentRefunded() {
        return new PaymentRefunded(
                ORDER_ID, PAYMENT_ID, REFUND_ID, new BigDecimal("45.48"), "EUR", "stock reservation failed");
    }

    public static PaymentRefundFailed paymentRefundFailed() {
        return new PaymentRefundFailed(
                ORDER_ID, PAYMENT_ID, new BigDecimal("45.48"), "EUR", "provider refused the refund", 3);
    }

    public static StockReserved stockReserved() {
        return new StockReserved(
                ORDER_ID,
                RESERVATION_ID,
                CUSTOMER_ID,
                List.of(new ReservedLine("SKU-1001", 2), new ReservedLine("SKU-1002", 1)),
                shippingAddress());
    }

    public static StockReservationFailed stockReservationFailed() {
        return new StockReservationFailed(ORDER_ID, "insufficient stock", List.of("SKU-1002"));
    }

    public static StockReleased stockReleased() {
        return new StockReleased(ORDER_ID, RESERVATION_ID, "shipment failed");
    }

    public static ProductPriceChanged productPriceChanged() {
        return new ProductPriceChanged("SKU-1001", "Espresso cup", new BigDecimal("19.90"), "EUR");
    }

    public static ShipmentScheduled shipmentScheduled() {
        return new ShipmentScheduled(ORDER_ID, SHIPMENT_ID, CUSTOMER_ID, "SIMULATED", "SIM-0000012345");
    }

    public static ShipmentFailed shipmentFailed() {
        return new ShipmentFailed(ORDER_ID, SHIPMENT_ID, CUSTOMER_ID, "no carrier delivers to AQ");
    }

    public static CustomerNotified customerNotified() {
        return new CustomerNotified(ORDER_ID, CUSTOMER_ID, NOTIFICATION_ID, "ORDER_CONFIRMED", "NORMAL");
    }
}
