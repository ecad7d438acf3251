package io.eventshop.order.testing;

import io.eventshop.devstack.junit.LocalAwsExtension;
import io.eventshop.events.EventEnvelope;
import io.eventshop.events.EventJson;
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
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * The other services, played by the test: it publishes their events to the SNS topic as their outbox relays do
 * (message group = the ordering key, deduplication id = the eventId, the eventType attribute).
 */
public final class SagaEvents {

    public static final String TOPIC = "order-events.fifo";

    private static final SnsClient SNS = SnsClient.builder()
            .endpointOverride(LocalAwsExtension.endpoint().url())
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .build();

    private final EventJson json = new EventJson();

    /** Publishes the event in a new envelope of the order's saga, and returns the envelope. */
    public EventEnvelope publish(IntegrationEvent event) {
        UUID correlationId = event.orderId() != null ? event.orderId() : UUID.randomUUID();
        EventEnvelope envelope = EventEnvelope.of(event, sourceOf(event), correlationId, null, Clock.systemUTC());
        publish(envelope, envelope.eventId().toString());
        return envelope;
    }

    /** Publishes an envelope again, as a redelivery after SNS's deduplication window would. */
    public void redeliver(EventEnvelope envelope) {
        publish(envelope, UUID.randomUUID().toString());
    }

    private void publish(EventEnvelope envelope, String deduplicationId) {
        SNS.publish(request -> request.topicArn(topicArn())
                .message(json.write(envelope))
                .messageGroupId(envelope.orderingKey())
                .messageDeduplicationId(deduplicationId)
                .messageAttributes(Map.of(
                        "eventType",
                        MessageAttributeValue.builder()
                                .dataType("String")
                                .stringValue(envelope.eventType())
                                .build())));
    }

    static String topicArn() {
        return SNS.listTopics().topics().stream()
                .map(topic -> topic.topicArn())
                .filter(arn -> arn.endsWith(":" + TOPIC))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(TOPIC + " is not provisioned"));
    }

    static SnsClient sns() {
        return SNS;
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
        return UUID.nameUUIDFromBytes(("payment-" + orderId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
