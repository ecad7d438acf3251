package io.eventshop.order.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventshop.messaging.testing.MoneyContract;
import org.junit.jupiter.api.Test;

/** order-service's Money: the rules every service's Money follows (inherited), and adding an order's lines up. */
class MoneyTests extends MoneyContract<Money> {

    MoneyTests() {
        super(Money::of, Money::amount, Money::currency);
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
