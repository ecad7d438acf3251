package io.eventshop.notification.messaging;

import io.eventshop.events.EventEnvelope;
import io.eventshop.events.IntegrationEvent;
import io.eventshop.events.order.OrderConfirmed;
import io.eventshop.events.order.OrderLine;
import io.eventshop.events.order.OrderPlaced;
import io.eventshop.events.order.ShippingAddress;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Events about a customer's orders, as test data: {@code anOrderPlaced().by("premium-7").totalling("20.00")}. */
final class CustomerEvents {

    private CustomerEvents() {}

    static OrderPlacedBuilder anOrderPlaced() {
        return new OrderPlacedBuilder();
    }

    static OrderConfirmed orderConfirmed(String customerId) {
        return new OrderConfirmed(UUID.randomUUID(), customerId, new BigDecimal("39.98"), "EUR");
    }

    /** A new customer id, so that each test sees only its own notifications. */
    static String aCustomer() {
        return "c-" + UUID.randomUUID();
    }

    static String aPremiumCustomer() {
        return "premium-" + UUID.randomUUID();
    }

    static EventEnvelope envelope(IntegrationEvent event) {
        return EventEnvelope.of(event, "order-service", UUID.randomUUID(), null, Clock.systemUTC());
    }

    /** Builds an OrderPlaced of one line, for 39.98 EUR by default. */
    static final class OrderPlacedBuilder {

        private String customerId = aCustomer();
        private BigDecimal total = new BigDecimal("39.98");

        OrderPlacedBuilder by(String customerId) {
            this.customerId = customerId;
            return this;
        }

        OrderPlacedBuilder totalling(String total) {
            this.total = new BigDecimal(total);
            return this;
        }

        OrderPlaced event() {
            return new OrderPlaced(
                    UUID.randomUUID(),
                    customerId,
                    List.of(new OrderLine("SKU-1001", 1, total)),
                    total,
                    "EUR",
                    "tok_visa",
                    new ShippingAddress("Ada", "1 Main St", "Berlin", "10115", "DE"));
        }
    }
}
