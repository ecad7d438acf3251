package io.eventshop.payment.domain;

import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of money in an ISO 4217 currency, with exactly two decimals. The rules are those of every service's Money
 * (common-messaging's {@code MoneyContract}); payment-service needs no operations on it: it charges and refunds an
 * order's total as a whole. Stored in the columns {@code amount} and {@code currency}.
 */
@Embeddable
public record Money(BigDecimal amount, String currency) {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("amount must not be negative, was " + amount.toPlainString());
        }
        if (!isIso4217(currency)) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code, was " + currency);
        }
        try {
            amount = amount.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    "amount must have at most two decimals, was " + amount.toPlainString(), e);
        }
    }

    private static boolean isIso4217(String code) {
        if (!CURRENCY.matcher(code).matches()) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
