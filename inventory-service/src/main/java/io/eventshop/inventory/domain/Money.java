package io.eventshop.inventory.domain;

import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of money with exactly two decimals in an ISO 4217 currency: a product's price. inventory-service keeps a
 * {@code Money} of its own rather than sharing one with the other services, as it only reprices; the rules of how an
 * amount is made are the same everywhere (common-messaging's {@code MoneyContract}).
 */
@Embeddable
public record Money(BigDecimal amount, Currency currency) {

    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("amount must not be negative, was " + amount);
        }
        try {
            amount = amount.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("amount must have at most two decimals, was " + amount, e);
        }
    }

    /**
     * @param currency an ISO 4217 code such as {@code EUR}
     * @throws IllegalArgumentException if the amount is negative or has more than two decimals, or the currency is no
     *     ISO 4217 code
     */
    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currencyOf(currency));
    }

    public static Money euros(String amount) {
        return euros(new BigDecimal(amount));
    }

    public static Money euros(BigDecimal amount) {
        return new Money(amount, currencyOf("EUR"));
    }

    private static Currency currencyOf(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code, was " + code);
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code, was " + code, e);
        }
    }
}
