package io.eventshop.messaging.testing;

import io.eventshop.events.EventEnvelope;
import io.eventshop.events.IntegrationEvent;
import io.eventshop.events.inventory.ProductPriceChanged;
import io.eventshop.events.payment.PaymentAuthorized;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.UUID;

/** Events and envelopes for tests. */
public final class TestEvents {

    private TestEvents() {}

    public static PaymentAuthorized paymentAuthorized(UUID orderId) {
        return paymentAuthorized(orderId, new BigDecimal("39.98"));
    }

    public static PaymentAuthorized paymentAuthorized(UUID orderId, BigDecimal amount) {
        return new PaymentAuthorized(orderId, UUID.randomUUID(), "c-42", amount, "EUR");
    }

    public static ProductPriceChanged priceChanged(String sku) {
        return new ProductPriceChanged(sku, "Teapot", new BigDecimal("19.99"), "EUR");
    }

    /** A new envelope of {@code event}, published by payment-service, starting a saga. */
    public static EventEnvelope envelope(IntegrationEvent event) {
        return EventEnvelope.of(event, "payment-service", UUID.randomUUID(), null, Clock.systemUTC());
    }
}
