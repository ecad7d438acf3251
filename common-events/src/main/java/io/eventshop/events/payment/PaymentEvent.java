package io.eventshop.events.payment;

import io.eventshop.events.IntegrationEvent;
import java.math.BigDecimal;
import java.util.Optional;

/** An event published by payment-service; each one is about an amount of money. */
public sealed interface PaymentEvent extends IntegrationEvent
        permits PaymentAuthorized, PaymentDeclined, PaymentRefunded, PaymentRefundFailed {

    /** The amount authorized, declined, refunded or still to refund. */
    BigDecimal amount();

    /** The ISO 4217 currency of {@link #amount()}. */
    String currency();

    @Override
    default Optional<BigDecimal> monetaryAmount() {
        return Optional.of(amount());
    }
}
