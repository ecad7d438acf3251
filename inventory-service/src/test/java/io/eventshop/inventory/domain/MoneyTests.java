package io.eventshop.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.messaging.testing.MoneyContract;
import org.junit.jupiter.api.Test;

/** inventory-service's Money follows the rules every service's Money follows, and prices in euros. */
class MoneyTests extends MoneyContract<Money> {

    MoneyTests() {
        super(Money::of, Money::amount, money -> money.currency().getCurrencyCode());
    }

    @Test
    void aPriceInEurosIsInEur() {
        assertThat(Money.euros("17.9")).isEqualTo(Money.of("17.90", "EUR"));
    }
}
