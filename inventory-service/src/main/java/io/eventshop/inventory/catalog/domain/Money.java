package io.eventshop.inventory.catalog.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** An amount of money with two decimals in an ISO 4217 currency. */
public record Money(BigDecimal amount, Currency currency) {

    public Money {
        if (amount == null || amount.signum() < 0) {
            throw new IllegalArgumentException("amount must not be negative, was " + amount);
        }
        if (currency == null) {
            throw new IllegalArgumentException("currency is required");
        }
        amount = amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    public static Money euros(String amount) {
        return euros(new BigDecimal(amount));
    }

    public static Money euros(BigDecimal amount) {
        return new Money(amount, Currency.getInstance("EUR"));
    }
}
