package io.eventshop.order.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The value objects validate in their constructors. */
class ValueObjectsTests {

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
    void anOrderLineNeedsAPositiveQuantity() {
        assertThat(new OrderLine(new Sku("SKU-1"), 3, Money.of("2.50", "EUR")).total())
                .isEqualTo(Money.of("7.50", "EUR"));
        assertThatThrownBy(() -> new OrderLine(new Sku("SKU-1"), 0, Money.of("1", "EUR")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSkuMustNotBeBlankAndACountryIsTwoUpperCaseLetters() {
        assertThatThrownBy(() -> new Sku(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ShippingAddress("Ada", "1 Main St", "Berlin", "10115", "de"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
