package io.eventshop.payment.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/** An amount of money in an ISO 4217 currency, kept to two decimals. */
public record Money(BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("amount must not be negative, was " + amount.toPlainString());
        }
        amount = amount.setScale(2, RoundingMode.UNNECESSARY);
        Currency.getInstance(currency);
    }
}
