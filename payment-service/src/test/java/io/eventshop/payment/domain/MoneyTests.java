package io.eventshop.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

import io.eventshop.messaging.testing.MoneyContract;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** payment-service's Money follows the rules of every service's Money ({@link MoneyContract}). */
class MoneyTests extends MoneyContract<Money> {

    @Override
    protected Money money(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    @Override
    protected BigDecimal amountOf(Money money) {
        return money.amount();
    }

    @Override
    protected String currencyOf(Money money) {
        return money.currency();
    }

    @Test
    void keepsTwoDecimals() {
        assertThat(new Money(new BigDecimal("40"), "EUR").amount()).isEqualByComparingTo("40.00");
        assertThat(new Money(new BigDecimal("40"), "EUR").amount().scale()).isEqualTo(2);
    }

    @Test
    void rejectsNegativeAmountsUnknownCurrenciesAndFractionsOfACent() {
        assertThatException().isThrownBy(() -> new Money(new BigDecimal("-1"), "EUR"));
        assertThatException().isThrownBy(() -> new Money(BigDecimal.ONE, "XYZ"));
        assertThatException().isThrownBy(() -> new Money(new BigDecimal("1.005"), "EUR"));
    }
}
