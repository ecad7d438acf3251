package io.eventshop.order.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventshop.messaging.testing.MoneyContract;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** order-service's Money: the rules every service's Money follows (inherited), and adding an order's lines up. */
class MoneyTests extends MoneyContract<Money> {

    @Override
    protected Money money(String amount, String currency) {
        return Money.of(amount, currency);
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
    void moneyKeepsTwoDecimalsAndRefusesNegativeAmountsAndBadCurrencies() {
        assertThat(new Money(new BigDecimal("5"), "EUR").amount()).isEqualTo(new BigDecimal("5.00"));
        assertThatThrownBy(() -> Money.of("-1", "EUR")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("1.001", "EUR")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("1", "eur")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void moneyInTwoCurrenciesDoesNotAddUp() {
        assertThat(Money.of("1.50", "EUR").plus(Money.of("2", "EUR"))).isEqualTo(Money.of("3.50", "EUR"));
        assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "USD")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLineCostsItsUnitPriceTimesItsQuantity() {
        assertThat(Money.of("19.99", "EUR").times(3)).isEqualTo(Money.of("59.97", "EUR"));
    }
}
