package io.eventshop.payment.messaging;

import io.eventshop.events.EventEnvelope;
import io.eventshop.events.IntegrationEvent;
import io.eventshop.events.inventory.StockReleased;
import io.eventshop.events.inventory.StockReservationFailed;
import io.eventshop.events.order.OrderCancellationRequested;
import io.eventshop.events.order.OrderLine;
import io.eventshop.events.order.OrderPlaced;
import io.eventshop.events.order.ShippingAddress;
import io.eventshop.messaging.testing.TestSealing;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** The events of other services that payment-service reacts to, as test data: {@code anOrderPlaced().paidWith(..)}. */
public final class OrderEvents {

    private OrderEvents() {}

    public static OrderPlacedBuilder anOrderPlaced() {
        return new OrderPlacedBuilder();
    }

    public static EventEnvelope stockReservationFailed(UUID orderId) {
        return envelope(new StockReservationFailed(orderId, "insufficient stock", List.of("SKU-1001")), orderId);
    }

    public static EventEnvelope stockReleased(UUID orderId) {
        return envelope(new StockReleased(orderId, UUID.randomUUID(), "shipment failed"), orderId);
    }

    public static EventEnvelope cancellationRequested(UUID orderId) {
        return envelope(new OrderCancellationRequested(orderId, "c-42", "customer cancelled"), orderId);
    }

    /** An envelope of the saga of {@code orderId} (whose correlation id, in these tests, is the order id). */
    public static EventEnvelope envelope(IntegrationEvent event, UUID orderId) {
        String source = event instanceof OrderPlaced || event instanceof OrderCancellationRequested
                ? "order-service"
                : "inventory-service";
        return EventEnvelope.of(event, source, orderId, null, Clock.systemUTC());
    }

    /** Builds an OrderPlaced of one line: by default 2 × 19.99 EUR, paid with {@code tok_visa}. */
    public static final class OrderPlacedBuilder {

        private UUID orderId = UUID.randomUUID();
        private String customerId = "c-42";
        private String token = "tok_visa";
        private BigDecimal unitPrice = new BigDecimal("19.99");

        public OrderPlacedBuilder paidWith(String token) {
            this.token = token;
            return this;
        }

        public OrderPlacedBuilder forOrder(UUID orderId) {
            this.orderId = orderId;
            return this;
        }

        public OrderPlacedBuilder byCustomer(String customerId) {
            this.customerId = customerId;
            return this;
        }

        public OrderPlaced event() {
            var line = new OrderLine("SKU-1001", 2, unitPrice);
            return new OrderPlaced(
                    orderId,
                    customerId,
                    List.of(line),
                    line.lineTotal(),
                    "EUR",
                    TestSealing.seal(token, orderId),
                    new ShippingAddress("Ada", "1 Main St", "Berlin", "10115", "DE"));
        }

        public EventEnvelope envelope() {
            return OrderEvents.envelope(event(), orderId);
        }
    }
}
