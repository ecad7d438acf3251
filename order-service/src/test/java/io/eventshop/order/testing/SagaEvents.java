package io.eventshop.order.testing;

import static org.awaitility.Awaitility.await;

import io.eventshop.events.EventEnvelope;
import io.eventshop.events.IntegrationEvent;
import io.eventshop.events.inventory.ProductPriceChanged;
import io.eventshop.events.inventory.ReservedLine;
import io.eventshop.events.inventory.StockReleased;
import io.eventshop.events.inventory.StockReservationFailed;
import io.eventshop.events.inventory.StockReserved;
import io.eventshop.events.order.ShippingAddress;
import io.eventshop.events.payment.PaymentAuthorized;
import io.eventshop.events.payment.PaymentDeclined;
import io.eventshop.events.payment.PaymentRefundFailed;
import io.eventshop.events.payment.PaymentRefunded;
import io.eventshop.events.shipping.ShipmentFailed;
import io.eventshop.events.shipping.ShipmentScheduled;
import io.eventshop.messaging.testing.SagaTopic;
import io.eventshop.messaging.testing.SagaTopic.Published;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The other services, played by the test through the shared {@link SagaTopic}: their events, with plausible values,
 * published in the saga of their order (correlationId = the order id) and from the service that owns them.
 */
public final class SagaEvents {

    /** What order-service publishes, for {@link SagaTopic#collecting}. */
    public static final String[] ORDER_EVENTS = {
        "OrderPlaced", "OrderConfirmed", "OrderCancelled", "OrderCancellationRequested"
    };

    private final SagaTopic topic;

    public SagaEvents(SagaTopic topic) {
        this.topic = topic;
    }

    /** Publishes the event in a new envelope of the order's saga, and returns the envelope. */
    public EventEnvelope publish(IntegrationEvent event) {
        UUID correlationId = event.orderId() != null ? event.orderId() : UUID.randomUUID();
        EventEnvelope envelope = EventEnvelope.of(event, sourceOf(event), correlationId, null, Clock.systemUTC());
        topic.publish(envelope);
        return envelope;
    }

    /** Publishes an envelope again, as a redelivery after SNS's deduplication window would. */
    public void redeliver(EventEnvelope envelope) {
        topic.republish(envelope);
    }

    /** Waits (at most 20 seconds) for order-service to publish an event of {@code type} for the order. */
    public EventEnvelope awaitPublished(UUID orderId, Class<? extends IntegrationEvent> type) {
        return await().atMost(Duration.ofSeconds(20))
                .until(() -> firstPublished(orderId, type), Optional::isPresent)
                .orElseThrow();
    }

    private Optional<EventEnvelope> firstPublished(UUID orderId, Class<? extends IntegrationEvent> type) {
        List<Published> published = topic.publishedFor(orderId);
        return published.stream()
                .map(Published::envelope)
                .filter(envelope -> type.isInstance(envelope.data()))
                .findFirst();
    }

    private static String sourceOf(IntegrationEvent event) {
        return switch (event) {
            case io.eventshop.events.payment.PaymentEvent payment -> "payment-service";
            case io.eventshop.events.inventory.InventoryEvent inventory -> "inventory-service";
            case io.eventshop.events.shipping.ShippingEvent shipping -> "shipping-service";
            default -> throw new IllegalArgumentException("order-service does not consume " + event);
        };
    }

    // --- The events, with plausible values ---

    public static ProductPriceChanged priceChanged(String sku, String price) {
        return new ProductPriceChanged(sku, "Product " + sku, new BigDecimal(price), "EUR");
    }

    public static PaymentAuthorized paymentAuthorized(UUID orderId) {
        return new PaymentAuthorized(orderId, paymentId(orderId), "c-42", new BigDecimal("39.98"), "EUR");
    }

    public static PaymentDeclined paymentDeclined(UUID orderId, String reason) {
        return new PaymentDeclined(orderId, paymentId(orderId), "c-42", new BigDecimal("39.98"), "EUR", reason);
    }

    public static PaymentRefunded paymentRefunded(UUID orderId) {
        return new PaymentRefunded(
                orderId, paymentId(orderId), UUID.randomUUID(), new BigDecimal("39.98"), "EUR", "compensation");
    }

    public static PaymentRefundFailed paymentRefundFailed(UUID orderId) {
        return new PaymentRefundFailed(
                orderId, paymentId(orderId), new BigDecimal("39.98"), "EUR", "provider unavailable", 5);
    }

    public static StockReserved stockReserved(UUID orderId) {
        return new StockReserved(
                orderId,
                UUID.randomUUID(),
                "c-42",
                List.of(new ReservedLine("SKU-1001", 2)),
                new ShippingAddress("Ada", "1 Main St", "Berlin", "10115", "DE"));
    }

    public static StockReservationFailed stockReservationFailed(UUID orderId) {
        return new StockReservationFailed(orderId, "out of stock", List.of("SKU-1001"));
    }

    public static StockReleased stockReleased(UUID orderId) {
        return new StockReleased(orderId, UUID.randomUUID(), "shipment failed");
    }

    public static ShipmentScheduled shipmentScheduled(UUID orderId) {
        return new ShipmentScheduled(orderId, UUID.randomUUID(), "c-42", "DHL", "TRACK-1");
    }

    public static ShipmentFailed shipmentFailed(UUID orderId, String reason) {
        return new ShipmentFailed(orderId, UUID.randomUUID(), "c-42", reason);
    }

    private static UUID paymentId(UUID orderId) {
        return UUID.nameUUIDFromBytes(("payment-" + orderId).getBytes(StandardCharsets.UTF_8));
    }
}
